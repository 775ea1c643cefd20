"""Sentence segmentation that needs no downloaded data.

Text is first cut into *units*: blank lines end a unit, a list item (``١- ...``,
``2.``, ``- ...``, ``أولاً``) starts one, a line ending in sentence-final punctuation
ends one, and any other line break is a hard wrap inside a unit. The kicker and the
headline stay units of their own. Units are then split into sentences: English and
other Latin-script languages with pysbd (a maintained rule-based segmenter), Arabic
with our own rules, because pysbd and sumy's Arabic splitter cut at ``،`` ``؛`` and ``:``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarize.text import has_arabic, words
from summarize.text.headings import is_label_over_headline
from summarize.text.lists import is_list_item

KICKER, TITLE, ITEM, SENTENCE = "kicker", "title", "item", "sentence"

_LINE_END = re.compile(r"[.!?؟…:]['\"”»’)]*\s*$")
_ARABIC_BREAK = re.compile(
    r"""[.!?؟…]+['"”»’)\]]*   # terminal punctuation, closing quotes
        (?=\s|[\u0621-\u064a]|$)              # then a space, an Arabic letter (EASC writes 'التاسعة.فجاءت') or the end
    """,
    re.VERBOSE,
)
_TITLE_MAX_WORDS = 25
_KICKER_MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class Sentence:
    """One unit of text with its place in the article text (``text[start:end]``)."""

    text: str
    start: int
    end: int
    kind: str = SENTENCE
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class _Unit:
    start: int
    end: int
    kind: str
    paragraph: int


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, line breaks excluded."""
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        spans.append((pos, pos + len(stripped)))
        pos += len(line)
    return spans


def _units(text: str) -> list[_Unit]:
    units: list[_Unit] = []
    start = end = None
    paragraph = 0
    kind = SENTENCE

    def close() -> None:
        nonlocal start, end
        if start is not None:
            units.append(_Unit(start, end, kind, paragraph))
        start = end = None

    for line_start, line_end in line_spans(text):
        line = text[line_start:line_end]
        content = line.strip()
        if not content:
            close()
            if units and units[-1].paragraph == paragraph:
                paragraph += 1
            continue
        lead = line_start + (len(line) - len(line.lstrip()))
        tail = line_start + len(line.rstrip())
        if is_list_item(line):
            close()
            kind = ITEM
        elif start is None:
            kind = SENTENCE
        if start is None:
            start = lead
        end = tail
        if _LINE_END.search(content):
            close()
    close()
    return _classify_heading(text, units)


def _classify_heading(text: str, units: list[_Unit]) -> list[_Unit]:
    """Mark a short first unit as kicker or title; they never end in a full stop."""
    out = list(units)

    def headline_like(position: int, max_words: int) -> bool:
        """A short block of its own (a blank line follows) that does not end like a sentence."""
        unit = out[position]
        content = text[unit.start : unit.end].strip()
        return (
            unit.kind == SENTENCE
            and out[position + 1].paragraph != unit.paragraph
            and len(words(content)) <= max_words
            and not re.search(r"[.،,؛;:]$", content)
        )

    label = _label_line(text, out)
    if label is not None:
        return [*label, *out[1:]]
    if len(out) >= 3 and headline_like(0, _KICKER_MAX_WORDS) and headline_like(1, _TITLE_MAX_WORDS):
        out[0] = _Unit(out[0].start, out[0].end, KICKER, out[0].paragraph)
        out[1] = _Unit(out[1].start, out[1].end, TITLE, out[1].paragraph)
    elif len(out) >= 2 and headline_like(0, _TITLE_MAX_WORDS):
        out[0] = _Unit(out[0].start, out[0].end, TITLE, out[0].paragraph)
    return out


def _label_line(text: str, units: list[_Unit]) -> tuple[_Unit, _Unit] | None:
    """The first unit cut into kicker and title when it is a label line directly over a headline line."""
    if len(units) < 2 or units[0].kind != SENTENCE or units[1].paragraph == units[0].paragraph:
        return None
    first = units[0]
    content = text[first.start : first.end]
    if content.count("\n") != 1:
        return None
    label, headline = content.split("\n")
    if not is_label_over_headline(label, headline, headline_max_words=_TITLE_MAX_WORDS):
        return None
    label_end = first.start + len(label.rstrip())
    headline_start = first.start + len(label) + 1 + (len(headline) - len(headline.lstrip()))
    return (
        _Unit(first.start, label_end, KICKER, first.paragraph),
        _Unit(headline_start, first.end, TITLE, first.paragraph),
    )


def _flat(text: str) -> str:
    """Hard wraps to spaces, one for one, so offsets into the flat text are offsets into ``text``."""
    return text.replace("\r", " ").replace("\n", " ")


def _is_initial(unit: str, dot: int) -> bool:
    """A single letter before the dot (``د.``, ``W.``) is an abbreviation, not a sentence end."""
    end = dot
    while end > 0 and unit[end - 1].isspace():
        end -= 1
    # only the last word matters: looking at the whole unit before each dot was quadratic on a long line
    match = re.search(r"(\w+)$", unit[max(0, end - 64) : end])
    return match is not None and len(match.group(1)) == 1 and not match.group(1).isdigit()


def _split_arabic(unit: str) -> list[tuple[int, int]]:
    pieces, pos = [], 0
    for match in _ARABIC_BREAK.finditer(unit):
        if match.group().startswith(".") and match.start() > 0 and _is_initial(unit, match.start()):
            continue
        pieces.append((pos, match.end()))
        pos = match.end()
    pieces.append((pos, len(unit)))
    return pieces


@cache
def _pysbd(lang: str):
    import pysbd

    try:
        return pysbd.Segmenter(language=lang, clean=False, char_span=True)
    except ValueError:
        return pysbd.Segmenter(language="en", clean=False, char_span=True)


PYSBD_MAX_CHARS = 5000  # pysbd's abbreviation pass is quadratic: a 200,000-character paragraph took 11 s
_CHUNK_END = re.compile(r"[.!?…]['\"”’)]*\s")


def _chunks(unit: str, size: int) -> list[int]:
    """Where to cut an over-long unit: after a sentence end near each ``size`` mark, else at a space."""
    cuts = [0]
    while len(unit) - cuts[-1] > size:
        window = unit[cuts[-1] : cuts[-1] + size]
        ends = [m.end() for m in _CHUNK_END.finditer(window, size // 2)]
        cut = ends[-1] if ends else (window.rfind(" ", size // 2) + 1 or size)
        cuts.append(cuts[-1] + cut)
    return cuts


LONG_UNIT_CHARS = 100_000  # no real paragraph is this long: split it by punctuation alone, in linear time
_PLAIN_BREAK = re.compile(r"[.!?…]+['\"”’)\]]*(?=\s|$)")


def _split_plain(unit: str) -> list[tuple[int, int]]:
    pieces, pos = [], 0
    for match in _PLAIN_BREAK.finditer(unit):
        pieces.append((pos, match.end()))
        pos = match.end()
    pieces.append((pos, len(unit)))
    return pieces


def _split_latin(unit: str, lang: str) -> list[tuple[int, int]]:
    if len(unit) > LONG_UNIT_CHARS:
        return _split_plain(unit)
    spans: list[tuple[int, int]] = []
    cuts = _chunks(unit, PYSBD_MAX_CHARS)
    for start, end in zip(cuts, [*cuts[1:], len(unit)], strict=True):
        spans.extend((start + s.start, start + s.end) for s in _pysbd(lang).segment(unit[start:end]))
    return spans or [(0, len(unit))]


def split_sentences(text: str, lang: str = "ar") -> tuple[Sentence, ...]:
    """Sentences of ``text`` in order, each with its span; kicker, title and list items stay whole."""
    out: list[Sentence] = []
    for unit in _units(text):
        flat = _flat(text[unit.start : unit.end])
        if unit.kind != SENTENCE:
            pieces = [(0, len(flat))]
        elif lang == "ar" or (not flat.isascii() and has_arabic(flat)):
            pieces = _split_arabic(flat)
        else:
            pieces = _split_latin(flat, lang)
        merged: list[tuple[int, int]] = []
        for a, b in pieces:
            if not words(flat[a:b]) and merged:  # punctuation-only tail: glue to previous
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        for a, b in merged:
            piece = flat[a:b]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece.rstrip())
            if lead >= trail:
                continue
            out.append(
                Sentence(
                    text=" ".join(piece.split()),
                    start=unit.start + a + lead,
                    end=unit.start + a + trail,
                    kind=unit.kind,
                    paragraph=unit.paragraph,
                )
            )
    return tuple(out)
