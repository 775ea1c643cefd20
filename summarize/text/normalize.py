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

# (character, replacement) pairs, applied with str.replace: this runs on every article imported and
# analysed, and str.translate with a table reads every character through a dict (about 100 times
# slower on a news article, where most of these characters do not occur at all).
_DIGIT_PAIRS = tuple(zip(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS, "0123456789" * 2, strict=True))
_MATCHING = (
    *((mark, "") for mark in HARAKAT + TATWEEL),
    *((alef, "ا") for alef in ALEF_FORMS),
    *_DIGIT_PAIRS,
)
_SEARCH_FORM = (*_MATCHING, ("ة", "ه"), ("ى", "ي"))
_HAMZA_SEATS = (("ؤ", "و"), ("ئ", "ي"))
_HAMZA_UNSEATED = (("ؤ", "ء"), ("ئ", "ء"))


def replace_all(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """``text`` with each pair's first string replaced by its second (only those that occur are copied)."""
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to 0-9, for number parsing and matching."""
    return replace_all(text, _DIGIT_PAIRS)


def normalize(text: str, *, fold_letters: bool = False) -> str:
    """Matching form: no harakat or tatweel, one alef, Western digits, lower case.

    ``fold_letters`` also folds taa marbuta to haa and alef maqsura to yaa, which
    search wants (writers mix them freely) but similarity can do without.
    """
    if not text.isascii():
        text = replace_all(unicodedata.normalize("NFKC", text), _SEARCH_FORM if fold_letters else _MATCHING)
    return text.lower()


def unseat_hamza(text: str) -> str:
    """``ؤ`` and ``ئ`` to a bare ``ء``: writers seat the hamza either way (``مسئول``, ``مسؤول``), so
    names and search words match whichever seat they were written with."""
    return replace_all(text, _HAMZA_UNSEATED)


def fold_hamza_seats(text: str) -> str:
    """``ؤ`` to ``و`` and ``ئ`` to ``ي`` (``مسئول``/``مسؤول``, ``رئيس``/``ريس``): writers drop or move the hamza."""
    return replace_all(text, _HAMZA_SEATS)
