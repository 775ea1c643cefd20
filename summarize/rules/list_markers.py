"""How enumerated lists are marked: numbers, bullets, dashes and ordinal words.

Regular-expression fragments, not compiled here; ``summarize.objectives`` compiles them.
"""

from __future__ import annotations

DIGITS = "0-9٠-٩۰-۹"
# A number marker: "1-", "١.", "(٣)", "2)", "٤ -"; never a year (at most two digits).
NUMBER_MARKER = rf"[(\[]?[{DIGITS}]{{1,2}}\s?[)\].\-–/](?![{DIGITS}])"
# Bullet and dash characters that open an item (tatweel "ـ" is not one: it stretches words).
BULLETS = "-–—•*▪●◦·"

# Ordinal words that number items in running text, in order ("أولاً ... ثانياً ... وأخيراً").
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
