"""Character classes, word tokens and Arabic normalization shared by every analyzer.

Normalization is for *matching* only (search, similarity, deduplication);
nothing shown to a user is ever normalized.
"""

from __future__ import annotations

import re
import unicodedata

HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0670"
TATWEEL = "\u0640"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

_DIGITS_TO_ASCII = str.maketrans(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS, "0123456789" * 2)
# One translate pass per normalization (this runs on every word of every imported article).
_MATCHING = {**dict.fromkeys(map(ord, HARAKAT + TATWEEL)), **str.maketrans("أإآٱ", "اااا"), **_DIGITS_TO_ASCII}
_SEARCH_FORM = {**_MATCHING, **str.maketrans("ةى", "هي")}

ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")

# A word is a run of letters or digits; harakat and tatweel inside it belong to it
# (sumy's own pattern silently drops every word that carries a diacritic).
_MARKS = "\u064b-\u065f\u0670"
WORD = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}\u0640'’-](?=[^\W_]|[{_MARKS}]))*[{_MARKS}]*")


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to 0-9, for number parsing and matching."""
    return text.translate(_DIGITS_TO_ASCII)


def normalize(text: str, *, fold_letters: bool = False) -> str:
    """Matching form: no harakat or tatweel, one alef, Western digits, lower case.

    ``fold_letters`` also folds taa marbuta to haa and alef maqsura to yaa, which
    search wants (writers mix them freely) but similarity can do without.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_SEARCH_FORM if fold_letters else _MATCHING)
    return text.lower()


def words(text: str) -> list[str]:
    """Words as written (harakat kept), in order."""
    return WORD.findall(text)


def arabic_share(text: str) -> float:
    """Share of letters that are Arabic script: the first signal for language routing."""
    arabic = len(ARABIC_LETTER.findall(text))
    latin = len(LATIN_LETTER.findall(text))
    letters = arabic + latin
    return arabic / letters if letters else 0.0
