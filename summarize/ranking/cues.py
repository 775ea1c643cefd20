"""Word lists the sentence features look for: reporting verbs, titles, list lead-ins.

Normalized forms (no harakat, one alef; see ``summarize.text.normalize``). Languages without a
list get only the script-independent features (position, length, overlap, punctuation, digits).
"""

from __future__ import annotations

import re

REPORTING = {
    "ar": frozenset(
        [
            "اكد",
            "قال",
            "اعلن",
            "اضاف",
            "اوضح",
            "اشار",
            "صرح",
            "اكدت",
            "قالت",
            "اعلنت",
            "اضافت",
            "اوضحت",
            "اشارت",
            "اعتبر",
            "شدد",
            "اعرب",
            "وافق",
            "قرر",
            "دعا",
            "طالب",
            "كشف",
            "افاد",
            "ذكر",
            "وقال",
            "واكد",
            "واضاف",
            "واوضح",
            "واشار",
            "واعلن",
        ]
    ),
    "en": frozenset(
        [
            "said",
            "says",
            "told",
            "announced",
            "added",
            "stressed",
            "explained",
            "noted",
            "confirmed",
            "warned",
            "agreed",
        ]
    ),
}

TITLES = {
    "ar": frozenset(
        [
            "الرئيس",
            "رئيس",
            "وزير",
            "الوزير",
            "وزيرة",
            "الملك",
            "الامير",
            "الشيخ",
            "الدكتور",
            "السيد",
            "السفير",
            "المبعوث",
            "الامين",
            "المتحدث",
            "الناطق",
            "القائد",
            "النائب",
            "المدير",
            "مدير",
            "الجنرال",
            "العميد",
            "اللواء",
            "المستشار",
            "الوزيرة",
        ]
    ),
    "en": frozenset(
        [
            "president",
            "minister",
            "mr",
            "mrs",
            "ms",
            "dr",
            "king",
            "prince",
            "secretary",
            "chairman",
            "chief",
            "ambassador",
            "spokesman",
            "spokeswoman",
            "general",
            "senator",
            "governor",
            "mayor",
            "director",
            "professor",
        ]
    ),
}

# A sentence that announces a list: it ends in a colon, or in one of these words before one.
LEAD_IN_END = re.compile(r"[:：]\s*[\"'»”)]*\s*$")
LEAD_IN_WORDS = ("وهي", "وهى", "التالية", "التالي", "كالتالي", "كالاتي", "الاتية", "الاتي", "follows", "following")

QUOTES = re.compile('["«»“”„]')
DIGIT = re.compile(r"\d")
