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

_HARAKAT = "\u064b-\u0652"


def _spelled(word: str) -> str:
    """Regex text for an Arabic word in any spelling: hamza or bare alef, harakat after any letter ("أوَّلاً")."""
    letters = [{"أ": "[أا]", "إ": "[إا]"}.get(ch, re.escape(ch)) for ch in word]
    return f"[{_HARAKAT}]*".join(letters)


ORDINAL_WORDS = "|".join(_spelled(w) for w in dict.fromkeys((*ARABIC_ORDINALS, *ARABIC_LAST)))
# An ordinal opening a line: followed by punctuation ("أولا: ...", "ثانياً - ...") or by a space.
ORDINAL_MARKER = rf"و?(?:{ORDINAL_WORDS})[{_HARAKAT}]*(?:[^\S\n]*[:：،,\-–.)]|(?=[^\S\n]))"

LINE_ITEM = re.compile(rf"^[\s\u200e\u200f]*(?:{NUMBER_MARKER}|{BULLET_MARKER}|{ORDINAL_MARKER})[^\S\n]*(?=\S)")


def item_marker(line: str) -> re.Match[str] | None:
    """The list marker opening ``line`` (the item text starts at ``match.end()``), or None."""
    return LINE_ITEM.match(line)


def is_list_item(line: str) -> bool:
    """True when ``line`` opens with a list marker (numbers, ordinal words, dashes, bullets)."""
    return LINE_ITEM.match(line) is not None


# --- Parsing a marker: its value and its family -------------------------------------------------------

_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Number markers whose punctuation differs but that writers mix inside one list ("1. … 2. … 3- …").
_FAMILIES = {"-": "dash", "–": "dash", ".": "dash", ":": "dash", ")": "paren", "]": "paren", "/": "slash"}


def number_value(marker: str) -> int | None:
    """The number a marker carries ("٣)" -> 3, "(12)" -> 12), or None when it holds no digits."""
    digits = "".join(ch for ch in marker.translate(_TO_ASCII) if ch.isdigit())
    return int(digits) if digits else None


def number_family(marker: str) -> str:
    """Which numbering style a number marker belongs to: "dash" (1- 1. 1:), "paren" (1) (1) [1]) or "slash"."""
    text = marker.strip()
    if text.startswith(("(", "[")):
        return "paren"
    closer = text.rstrip()[-1:] if text else ""
    return _FAMILIES.get(closer, "dash")


def bullet_family(marker: str) -> str:
    """Dashes of any length are one family, every other bullet character its own: "-", "–" -> "-"."""
    text = marker.strip()
    if text.startswith("--"):
        return "--"
    return "-" if text[:1] in "-–—" else text[:1]


# A number marker inside running text ("التالية: 1-تطوير …. 2- …", "، 2- …", "و 2) …"): after a space,
# a separator or a colon; "/" and ":" styles only ever open lines (inline they are dates and times).
INLINE_NUMBER = re.compile(
    rf"(?:(?<=[\s،,;؛:.])|^)[(\[]?[{DIGITS}]{{1,2}}[^\S\n]?[)\].\-–](?![{DIGITS}])[^\S\n]*(?=\S)"
)
# A bullet inside running text ("ما يلي : * يمنع … * تلتزم …"): after a space, before a word.
INLINE_BULLET = re.compile(rf"(?<=\s){BULLET_MARKER}[^\S\n]*(?=\S)")
# Wire-service items ("    -- an end to agricultural subsidies;"): a "--" line is an item only among other
# "--" lines (the caller checks the run); alone it is a rule, so ``LINE_ITEM`` leaves it out.
WIRE_DASH_ITEM = re.compile(r"^[^\S\n]*--(?!-)[^\S\n]+(?=\S)")


# --- Ordinal words inside running text ----------------------------------------------------------------


def _ordinal_regex(word: str) -> str:
    """Regex text for an ordinal adverb: any alef spelling, harakat anywhere ("أولاً", "أولًا", "أوَّلاً")."""
    return _spelled(word) + f"[{_HARAKAT}]*"


_ORDINAL_ALTERNATIVES = "|".join(f"(?P<o{n}>{_ordinal_regex(w)})" for n, w in enumerate(ARABIC_ORDINALS, 1))
_LAST_ALTERNATIVES = "|".join(_ordinal_regex(w.removeprefix("و")) for w in dict.fromkeys(ARABIC_LAST))
# An ordinal adverb in running text ("فهي تريد أولاً أن …؛ وثانياً أن …"), with its punctuation.
INLINE_ORDINAL = re.compile(
    rf"(?:(?<=[\s\"«“(:،,؛])|^)و?(?:{_ORDINAL_ALTERNATIVES}|(?P<last>{_LAST_ALTERNATIVES}))"
    rf"(?=[\s،,:؛.\-–)])[^\S\n]*[،,:：\-–.)]?[^\S\n]*"
)


def ordinal_value(match: re.Match[str]) -> int | None:
    """The position an ``INLINE_ORDINAL`` match names (1 for "أولاً"), or None for "وأخيراً"."""
    for n in range(1, len(ARABIC_ORDINALS) + 1):
        if match.group(f"o{n}"):
            return n
    return None


# Ordinal adjectives after a noun ("ويقضي القرار الثالث بـ …", "البند الرابع"), masculine and feminine:
# they number an item only when they continue a run of ordinal adverbs (the caller checks the run).
ARABIC_ORDINAL_ADJECTIVES: tuple[tuple[str, str], ...] = (
    ("الأول", "الأولى"),
    ("الثاني", "الثانية"),
    ("الثالث", "الثالثة"),
    ("الرابع", "الرابعة"),
    ("الخامس", "الخامسة"),
    ("السادس", "السادسة"),
    ("السابع", "السابعة"),
    ("الثامن", "الثامنة"),
    ("التاسع", "التاسعة"),
    ("العاشر", "العاشرة"),
)
_ADJECTIVE_ALTERNATIVES = "|".join(
    f"(?P<a{n}>{'|'.join(_spelled(w) for w in pair)})" for n, pair in enumerate(ARABIC_ORDINAL_ADJECTIVES, 1)
)
# "، ويقضي القرار الثالث بـ": up to two words (a verb, a noun) after a clause break, then the adjective.
ORDINAL_PHRASE = re.compile(
    rf"(?:(?<=[،,؛;.])|(?<=[،,؛;.]\s))[^\S\n]*(?:[^\W\d_]+[^\S\n]+){{1,2}}(?:{_ADJECTIVE_ALTERNATIVES})"
    rf"(?![^\W\d_])[^\S\n]*[:،,]?[^\S\n]*"
)


def ordinal_phrase_value(match: re.Match[str]) -> int:
    """The position an ``ORDINAL_PHRASE`` match names (3 for "ويقضي القرار الثالث")."""
    return next(n for n in range(1, len(ARABIC_ORDINAL_ADJECTIVES) + 1) if match.group(f"a{n}"))
