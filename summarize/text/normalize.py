"""Arabic letter folding for matching: one definition for search, similarity, rules and importers.

Normalization is for *matching* only; nothing shown to a user is ever normalized.
"""

from __future__ import annotations

import unicodedata

HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0670"
TATWEEL = "\u0640"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ALEF_FORMS = "أإآٱ"

_DIGITS_TO_ASCII = str.maketrans(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS, "0123456789" * 2)
# One translate pass per normalization (this runs on every word of every imported article).
_MATCHING = {**dict.fromkeys(map(ord, HARAKAT + TATWEEL)), **str.maketrans(ALEF_FORMS, "اااا"), **_DIGITS_TO_ASCII}
_SEARCH_FORM = {**_MATCHING, **str.maketrans("ةى", "هي")}
_HAMZA_SEATS = str.maketrans("ؤئ", "وي")


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


def fold_hamza_seats(text: str) -> str:
    """``ؤ`` to ``و`` and ``ئ`` to ``ي`` (``مسئول``/``مسؤول``, ``رئيس``/``ريس``): writers drop or move the hamza."""
    return text.translate(_HAMZA_SEATS)
