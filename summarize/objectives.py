"""Numbered objectives: enumerated lists of goals, demands, conditions, points or pillars.

A list is found by its markers (digits in any script, dashes, bullets, ``*``, ordinal
words), on lines of their own or inside one paragraph after a colon. The lead-in is the
sentence that introduces it; the announced count comes from that sentence ("ثلاث أهداف
وهي:"). Lists whose lead-in says they hold reasons, results or names, and timelines
(items opening with a date), are not objectives. Pure text in, frozen dataclasses out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarize.numbers import announced, announced_count, is_topic_noun
from summarize.rules import objective_topics, titles
from summarize.sentences import line_spans
from summarize.text import lists as list_markers
from summarize.text import normalize

_B = re.escape(list_markers.BULLETS)
_LINE_ITEM = list_markers.LINE_ITEM
# A colon that opens an inline list: "التالية: - ...", "وهي: ١- ...", "منها : *مبدأ ...".
_INLINE_OPEN = re.compile(rf"[:：]\s*(?=(?:[{_B}]|{list_markers.NUMBER_MARKER}\s)\s*\S)")
# An inline marker: a bullet after a space, or a small number with a dash or stop.
_INLINE_MARK = re.compile(rf"(?:(?<=\s)|^)(?:[{_B}]|{list_markers.NUMBER_MARKER})(?![{_B}])\s*(?=\S)")
_SENTENCE_END = re.compile(r"[.!?؟](?:['\"”»’)])*(?=\s+\S)")
# An item that opens with a date: "1984 ...", "في 27 ماي 1986، ...", "عام 1994 ...", "On 3 March 2004, ...".
_YEAR = r"(?:(?:1[5-9]|20)\d\d|[١۱][٥-٩۵-۹][٠-٩۰-۹]{2}|[٢۲][٠۰][٠-٩۰-۹]{2})(?![0-9٠-٩۰-۹])"
_YEAR_START = re.compile(
    rf"^\W*(?:(?:في|وفي|عام|سنة|منذ|in|on|since)\s+)?(?:[0-9٠-٩۰-۹]{{1,2}}\s+)?(?:[^\W\d_]+\s+)?{_YEAR}",
    re.IGNORECASE,
)
_NUMBER_START = re.compile(r"^\W*[0-9٠-٩۰-۹]")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_TRAILING = " \t\u00a0,،;؛-–\"'«»“”"


@dataclass(frozen=True, slots=True)
class ObjectiveList:
    """One enumerated list: who introduces it, what it is about, how many it announces and its items."""

    lead_in: str | None
    topic: str | None
    announced_count: int | None
    items: tuple[str, ...]
    count_mismatch: bool
    item_spans: tuple[tuple[int, int], ...] = ()
    lead_in_span: tuple[int, int] | None = None


@dataclass
class _Draft:
    items: list[tuple[int, int]]
    lead: tuple[int, int] | None
    inline_last: bool = False
    ordinal: bool = False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRAILING + "\r\n":
        start += 1
    while end > start and text[end - 1] in _TRAILING + "\r\n":
        end -= 1
    return start, end


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, not before ``lo``."""
    start = lo
    for match in _SENTENCE_END.finditer(text, lo, pos):
        start = match.end()
    return start


def _lead_before_line(text: str, lines: list[tuple[int, int]], index: int) -> tuple[int, int] | None:
    """The last sentence of the nearest non-blank line above ``index``, if it introduces a list."""
    for j in range(index - 1, max(index - 3, -1), -1):
        a, b = lines[j]
        if not text[a:b].strip():
            continue
        if _LINE_ITEM.match(text[a:b]):
            return None
        a, b = _trim(text, _sentence_start(text, a, b), b)
        sentence = text[a:b]
        said = announced(sentence)
        announces = said is not None and is_topic_noun(said.noun)  # "وحدد البيان خمسة مطالب أساسية"
        return (a, b) if _introduces(sentence) or announces else None
    return None


def _introduces(sentence: str) -> bool:
    """A lead-in ends with a colon or announces what follows ("ما يلي", "التالية", "the following")."""
    s = sentence.rstrip()
    if s.endswith((":", "：")):
        return True
    low = normalize(s)
    cues = ("ما يلي", "التاليه", "التالية", "كالتالي", "كما يلي", "following", "as follows", "include:")
    return any(cue in low for cue in cues)


def _split_inline(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Items of an inline list whose markers lie between ``start`` and ``end``."""
    marks = list(_INLINE_MARK.finditer(text, start, end))
    items = []
    for k, mark in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else end
        a, b = _trim(text, mark.end(), stop)
        if a < b:
            items.append((a, b))
    return items


def _cut_last(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The last inline item ends at its first sentence end: the prose after it is a new statement."""
    a, b = span
    match = _SENTENCE_END.search(text, a, b)
    if match and len(_WORD.findall(text[a : match.end()])) >= 3:
        return a, match.end()
    return span


def _line_lists(text: str) -> list[_Draft]:
    lines = line_spans(text)
    drafts: list[_Draft] = []
    current: _Draft | None = None
    for index, (a, b) in enumerate(lines):
        line = text[a:b]
        if not line.strip():
            continue
        marker = _LINE_ITEM.match(line)
        if marker:
            inner = _INLINE_OPEN.search(text, a + marker.end(), b)
            item_end = inner.start() + 1 if inner else b
            span = _trim(text, a + marker.end(), item_end)
            if current is None:
                current = _Draft([], _lead_before_line(text, lines, index))
                drafts.append(current)
            if current.inline_last and current.items:
                current.inline_last = False
            if span[0] < span[1]:
                current.items.append(span)
            continue
        opener = _INLINE_OPEN.search(text, a, b)
        if opener:
            lead = _trim(text, _sentence_start(text, a, opener.start()), opener.start() + 1)
            current = _Draft(_split_inline(text, opener.end(), b), lead, inline_last=True)
            drafts.append(current)
            continue
        current = None
    return drafts


@cache
def _ordinal_pattern() -> re.Pattern[str]:
    words = [normalize(w) for w in list_markers.ARABIC_ORDINALS]
    alternatives = "|".join(rf"{w}" for w in words + [normalize(w).lstrip("و") for w in list_markers.ARABIC_LAST])
    return re.compile(rf"(?:(?<=[\s\"«“(])|^)و?({alternatives})(?:[ًٌ])?(?=[\s،,:؛.\-–])\s*[،,:\-–]?\s*")


def _ordinal_lists(text: str) -> list[_Draft]:
    """Arabic ordinal words inside running text: "أولا ... وثانيا ... وأخيرا"."""
    plain = _normalize_keep_offsets(text)
    ordinals = [normalize(w) for w in list_markers.ARABIC_ORDINALS]
    last = normalize(list_markers.ARABIC_LAST[0])
    hits = list(_ordinal_pattern().finditer(plain))
    drafts: list[_Draft] = []
    k = 0
    while k < len(hits):
        if hits[k].group(1) != ordinals[0] or _at_line_start(text, hits[k].start()):
            k += 1
            continue
        run = [hits[k]]
        expected = 1
        for nxt in hits[k + 1 :]:
            if nxt.start() - run[-1].end() > 1500:
                break
            if expected < len(ordinals) and nxt.group(1) == ordinals[expected]:
                run.append(nxt)
                expected += 1
            elif nxt.group(1) == last and expected >= 2:
                run.append(nxt)
                break
            elif nxt.group(1) == ordinals[0]:
                break
        k += len(run)
        if len(run) < 2:
            continue
        items = []
        for j, hit in enumerate(run):
            stop = _paragraph_end(text, hit.end())
            if j + 1 < len(run):
                stop = min(stop, run[j + 1].start())
            span = _trim(text, hit.end(), stop)
            if j + 1 == len(run):
                span = _cut_last(text, span)
            items.append(span)
        drafts.append(_Draft(items, _ordinal_lead(text, run[0].start()), ordinal=True))
    return drafts


def _normalize_keep_offsets(text: str) -> str:
    """Alef forms folded, harakat kept as is: same length as ``text`` so offsets hold."""
    return text.translate(str.maketrans("أإآ", "ااا"))


def _at_line_start(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _ordinal_lead(text: str, pos: int) -> tuple[int, int] | None:
    """The nearest sentence before the first ordinal that announces a count, else the clause before it."""
    lo = max(0, pos - 1200)
    sentence_start = _sentence_start(text, text.rfind("\n", 0, pos) + 1, pos)
    bounds = [m.end() for m in _SENTENCE_END.finditer(text, lo, sentence_start)]
    starts = [lo, *bounds, sentence_start]
    for j in range(len(starts) - 1, max(len(starts) - 4, 0), -1):
        a, b = _trim(text, starts[j - 1], starts[j])
        if announced_count(text[a:b]) is not None:
            return a, b
    a, b = _trim(text, sentence_start, pos)
    return (a, b) if b > a and text[a:b].rstrip().endswith((":", "：")) else None


def _not_objectives(lead: str | None, items: list[str]) -> bool:
    """Lists of reasons, results, names or dates are not objectives."""
    if lead:
        low = normalize(lead)
        tokens = set(_WORD.findall(low))
        for word in objective_topics.NOT_OBJECTIVES_ARABIC + objective_topics.NOT_OBJECTIVES_ENGLISH:
            key = normalize(word)
            if (" " in key and key in low) or key in tokens:
                return True
    years = sum(1 for item in items if _YEAR_START.match(item))
    figures = sum(1 for item in items if _NUMBER_START.match(item))
    people = sum(1 for item in items if _introduces_a_person(item))
    # a timeline, statistics, or people ("- ديما جمالي، مرشحة المستقبل في طرابلس ...")
    return years * 2 > len(items) or figures * 5 >= len(items) * 3 or people * 2 >= len(items)


def _introduces_a_person(item: str) -> bool:
    """ "NAME، role ...": two or three words, a comma, then an office or a relation."""
    name, comma, rest = item.partition("،")
    if not comma:
        name, comma, rest = item.partition(",")
    words, after = _WORD.findall(name), _WORD.findall(rest)[:1]
    if not comma or not 2 <= len(words) <= 3 or not after or any(w[0].isdigit() for w in words):
        return False
    role = normalize(after[0])
    for prefix in ("و", "ال"):
        role = role.removeprefix(prefix)
    return role in _person_roles()


@cache
def _person_roles() -> frozenset[str]:
    """Office, relation and profession words, as titles.py lists them (normalized, no article)."""
    words = titles.ARABIC_HEADS + titles.ARABIC_HONORIFICS + titles.ARABIC_KINSHIP
    return frozenset(normalize(w).removeprefix("ال") for w in words)


def _title_count(text: str):
    """A count the headline announces with a topic noun ("3 شروط للتهدئة"), for an article with one list."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if len(_WORD.findall(first)) > 20:
        return None
    said = announced(first)
    return said if said is not None and is_topic_noun(said.noun) else None


def _topic(lead: str | None) -> str | None:
    if not lead:
        return None
    for word in _WORD.findall(lead):
        if is_topic_noun(word):
            return word
    return None


def extract_objectives(text: str, lang: str | None = None) -> tuple[ObjectiveList, ...]:
    """Every enumerated list of objectives in ``text``, in order of appearance."""
    del lang  # markers are script-independent; kept for a uniform analyzer signature
    drafts = sorted(_line_lists(text) + _ordinal_lists(text), key=lambda d: d.items[0][0] if d.items else 0)
    out: list[ObjectiveList] = []
    for draft in drafts:
        spans = list(draft.items)
        if draft.inline_last and spans:
            spans[-1] = _cut_last(text, spans[-1])
        spans = [s for s in spans if s[0] < s[1]]
        if len(spans) < 2:
            continue
        items = [text[a:b] for a, b in spans]
        lead = text[draft.lead[0] : draft.lead[1]] if draft.lead else None
        if _not_objectives(lead, items):
            continue
        said = announced(lead) if lead else None
        if said is None and len(drafts) == 1:
            said = _title_count(text)  # "خمسة مطالب للمحتجين" as the headline of a one-list article
        count = said.value if said else None
        topic = said.noun if said and is_topic_noun(said.noun) else _topic(lead)
        out.append(
            ObjectiveList(
                lead_in=lead,
                topic=topic,
                announced_count=count,
                items=tuple(items),
                count_mismatch=count is not None and count != len(items),
                item_spans=tuple(spans),
                lead_in_span=draft.lead,
            )
        )
    return tuple(out)
