"""Which script a text is written in: the one test for "is this Arabic" that every room shares."""

from __future__ import annotations

import re

ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
ARABIC_THRESHOLD = 0.3  # an Arabic article quoting English names and acronyms is still Arabic


_ARABIC_RUN = re.compile(ARABIC_LETTER.pattern + "+")
_LATIN_RUN = re.compile(LATIN_LETTER.pattern + "+")


def arabic_share(text: str) -> float:
    """Share of letters that are Arabic script: the first signal for language routing.

    Letters are counted by runs: a list of every letter (findall per letter) cost four times as much
    on each imported article."""
    arabic = sum(map(len, _ARABIC_RUN.findall(text)))
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    letters = arabic + latin
    return arabic / letters if letters else 0.0


def has_arabic(text: str) -> bool:
    """Whether any Arabic letter occurs (a Latin sentence with one Arabic name needs Arabic handling)."""
    return ARABIC_LETTER.search(text) is not None


def is_arabic(text: str) -> bool:
    """Whether ``text`` is mainly Arabic (``ARABIC_THRESHOLD`` of its letters or more)."""
    return arabic_share(text) >= ARABIC_THRESHOLD
