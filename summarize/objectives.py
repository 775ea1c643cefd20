"""Numbered objectives: enumerated lists of goals, demands, conditions, points or pillars.

How a list is found:

1. The text is cut into *paragraphs*: each line, and each piece of a line between runs of three
   or more spaces (scrapers join paragraphs that way); in a hard-wrapped text (newswire lines of
   about 65 columns) the wrapped lines of one paragraph are joined again.
2. Every list marker is found, at the start of a paragraph or inside one: numbers in any digits
   and style (``1-``, ``1)``, ``(1)``, ``1.``), bullets and dashes, wire-service ``--``, ordinal
   adverbs (``أولاً … ثانياً … وأخيراً``) and ordinal adjectives that continue them (``ويقضي القرار
   الثالث``).
3. Markers are chained: numbers in sequence (1, 2, 3 … in order, which is the evidence for items
   that run together on one line), ordinals in sequence, bullets of one kind on consecutive
   paragraphs. A chain inside an item of another (or right after an item that ends with a colon)
   is a sub-list: it belongs to that item, whose text ends where the sub-list starts.
4. An item runs from its marker to the next marker of its chain (explanation paragraphs between
   numbered items belong to the item before); the last item ends with its paragraph, or inside a
   run-together paragraph at the separator the other items used or at the end of its sentence.

The lead-in is the sentence or clause that introduces the list (the paragraph before it, or the
clause before the first marker); the announced count comes from it, from a short lead-in's
previous sentence, or from the headline. Lists of reasons, results, findings, statements,
problems, names and timelines are not objectives. Pure text in, frozen dataclasses out.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cache

from summarize.numbers import Count, announced, find_counts, is_topic_noun, topic_key
from summarize.rules import objective_topics, titles
from summarize.sentences import line_spans
from summarize.text import has_arabic, normalize
from summarize.text import lists as list_markers

_LINE_ITEM = list_markers.LINE_ITEM
_SENTENCE_END = re.compile(r"[.!?؟](?:['\"”»’)])*(?=\s+\S)")
_SOFT_BREAK = re.compile(r"[^\S\n]{3,}")
# What follows an ordinal that closes its phrase instead of opening an item: "ثم", a full stop, "..".
_POSTPOSED = re.compile(r"[^\S\n]*(?:ثم(?![^\W\d_])|\.\.|\.(?![0-9٠-٩])|!)")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_TRAILING = " \t\u00a0,،;؛-–\"'«»“”"
_OPEN_LINE_END = re.compile(r"[.!?؟:;؛\"'”»’)]\s*$")
# An item that opens with a date: "1984 ...", "في 27 ماي 1986، ...", "عام 1994 ...", "On 3 March 2004, ...",
# and Hijri years ("1436هـ").
_YEAR = (
    r"(?:(?:1[5-9]|20)\d\d|[١۱][٥-٩۵-۹][٠-٩۰-۹]{2}|[٢۲][٠۰][٠-٩۰-۹]{2})(?![0-9٠-٩۰-۹])"
    r"|[1١۱][34٣٤۳۴][0-9٠-٩۰-۹]{2}\s*هـ?(?![0-9٠-٩۰-۹])"
)
_YEAR_START = re.compile(
    rf"^\W*(?:(?:في|وفي|عام|سنة|منذ|in|on|since)\s+)?(?:[0-9٠-٩۰-۹]{{1,2}}\s*[/\s]\s*)?"
    rf"(?:(?:[^\W\d_]+|[0-9٠-٩۰-۹]{{1,2}})\s*[/\s]\s*)?(?:{_YEAR})",
    re.IGNORECASE,
)
# "في 12 يونيو، …", "March 3: …", "On May 5, …": an item that opens with a day of a named month.
_DATE_START = re.compile(
    rf"^\W*(?:(?:في|وفي|يوم|on|in)\s+)?(?:[0-9٠-٩]{{1,2}}\s+(?:{objective_topics.MONTHS})(?![^\W\d_])"
    rf"|(?:{objective_topics.MONTHS})\.?\s+[0-9]{{1,2}}(?![0-9]))",
    re.IGNORECASE,
)
# "بتاريخ 10 / 1 / 1436هـ", "on 12/3/1987": an item that dates an event that happened.
_FULL_DATE = re.compile(r"(?<![0-9٠-٩])[0-9٠-٩]{1,2}\s*/\s*[0-9٠-٩]{1,2}\s*/\s*[0-9٠-٩]{4}(?![0-9٠-٩])")
_NUMBER_START = re.compile(r"^\W*[0-9٠-٩۰-۹]")
# "gold 874.0 mln vs 864.1 mln": a figure set against last period's, as wire statistics give them.
_VERSUS = re.compile(r"[0-9][^\n]{0,30}?\s(?:vs\.?|versus)\s+[0-9]", re.IGNORECASE)
# "العريف / أحمد موسى …", "جندي متدرب/ عبدالله …": a rank or label, a slash, then a name.
_LABEL_SLASH = re.compile(r"^\W*[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*/\s*[^\W\d_]+\s+[^\W\d_]+")
# Numbered chains may cross this many explanation paragraphs between two items; ordinals this many characters.
_MAX_PROSE_GAP = 3
_MAX_ORDINAL_GAP = 1500
_LOOKBACK = 1200


@dataclass(frozen=True, slots=True)
class ObjectiveList:
    """One enumerated list: who introduces it, what it is about, how many it announces and its items.

    ``items`` are the item texts without marker or trailing separator; an item that runs over
    several lines is joined with single spaces. ``item_spans`` give each item's place in the text.
    """

    lead_in: str | None
    topic: str | None
    announced_count: int | None
    items: tuple[str, ...]
    count_mismatch: bool
    item_spans: tuple[tuple[int, int], ...] = ()
    lead_in_span: tuple[int, int] | None = None


@dataclass(slots=True)
class _Para:
    start: int
    end: int
    indent: int


@dataclass(slots=True)
class _Marker:
    start: int  # where the marker starts
    end: int  # where the item text starts
    kind: str  # "num", "ord", "bullet"
    family: str
    value: int | None  # number or ordinal position; None for bullets and "وأخيراً"
    para: int
    at_start: bool  # opens its paragraph
    opener: bool = False  # may open a chain in running text (after a colon; any ordinal adverb)
    weak: bool = False  # a "1" in running text with no colon before it: its chain needs three items
    phrase: bool = False  # an ordinal adjective phrase ("ويقضي القرار الثالث")


@dataclass(slots=True)
class _Chain:
    markers: list[_Marker]
    kind: str
    family: str
    parent: _Chain | None = None
    closed: bool = False
    nested_starts: list[int] = field(default_factory=list)

    @property
    def first(self) -> _Marker:
        return self.markers[0]

    @property
    def last(self) -> _Marker:
        return self.markers[-1]

    def next_value(self) -> int | None:
        value = self.last.value
        return None if value is None else value + 1


# --- paragraphs -----------------------------------------------------------------------------------


def _virtual_lines(text: str) -> list[tuple[int, int, bool]]:
    """Each line, cut again at runs of three or more spaces; the flag says the piece follows such a run."""
    out = []
    for a, b in line_spans(text):
        pos = a
        content = len(text[a:b]) - len(text[a:b].lstrip())
        for match in _SOFT_BREAK.finditer(text, a + content, b):
            if match.end() >= b:
                break
            out.append((pos, match.start(), pos != a))
            pos = match.end()
        out.append((pos, b, pos != a))
    return out


def _is_marker_line(line: str) -> bool:
    return _LINE_ITEM.match(line) is not None or list_markers.WIRE_DASH_ITEM.match(line) is not None


def _hard_wrapped(text: str, lines: list[tuple[int, int, bool]]) -> bool:
    """Newswire-style text: short lines of similar width that mostly break inside a sentence."""
    filled = [(a, b) for a, b, _ in lines if text[a:b].strip()]
    if len(filled) < 6:
        return False
    if sum(1 for a, b in filled if len(text[a:b].rstrip()) <= 100) < 0.8 * len(filled):
        return False
    pairs = open_ = 0
    for (a, b, _), (c, d, soft) in itertools.pairwise(lines):
        if soft or not text[a:b].strip() or not text[c:d].strip() or _is_marker_line(text[c:d]):
            continue
        pairs += 1
        open_ += not _OPEN_LINE_END.search(text[a:b])
    return pairs >= 3 and open_ * 2 >= pairs


def _paragraphs(text: str) -> list[_Para]:
    lines = _virtual_lines(text)
    wrapped = _hard_wrapped(text, lines)
    paras: list[_Para] = []
    previous: tuple[int, int] | None = None  # the last non-blank line of the current paragraph
    for a, b, soft in lines:
        line = text[a:b]
        if not line.strip():
            previous = None
            continue
        indent = len(line) - len(line.lstrip())
        joins = (
            wrapped
            and previous is not None
            and not soft
            and not _is_marker_line(line)
            and not (indent > 0 and (indent > previous[1] or _OPEN_LINE_END.search(text[previous[0] : paras[-1].end])))
        )
        if joins:
            paras[-1].end = b
        else:
            paras.append(_Para(a + indent, a + len(line.rstrip()), indent))
        previous = (a, indent)
    for para in paras:
        para.end = para.start + len(text[para.start : para.end].rstrip())
    return paras


# --- markers --------------------------------------------------------------------------------------


def _line_marker(text: str, para: _Para, index: int) -> _Marker | None:
    line = text[para.start : para.end]
    wire = list_markers.WIRE_DASH_ITEM.match(line)
    match = wire or _LINE_ITEM.match(line)
    if match is None:
        return None
    raw = line[: match.end()].strip()
    end = para.start + match.end()
    rest = line[match.end() :]
    if rest[:1] in list_markers.BULLETS or not _WORD.search(rest):
        return None  # "* * * *": a decorative rule between sections, no item
    if wire:
        return _Marker(para.start, end, "bullet", "--", None, index, True)
    ordinal = list_markers.INLINE_ORDINAL.match(line)
    if ordinal:
        value = list_markers.ordinal_value(ordinal)
        return _Marker(para.start, end, "ord", "ord", value, index, True, opener=True)
    value = list_markers.number_value(raw)
    if value is not None and raw[:1] not in list_markers.BULLETS:
        return _Marker(para.start, end, "num", list_markers.number_family(raw), value, index, True)
    return _Marker(para.start, end, "bullet", list_markers.bullet_family(raw), None, index, True)


def _after_colon(text: str, para: _Para, pos: int) -> bool:
    """Only spaces (and a dash or quote) stand between a colon and ``pos`` in the paragraph."""
    before = text[max(para.start, pos - 8) : pos].rstrip(" \t\u00a0\"'«“-–")
    return before.endswith((":", "："))


_ANY_DIGIT = re.compile(f"[{list_markers.DIGITS}]")
_ANY_BULLET = re.compile(f"[{re.escape(list_markers.BULLETS)}]")


def _markers(text: str, paras: list[_Para]) -> list[_Marker]:
    """Every list marker, paragraph by paragraph: the one opening it, then those inside it in order.

    Each pattern runs only where the characters it needs occur (a digit, an Arabic letter, a bullet),
    so a long paragraph without any marker costs a few scans, not one per pattern and alternative.
    """
    out: list[_Marker] = []
    for index, para in enumerate(paras):
        head = _line_marker(text, para, index)
        body = para.start
        if head is not None:
            out.append(head)
            body = head.end
        segment = text[body : para.end]
        found: list[_Marker] = []
        if _ANY_DIGIT.search(segment):
            found += _inline_numbers(text, para, index, segment, body)
        if has_arabic(segment):
            ordinals = _inline_ordinals(segment, body, index, skip_first=head is not None)
            if ordinals or (head is not None and head.kind == "ord"):
                ordinals += _ordinal_phrases(text, segment, body, index)
            found += ordinals
        if _ANY_BULLET.search(segment):
            found += _inline_bullets(text, para, index, segment, body)
        found.sort(key=lambda m: m.start)
        out.extend(found)
    return out


def _inline_numbers(text: str, para: _Para, index: int, segment: str, body: int) -> list[_Marker]:
    found = []
    for match in list_markers.INLINE_NUMBER.finditer(segment):
        a = body + match.start()
        raw = match.group().strip()
        value = list_markers.number_value(raw)
        marker = _Marker(a, body + match.end(), "num", list_markers.number_family(raw), value, index, False)
        marker.opener = value == 1 and _after_colon(text, para, a)
        # "(1) … (2) …" in running text is how verses and references are numbered: never a weak opener
        marker.weak = value == 1 and not marker.opener and not raw.startswith(("(", "["))
        found.append(marker)
    return found


def _inline_ordinals(segment: str, body: int, index: int, skip_first: bool) -> list[_Marker]:
    found = []
    for match in list_markers.INLINE_ORDINAL.finditer(segment):
        if match.start() == 0 and skip_first:
            continue
        if _POSTPOSED.match(segment, match.start() + len(match.group().rstrip(" \t،,:：-–.)"))):
            continue  # "على يد القاعديين أولاً ثم على يد الدواعش ثانياً.": the ordinal closes its phrase
        value = list_markers.ordinal_value(match)
        found.append(_Marker(body + match.start(), body + match.end(), "ord", "ord", value, index, False, opener=True))
    return found


def _ordinal_phrases(text: str, segment: str, body: int, index: int) -> list[_Marker]:
    """ "ويقضي القرار الثالث": looked for only in paragraphs that hold ordinal adverbs, which it may continue."""
    found = []
    for match in list_markers.ORDINAL_PHRASE.finditer(segment):
        a, end = body + match.start(), body + match.end()
        a += len(text[a:end]) - len(text[a:end].lstrip())
        value = list_markers.ordinal_phrase_value(match)
        found.append(_Marker(a, end, "ord", "ord", value, index, False, phrase=True))
    return found


def _inline_bullets(text: str, para: _Para, index: int, segment: str, body: int) -> list[_Marker]:
    found = []
    for match in list_markers.INLINE_BULLET.finditer(segment):
        a = body + match.start()
        marker = _Marker(a, body + match.end(), "bullet", list_markers.bullet_family(match.group()), None, index, False)
        marker.opener = _after_colon(text, para, a)
        found.append(marker)
    return found


# --- chains ---------------------------------------------------------------------------------------


class _Layout:
    """Paragraphs with what chaining asks of them: does one start with a marker, end with a colon."""

    def __init__(self, text: str, paras: list[_Para], markers: list[_Marker]) -> None:
        self.text = text
        self.paras = paras
        self.starts = [p.start for p in paras]
        self.marked = [False] * len(paras)
        for marker in markers:
            if marker.at_start:
                self.marked[marker.para] = True
        # prose paragraphs (no marker at their start) up to each index, and those ending with a colon
        self.prose = [0]
        self.leads = [0]
        for index in range(len(paras)):
            prose = not self.marked[index]
            self.prose.append(self.prose[-1] + prose)
            self.leads.append(self.leads[-1] + (prose and self.ends_with_colon(index)))

    def prose_between(self, a: int, b: int) -> int:
        """Prose paragraphs strictly between paragraphs ``a`` and ``b``."""
        return self.prose[b] - self.prose[a + 1] if b > a else 0

    def leads_between(self, a: int, b: int) -> int:
        return self.leads[b] - self.leads[a + 1] if b > a else 0

    def ends_sentence(self, index: int) -> bool:
        para = self.paras[index]
        return _OPEN_LINE_END.search(self.text, para.start, para.end) is not None

    def ends_with_colon(self, index: int) -> bool:
        para = self.paras[index]
        return self.text[para.start : para.end].rstrip(" \t\u00a0-–").endswith((":", "："))


def _continues(layout: _Layout, chain: _Chain, marker: _Marker) -> bool:
    last = chain.last
    text = layout.text
    if marker.kind == "ord":
        if marker.phrase and marker.para != last.para:
            return False
        if marker.start - last.end > _MAX_ORDINAL_GAP or layout.leads_between(last.para, marker.para):
            return False
        if marker.value is None:
            return len(chain.markers) >= 2
        return marker.value == chain.next_value()
    if marker.kind == "num":
        gap_ok = (
            layout.prose_between(last.para, marker.para) <= _MAX_PROSE_GAP
            and not layout.leads_between(last.para, marker.para)
            and not (marker.para > last.para and layout.prose_between(last.para, marker.para) and not marker.at_start)
        )
        if not gap_ok:
            return False
        if marker.value == chain.next_value() and (marker.family == chain.family or marker.at_start):
            return True
        # numbering slips on consecutive lines ("1- … 2- … 2- … 4- …") keep the list going
        return (
            marker.at_start
            and last.at_start
            and marker.value not in (None, 1)
            and marker.family == chain.family
            and marker.para == last.para + 1
        )
    # bullets: same kind, on the next paragraph or further in the same one
    if marker.family != chain.family:
        return False
    if marker.para == last.para:
        if chain.first.at_start:
            return False  # a dash inside a line item is punctuation ("… 11 September - backed by …")
        between = text[last.end : marker.start]
        end = _SENTENCE_END.search(between)
        return not (end and _WORD.search(between, end.end()))  # prose after a full stop ends an inline list
    if not marker.at_start:
        return False
    prose = layout.prose_between(last.para, marker.para)
    # one unmarked line between two bullets continues an item broken mid-sentence ("- … ومشروبات\nالطاقة …")
    broken = prose == 1 and marker.para == last.para + 2 and not layout.ends_sentence(last.para)
    return prose == 0 or (broken and not layout.ends_with_colon(last.para + 1))


def _can_open(marker: _Marker) -> bool:
    if marker.phrase:
        return False
    if marker.kind == "ord":
        return marker.value == 1
    if marker.kind == "num":
        return marker.at_start or marker.opener or marker.weak
    return marker.at_start or marker.opener


_OPEN_CHAINS = 8  # chains still open to a continuation: the most recent few (keeps chaining linear)


def _chains(layout: _Layout, markers: list[_Marker]) -> list[_Chain]:
    """Markers linked into chains: each marker continues the most recent open chain it fits, or opens one."""
    recent: list[_Chain] = []
    chains: list[_Chain] = []
    for marker in markers:
        family = "ord" if marker.kind == "ord" else marker.family
        candidates = [
            c
            for c in reversed(recent)
            if c.kind == marker.kind
            and not c.closed
            # numbers continue across punctuation styles only on fresh lines ("1. … 2. … 3- …")
            and (c.family == family or (marker.kind == "num" and marker.at_start))
        ]
        fresh = marker.kind == "num" and marker.value == 1  # a "1" always starts a list of its own
        target = None if fresh else next((c for c in candidates if _continues(layout, c, marker)), None)
        if target is not None:
            target.markers.append(marker)
            if marker.kind == "ord" and marker.value is None:
                target.closed = True
            recent.remove(target)
            recent.append(target)
            continue
        if _can_open(marker):
            chain = _Chain([marker], marker.kind, family)
            recent.append(chain)
            del recent[:-_OPEN_CHAINS]
            chains.append(chain)
    # a run in running text without a colon before it needs 1, 2, 3 in one paragraph as evidence
    return [c for c in chains if len(c.markers) >= (3 if c.first.weak else 2) and _weak_ok(c)]


def _weak_ok(chain: _Chain) -> bool:
    return not chain.first.weak or all(m.para == chain.first.para for m in chain.markers[:3])


def _reach(layout: _Layout, chain: _Chain) -> int:
    """How far a chain's last item reaches: its paragraph, and the next one when the item ends with a colon."""
    index = chain.last.para
    if index + 1 < len(layout.paras) and layout.ends_with_colon(index):
        index += 1
    return layout.paras[index].end


def _nest(layout: _Layout, chains: list[_Chain]) -> list[_Chain]:
    """Sub-lists belong to the item they stand in; returns the top-level chains in order.

    A chain is a sub-list when it starts inside an item of another chain: between two of its
    markers, in the paragraph of its last item, or on the paragraph after a last item that ends
    with a colon ("أولاً: … وفقاً لما يلي:" then "1. …").
    """
    chains.sort(key=lambda c: c.first.start)
    stack: list[tuple[_Chain, int]] = []
    for chain in chains:
        start = chain.first.start
        while stack and stack[-1][1] < start:
            stack.pop()
        if stack:
            outer = stack[-1][0]
            chain.parent = outer
            outer.nested_starts.append(start)
        stack.append((chain, _reach(layout, chain)))
    return [c for c in chains if c.parent is None]


# --- items ----------------------------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRAILING + "\r\n":
        start += 1
    while end > start and text[end - 1] in _TRAILING + "\r\n":
        end -= 1
    # a separator conjunction left before the next marker ("…، و 2) …")
    for tail in (" و", " and", " or"):
        if text[start:end].endswith(tail) and end - len(tail) > start:
            return _trim(text, start, end - len(tail))
    return start, end


def _cut_last(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The last inline item ends at its first sentence end: the prose after it is a new statement."""
    a, b = span
    match = _SENTENCE_END.search(text, a, b)
    if match and len(_WORD.findall(text[a : match.end()])) >= 3:
        return a, match.end()
    return span


_SEPARATORS = "،,؛;"


def _separator(text: str, chain: _Chain) -> str | None:
    """The comma or semicolon every item but the last ends with, if it never occurs inside them."""
    seps = set()
    for marker, nxt in itertools.pairwise(chain.markers):
        before = text[marker.end : nxt.start].rstrip()
        before = before.removesuffix(" و").removesuffix(" and").rstrip()
        seps.add(before[-1:] if before[-1:] in _SEPARATORS + "." else "")
        if len(seps) > 1:
            return None
    sep = seps.pop() if seps else None
    if sep not in tuple(_SEPARATORS):
        return None
    for marker, nxt in itertools.pairwise(chain.markers):
        inner = text[marker.end : nxt.start].rstrip().removesuffix(" و").rstrip()[:-1]
        if sep in inner:
            return None
    return sep


def _items(layout: _Layout, chain: _Chain) -> list[tuple[int, int]]:
    text, paras = layout.text, layout.paras
    nested = sorted(chain.nested_starts)
    spans = []
    for marker, nxt in itertools.pairwise(chain.markers):
        end = nxt.start
        k = bisect.bisect_right(nested, marker.end)
        if k < len(nested) and nested[k] < end:
            end = nested[k]
        spans.append(_trim(text, marker.end, end))
    last = chain.last
    end = paras[last.para].end
    k = bisect.bisect_right(nested, last.end)
    if k < len(nested):
        end = min(end, nested[k]) if nested[k] < end else end
        span = _trim(text, last.end, end)
    else:
        span = _trim(text, last.end, end)
        run_together = not last.at_start or any(m.para == last.para for m in chain.markers[:-1])
        if run_together:
            sep = _separator(text, chain)
            cut = text.find(sep, span[0], span[1]) if sep else -1
            span = _trim(text, span[0], cut) if cut > span[0] else _cut_last(text, span)
        elif _broken_off(layout, spans, span, last.para):
            span = _trim(text, span[0], paras[last.para + 1].end)
    spans.append(span)
    return spans


_FULL_STOP = (".", "!", "؟", "?", "…")


def _broken_off(layout: _Layout, spans: list[tuple[int, int]], last: tuple[int, int], index: int) -> bool:
    """The last item on a line stops mid-sentence where every other item ends with a full stop, and the next
    line finishes the sentence ("7) … ومشروبات" / "الطاقة بالكثير من المياه."): a line broken by the scraper."""
    text = layout.text
    if index + 1 >= len(layout.paras) or layout.marked[index + 1] or layout.ends_with_colon(index + 1):
        return False
    if text[last[0] : last[1]].rstrip().endswith((*_FULL_STOP, ":", "،", ",")):
        return False
    nxt = layout.paras[index + 1]
    if text.count("\n", layout.paras[index].end, nxt.start) != 1:
        return False  # a blank line (or none at all: a soft break) ends the item
    others = [text[a:b].rstrip().endswith(_FULL_STOP) for a, b in spans]
    return len(others) >= 2 and all(others) and text[nxt.start : nxt.end].rstrip().endswith(_FULL_STOP)


def _join(text: str) -> str:
    """Line breaks inside an item become single spaces."""
    return " ".join(text.split()) if "\n" in text else text


# --- lead-ins -------------------------------------------------------------------------------------


def _introduces(sentence: str) -> bool:
    """A lead-in ends with a colon or a dash, or announces what follows ("ما يلي", "التالية", "the following")."""
    s = sentence.rstrip()
    if s.endswith((":", "：", ":-", " -", " –", "—")):
        return True
    low = normalize(s)
    cues = ("ما يلي", "التاليه", "التالية", "كالتالي", "كما يلي", "following", "as follows", "include:")
    return any(cue in low for cue in cues)


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, not before ``lo``."""
    start = lo
    for match in _SENTENCE_END.finditer(text, lo, pos):
        start = match.end()
    return start


def _announces_topic(sentence: str) -> bool:
    said = announced(sentence)
    return said is not None and is_topic_noun(said.noun)


def _trim_lead(text: str, start: int, end: int) -> tuple[int, int]:
    """A lead-in keeps its closing colon or dash ("… should -"); spaces and opening punctuation go."""
    while start < end and (text[start].isspace() or text[start] in _TRAILING + list_markers.BULLETS):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_CLAUSE_OPENERS = re.compile(
    r"(?:(?<=\s)|^)(?:إلا أن|إلا ان|غير أن|غير ان|بيد أن|ولكن|لكن|however|but)\s", re.IGNORECASE
)
_LONG_LEAD_WORDS = 30


def _last_clause(text: str, a: int, b: int) -> tuple[int, int]:
    """A long lead-in sentence is cut to its last clause after "إلا أن" / "لكن" / "but" (six words at least)."""
    if len(_WORD.findall(text[a:b])) <= _LONG_LEAD_WORDS:
        return a, b
    for match in reversed(list(_CLAUSE_OPENERS.finditer(text, a, b))):
        if len(_WORD.findall(text[match.start() : b])) >= 6:
            return match.start(), b
    return a, b


def _sentences_before(layout: _Layout, first: _Marker, back: int) -> list[tuple[int, int]]:
    """The sentences before ``first``, nearest first: the clause before it in its paragraph, then the
    sentences of that paragraph and of up to ``back`` paragraphs before it (no paragraph that is a list item)."""
    text, paras = layout.text, layout.paras
    out: list[tuple[int, int]] = []
    index: int = first.para
    pos: int | None = first.start
    if first.at_start:
        index, pos = first.para - 1, None
    while index >= 0 and index >= first.para - back - (1 if first.at_start else 0):
        para = paras[index]
        if layout.marked[index] and pos is None:
            break
        end = para.end if pos is None else pos
        lo = max(para.start, end - _LOOKBACK)
        bounds = [lo, *(m.end() for m in _SENTENCE_END.finditer(text, lo, end)), end]
        for s, e in reversed(list(itertools.pairwise(bounds))):
            span = _trim_lead(text, s, e)
            if span[1] > span[0]:
                out.append(span)
        index, pos = index - 1, None
    return out


def _lead(layout: _Layout, chain: _Chain) -> tuple[int, int] | None:
    """The sentence or clause that introduces the list.

    A list on lines: the last sentence of the paragraph above, when it ends with a colon or a dash,
    says "التالية" / "the following", or announces a count of a topic noun. A list in running text: the
    clause before its first marker. Ordinals in running text ("تريد أولاً أن … وثانياً …") take the
    nearest of three sentences before them that announces a count, in their paragraph or the one above.
    """
    text = layout.text
    first = chain.first
    sentences = _sentences_before(layout, first, 1 if chain.kind == "ord" and not first.at_start else 0)
    if not sentences:
        return None
    if chain.kind == "ord" and not first.at_start:
        for a, b in sentences[:3]:
            if find_counts(text[a:b]):
                return a, b
    a, b = _last_clause(text, *sentences[0])
    sentence = text[a:b]
    if first.at_start or chain.kind != "ord":
        if _introduces(sentence) or _announces_topic(sentence):
            return a, b
        return None
    return (a, b) if _introduces(sentence) else None


# --- what is not objectives -----------------------------------------------------------------------


def _not_objectives(lead: str | None, items: list[str]) -> bool:
    """Lists of reasons, results, findings, statements, problems, names or dates are not objectives.

    The lead-in names what the list holds (its own words, a problem noun, "the text of …", a speech
    verb and its speaker); otherwise the items show it: a majority of questions, dates, reported
    findings or statements, lacks, or people; figures in three items of five; and without a
    lead-in, tags, column sections or sentence fragments.
    """
    if lead:
        if _names_no_goals(lead) or _announces_problems(lead) or _document_text(lead) or _introduces_quotes(lead):
            return True
    elif _sections_or_tags(items):
        return True
    n = len(items)

    def count(test) -> int:
        return sum(1 for item in items if test(item))

    return (
        count(_asks) * 2 > n
        or count(_dated) * 2 > n
        or count(_reports) * 2 > n
        or count(_names_a_lack) * 2 > n
        or count(_introduces_a_person) * 2 >= n
        or count(_figure) * 5 >= n * 3
    )


@cache
def _no_goal_words() -> tuple[frozenset[str], tuple[str, ...]]:
    words = [normalize(w) for w in objective_topics.NOT_OBJECTIVES_ARABIC + objective_topics.NOT_OBJECTIVES_ENGLISH]
    return frozenset(w for w in words if " " not in w), tuple(w for w in words if " " in w)


def _names_no_goals(lead: str) -> bool:
    """The lead-in's own words say what the list is: "النتائج التالية", "three reasons", "قائمة الفائزين"."""
    low = normalize(_lead_tail(lead))
    single, phrases = _no_goal_words()
    return not single.isdisjoint(_WORD.findall(low)) or any(p in low for p in phrases)


def _dated(item: str) -> bool:
    """An item that opens with a year or a day ("1984 …", "في 5 رجب 1420هـ …", "March 3: …") or dates an event."""
    return any(p.match(item) for p in (_YEAR_START, _DATE_START)) or _FULL_DATE.search(item) is not None


def _figure(item: str) -> bool:
    """An item that opens with a figure ("17 موقوفا") or sets one against another ("874 mln vs 864 mln")."""
    return _NUMBER_START.match(item) is not None or _VERSUS.search(item) is not None


_SECTION_WORDS = 60
_SECTION_SENTENCES = 2


_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "this", "these", "that", "those", "its", "their", "his", "her", "which", "who"}
    | {"from", "in", "on", "at", "for", "with", "by", "of", "as", "and", "or", "but"}
)


def _sections_or_tags(items: list[str]) -> bool:
    """Without a lead-in, items of one or two words are a menu of names or tags, and items of several
    sentences (or of sixty words and more) are the sections of a column: neither is a list of objectives.
    English items without a lead-in must open like points ("Upgrading security …", "Cut emissions …"), not
    with an article, a preposition or a small letter ("the apparent unwillingness …", "which often lead …")."""
    firsts = [next(iter(_WORD.findall(item[:60])), "") for item in items]
    latin = [w for w in firsts if w.isascii() and w[:1].isalpha()]
    if len(latin) * 2 > len(items):
        loose = sum(1 for w in latin if w[0].islower() or w.lower() in _FUNCTION_WORDS)
        if loose * 2 >= len(items):
            return True
    words = [len(_WORD.findall(item)) for item in items]
    sentences = [1 + len(_SENTENCE_END.findall(item)) for item in items]
    return (
        max(words) <= 2 or sum(words) > _SECTION_WORDS * len(items) or sum(sentences) >= _SECTION_SENTENCES * len(items)
    )


_QUESTION = re.compile(r"^[^.!؟?\n]{0,300}[؟?]")


def _asks(item: str) -> bool:
    """An interview question ("لماذا …؟", "ما الذي …؟ - …"): a question mark ends the item's first sentence."""
    return _QUESTION.match(item) is not None


@cache
def _deficiencies() -> frozenset[str]:
    return frozenset(normalize(w) for w in objective_topics.DEFICIENCY_OPENERS)


def _names_a_lack(item: str) -> bool:
    """ "نقص المياه", "ضعف الخدمات", "lack of staff": an item that names a problem."""
    first = next(iter(_WORD.findall(item[:40])), "")
    word = normalize(first)
    for prefix in ("و", "ال"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            word = word[len(prefix) :]
    return word in _deficiencies()


_CLAUSE_BREAK = re.compile(r"[،,؛;]")
_SHORT_LEAD_WORDS = 15
_TAIL_WORDS = 8


def _lead_tail(lead: str) -> str:
    """What a lead-in says its list is: all of a short lead-in, the last clauses (eight words or more) of a long one.

    "أوضح رئيس النادي بأن اللجنة المشكلة من المشاركين …، قد خلصت إلى عشرين توصية، جاءت على النحو التالي:"
    names recommendations; the participants in its first clause are not what the list holds.
    """
    if len(_WORD.findall(lead)) <= _SHORT_LEAD_WORDS:
        return lead
    cuts = [m.end() for m in _CLAUSE_BREAK.finditer(lead)]
    for cut in reversed(cuts):
        if len(_WORD.findall(lead[cut:])) >= _TAIL_WORDS:
            return lead[cut:]
    return lead


@cache
def _problem_words() -> tuple[frozenset[str], frozenset[str]]:
    heads = objective_topics.PROBLEM_NOUNS + objective_topics.OTHER_LIST_HEADS
    problems = frozenset(normalize(w, fold_letters=True) for w in heads)
    remedies = frozenset(normalize(w, fold_letters=True) for w in objective_topics.REMEDY_WORDS)
    return problems, remedies


_FOLLOWING = frozenset({"التاليه", "التالي", "الاتيه", "الاتي", "following"})


def _announces_problems(lead: str) -> bool:
    """The list is named by a problem noun ("المشاكل الأربع الكبرى:", "السلبيات الآتية:") that no remedy governs.

    The naming noun is one of the lead-in's last three words, the noun next to "التالية" / "following",
    or the noun a count is said of; a remedy word up to three words before it ("solutions to the
    problems should -", "لمواجهة التحديات التالية") makes the list one of answers.
    """
    problems, remedies = _problem_words()
    words = [normalize(w, fold_letters=True) for w in _WORD.findall(lead)]
    heads = set(range(max(0, len(words) - 3), len(words)))
    for i, word in enumerate(words):
        if word in _FOLLOWING:
            heads.update(j for j in (i - 1, i + 1) if 0 <= j < len(words))
    said = announced(lead)
    if said is not None:
        noun = normalize(said.noun, fold_letters=True)
        heads.update(i for i, w in enumerate(words) if w == noun)
    for i in sorted(heads):
        word = words[i]
        if word in problems or word.removeprefix("و").removeprefix("ل") in problems:
            before = words[max(0, i - 3) : i]
            if not any(w in remedies or w.removeprefix("و") in remedies for w in before):
                return True
    return False


def _introduces_quotes(lead: str) -> bool:
    """ "أجابوه:", "وقال الوزير:", "He added:": a speech verb and its speaker introduce quoted lines."""
    words = _WORD.findall(_lead_tail(lead))
    if len(words) > 4 or not lead.rstrip().endswith((":", "：")):
        return False
    speech, content = _speech_words()
    keys = [normalize(w) for w in words]
    if any(k in content for k in keys) or any(is_topic_noun(w) for w in words):
        return False
    return any(k in speech for k in keys)


@cache
def _speech_words() -> tuple[frozenset[str], frozenset[str]]:
    speech = frozenset(normalize(w) for w in objective_topics.SPEECH_VERBS)
    return speech, frozenset(normalize(w) for w in objective_topics.CONTENT_CLAUSE_WORDS)


def _document_text(lead: str) -> bool:
    """ "Following is the text of a statement …": numbered paragraphs of a document, not a list of points.

    A lead-in that also names a topic ("the text of the agreement's main points:") keeps its list.
    """
    low = normalize(lead)
    if not any(normalize(cue) in low for cue in objective_topics.DOCUMENT_TEXT_CUES):
        return False
    return not any(is_topic_noun(w) for w in _WORD.findall(lead))


@cache
def _reporting_openers() -> tuple[frozenset[str], frozenset[str]]:
    finding = frozenset(normalize(w) for w in objective_topics.FINDING_OPENERS)
    that = frozenset(normalize(w) for w in objective_topics.THAT_OPENERS)
    return finding, that


def _reports(item: str) -> bool:
    """An item that reports a finding or a statement: "لم يثبت …", "تبين أن …", "أن النسبة …", "أنه …", a quote."""
    stripped = item.lstrip(" \t(")
    if stripped[:1] in '"«“':
        return True
    words = [normalize(w) for w in _WORD.findall(stripped)[:2]]
    if not words:
        return False
    finding, that = _reporting_openers()
    first = words[0]
    bare = first[1:] if first[:1] in "وف" and len(first) > 3 else first
    if first in finding or bare in finding:
        return True
    if first in that or bare in that:  # "أن" + a noun or pronoun is a statement; "أن" + a verb is a goal
        return len(words) > 1 and (words[1].startswith("ال") or words[1] in objective_topics.THAT_SUBJECTS)
    pronoun = next((w for w in that if first.startswith(w) and first[len(w) :] in ("ه", "ها", "هم", "نا", "هما")), None)
    if pronoun is not None:
        return True
    # "Harkin said his policy …", "He acknowledged that …": a reporting verb right after its subject
    opening = [w.lower() for w in _WORD.findall(stripped)[:4]]
    return any(w in objective_topics.REPORTING_VERBS_ENGLISH for w in opening[1:])


def _introduces_a_person(item: str) -> bool:
    """ "NAME، role ...": two or three words, a comma, then an office or a relation; or "rank / NAME"."""
    if _LABEL_SLASH.match(item) and not any(ch.isdigit() for ch in item[:40]):
        return True
    head = re.split(r"[،,(]", item, maxsplit=1)[0]
    words_ = _WORD.findall(head)
    if 2 <= len(words_) <= 6 and any(w in objective_topics.NAME_PARTICLES for w in words_):
        return True  # "عبدالله بن محمد السبيعي"
    if 2 <= len(words_) <= 4 and all(w[0].isupper() or w in _NAME_LINKS for w in words_) and words_[0][0].isupper():
        return True  # "John Smith, 45, of Boston"
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


_NAME_LINKS = frozenset({"de", "da", "van", "von", "der", "al", "bin", "el", "la", "le", "du"})


@cache
def _person_roles() -> frozenset[str]:
    """Office, relation and profession words, as titles.py lists them (normalized, no article)."""
    words = titles.ARABIC_HEADS + titles.ARABIC_HONORIFICS + titles.ARABIC_KINSHIP
    return frozenset(normalize(w).removeprefix("ال") for w in words)


# --- counts ---------------------------------------------------------------------------------------


def _title_count(text: str) -> Count | None:
    """A count the headline announces with a topic noun ("3 شروط للتهدئة"), for an article with one list."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if len(_WORD.findall(first)) > 20:
        return None
    said = announced(first)
    return said if said is not None and is_topic_noun(said.noun) else None


def _earlier_count(layout: _Layout, lead_span: tuple[int, int], lead: str) -> Count | None:
    """A count in the sentence before a lead-in that points back to it.

    "حددت الوزارة خمسة أهداف. وهي كالتالي:" - a short lead-in (up to six words) takes the count of the
    sentence before it in its paragraph; a longer one only when it names the same topic ("… خمسة أهداف.
    وتتمثل الأهداف في:").
    """
    text = layout.text
    a = lead_span[0]
    para = layout.paras[max(0, bisect.bisect_right(layout.starts, a) - 1)]
    if a <= para.start:
        return None
    start = _sentence_start(text, max(para.start, a - _LOOKBACK), a - 1)
    said = announced(text[start:a])
    if said is None or not is_topic_noun(said.noun):
        return None
    words = _WORD.findall(lead)
    if len(words) <= 6:
        return said
    key = topic_key(said.noun)
    return said if any(topic_key(w) == key for w in words) else None


def _topic(lead: str | None) -> str | None:
    if not lead:
        return None
    for word in _WORD.findall(lead):
        if is_topic_noun(word):
            return word
    return None


# --- the extractor --------------------------------------------------------------------------------


def extract_objectives(text: str, lang: str | None = None) -> tuple[ObjectiveList, ...]:
    """Every enumerated list of objectives in ``text``, in order of appearance."""
    del lang  # markers are script-independent; kept for a uniform analyzer signature
    paras = _paragraphs(text)
    markers = _markers(text, paras)
    layout = _Layout(text, paras, markers)
    chains = _nest(layout, _chains(layout, markers))
    drafts = []
    for chain in chains:
        spans = [s for s in _items(layout, chain) if s[0] < s[1]]
        if len(spans) >= 2:
            drafts.append((chain, spans))
    out: list[ObjectiveList] = []
    for chain, spans in drafts:
        items = [_join(text[a:b]) for a, b in spans]
        lead_span = _lead(layout, chain)
        lead = _join(text[lead_span[0] : lead_span[1]]) if lead_span else None
        if _not_objectives(lead, items):
            continue
        said = announced(lead) if lead else None
        if said is None and lead_span is not None and lead is not None:
            said = _earlier_count(layout, lead_span, lead)
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
                lead_in_span=lead_span,
            )
        )
    return tuple(out)
