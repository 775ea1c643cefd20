"""Number words for announced counts ("ثلاث أهداف", "ثلاثة مطالب", "five points").

Both genders of each Arabic numeral are listed; the dual ("هدفين") is built from the
singular nouns in ``objective_topics.TOPIC_SINGULARS``. Counts above twenty are never
list sizes in news text, so the tables stop there.
"""

from __future__ import annotations

ARABIC: dict[str, int] = {
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "ثنتين": 2,
    "ثلاث": 3,
    "ثلاثة": 3,
    "ثلاثه": 3,
    "أربع": 4,
    "أربعة": 4,
    "اربع": 4,
    "اربعة": 4,
    "خمس": 5,
    "خمسة": 5,
    "ست": 6,
    "ستة": 6,
    "سبع": 7,
    "سبعة": 7,
    "ثمان": 8,
    "ثماني": 8,
    "ثمانية": 8,
    "تسع": 9,
    "تسعة": 9,
    "عشر": 10,
    "عشرة": 10,
}
# Compound numbers 11-20, written as two words.
ARABIC_COMPOUND: dict[tuple[str, str], int] = {
    ("أحد", "عشر"): 11,
    ("إحدى", "عشرة"): 11,
    ("اثنا", "عشر"): 12,
    ("اثني", "عشر"): 12,
    ("اثنتا", "عشرة"): 12,
    ("اثنتي", "عشرة"): 12,
    ("ثلاثة", "عشر"): 13,
    ("ثلاث", "عشرة"): 13,
    ("أربعة", "عشر"): 14,
    ("أربع", "عشرة"): 14,
    ("خمسة", "عشر"): 15,
    ("خمس", "عشرة"): 15,
}
ENGLISH: dict[str, int] = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a dozen": 12,
    "dozen": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
}
# Words that say "several" without a number: they are no count ("عديد النقاط", "several demands").
VAGUE = frozenset({"عدة", "عديد", "بضع", "بضعة", "جملة", "several", "many", "some", "various", "numerous"})
# Largest count taken from digits ("3 أهداف"); larger numbers are years, sums or percentages.
MAX_DIGIT_COUNT = 20
