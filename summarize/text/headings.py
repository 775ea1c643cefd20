"""Whether the first two lines of an article are a section label over its headline.

Writers often put the kicker (``أخبار عاجلة``, ``Breaking news``) on the line directly above
the headline with no blank line between, and the two were read as one hard-wrapped headline
(``أخبار عاجلة قمة الدوحة: …``). One rule, shared by the importer (the stored kicker and title)
and the sentence splitter (the kicker and title units), so the two cannot disagree.
"""

from __future__ import annotations

import re

from summarize.text.lists import is_list_item
from summarize.text.tokens import words

LABEL_MAX_WORDS = 4
# A label is much shorter than the headline under it; a headline hard-wrapped after a few words
# has its longer line first (wrapping fills a line before starting the next), so it is not split.
LABEL_MAX_SHARE = 0.6
_LABEL_END = re.compile(r"[.،,؛;:!?؟…\-–—]\s*$")  # a label ends in no punctuation at all
_SENTENCE_END = re.compile(r"[.،,؛;:]\s*$")  # a headline may end in ? or !, never like a sentence


def is_label_over_headline(first: str, second: str, *, headline_max_words: int) -> bool:
    """Whether line ``first`` is a short label (a kicker) and line ``second`` the headline under it."""
    first, second = first.strip(), second.strip()
    if not first or not second or is_list_item(first) or is_list_item(second):
        return False
    if _LABEL_END.search(first) or _SENTENCE_END.search(second):
        return False
    label_words, headline_words = words(first), words(second)
    if not label_words or len(label_words) > LABEL_MAX_WORDS or len(headline_words) > headline_max_words:
        return False
    return len(first) <= LABEL_MAX_SHARE * len(second)
