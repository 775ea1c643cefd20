"""How enumerated lists are marked: numbers in any digits, bullets and dashes, ordinal words.

One definition for the sentence splitter (a list item is a unit of its own), the objectives
extractor (which items make a list) and the importers (a list item keeps its own line).
The fragments are regular-expression text so callers can build inline patterns from them.
"""

from __future__ import annotations

import re

DIGITS = "0-9٠-٩۰-۹"
# A number marker: "1-", "١.", "(٣)", "2)", "٤ -", "3:"; never a year (at most two digits) nor "10:30".
NUMBER_MARKER = rf"[(\[]?[{DIGITS}]{{1,2}}\s?[)\].\-–:/](?![{DIGITS}])"
# Bullet and dash characters that open an item (tatweel "ـ" is not one: it stretches words).
BULLETS = "-–—•*▪●◦·"
_B = re.escape(BULLETS)
# "--" or "**" is a rule or emphasis, not a bullet; a dash before a digit is a minus sign ("-5 degrees").
BULLET_MARKER = rf"(?:[-–—](?![{_B}{DIGITS}])|[•*▪●◦·](?![{_B}]))"

# Ordinal words that number items ("أولاً ... ثانياً ... وأخيراً"), in order.
ARABIC_ORDINALS: tuple[str, ...] = (
    "أولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
)
ARABIC_LAST = ("أخيرا", "وأخيرا", "واخيرا", "اخيرا")
ENGLISH_ORDINALS: tuple[tuple[str, ...], ...] = (
    ("first", "firstly"),
    ("second", "secondly"),
    ("third", "thirdly"),
    ("fourth", "fourthly"),
    ("fifth", "fifthly"),
    ("sixth",),
    ("seventh",),
    ("eighth",),
    ("ninth",),
    ("tenth",),
)
ENGLISH_LAST = ("finally", "lastly")

ORDINAL_WORDS = "|".join(
    w.replace("أ", "[أا]").replace("إ", "[إا]") for w in dict.fromkeys((*ARABIC_ORDINALS, *ARABIC_LAST))
)
# An ordinal opening a line: followed by punctuation ("أولا: ...", "ثانياً - ...") or by a space.
ORDINAL_MARKER = rf"و?(?:{ORDINAL_WORDS})[ًٌ]?(?:[^\S\n]*[:：،,\-–.)]|(?=[^\S\n]))"

LINE_ITEM = re.compile(rf"^[\s\u200e\u200f]*(?:{NUMBER_MARKER}|{BULLET_MARKER}|{ORDINAL_MARKER})[^\S\n]*(?=\S)")


def item_marker(line: str) -> re.Match[str] | None:
    """The list marker opening ``line`` (the item text starts at ``match.end()``), or None."""
    return LINE_ITEM.match(line)


def is_list_item(line: str) -> bool:
    """True when ``line`` opens with a list marker (numbers, ordinal words, dashes, bullets)."""
    return LINE_ITEM.match(line) is not None
