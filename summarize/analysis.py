"""The analysis contract: what newsread knows about one article, as one typed, frozen value.

``analyze(text)`` gives an ``Analysis``: the language, the headline, the summary sentences, the
attendees, the unnamed groups and the objective lists. The CLI's JSON, the library's cache and
the app's panels all use this one value and its one JSON shape (``to_json``/``from_json``,
versioned by ``FORMAT``). Commands that print part of it (``summarize``, ``extract``) print the
same keys with the same shapes, via the ``*_json`` functions here.

``from_json`` is strict: a missing or extra key, or a value of the wrong type, raises
``AnalysisFormatError``; a cache written by another version is then recomputed, never guessed at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

FORMAT = 2  # bump when the JSON shape changes: cached analyses of other formats are recomputed
# ``analyze`` reads at most this many characters (issue 17): long news runs to some 60,000, and a
# 50 MB text took minutes and gigabytes. Beyond it the text is cut at a paragraph, line or word break
# (``analysed_part``); callers compare ``len(text)`` with it to tell the user.
ANALYSIS_MAX_CHARS = 100_000
# ... and at most this many paragraphs (blank-line separated): each costs some 2 ms in the sentence
# splitter and in extraction whatever its length, so 6,000 one-line paragraphs under the character
# limit took half a minute on a busy machine. News has a few dozen.
ANALYSIS_MAX_PARAGRAPHS = 1_000


class AnalysisFormatError(ValueError):
    """JSON that is not an analysis of this ``FORMAT``; the message names the first bad field."""


class Cancelled(Exception):
    """The caller asked ``analyze`` to stop (the reader moved to another article)."""


@dataclass(frozen=True, slots=True)
class Reason:
    """One feature behind a chosen sentence: its value and what it added to the score."""

    name: str
    value: float
    contribution: float


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A chosen sentence: its index among the article's sentences, score, text and span in the text;
    its place among the body sentences, why it was taken (``score``, or ``list item`` with its
    lead-in) and the features that weighed most."""

    index: int
    score: float
    text: str
    start: int
    end: int
    position: int = 0
    reason: str = "score"
    features: tuple[Reason, ...] = ()

    def explanation(self, top: int = 4) -> str:
        """Why it was chosen, in one line: its place, score and strongest features."""
        place = f"sentence {self.position + 1}, score {self.score:.2f}"
        if self.reason != "score":
            place += f", {self.reason}"
        weights = ", ".join(f"{f.name} {f.contribution:+.2f}" for f in self.features[:top])
        return f"{place}: {weights}" if weights else place


@dataclass(frozen=True, slots=True)
class Attendee:
    """Someone present at the reported event: the name as written, title or role, other spellings."""

    name: str
    title: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Objectives:
    """One numbered list: its lead-in, topic noun, announced count, items, and whether the count is off."""

    lead_in: str | None
    topic: str | None
    announced_count: int | None
    items: tuple[str, ...]
    count_mismatch: bool


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the panels, ``newsread analyze`` and the people index know about one article."""

    language: str
    title: str | None
    method: str
    sentences: tuple[SummarySentence, ...]
    attendees: tuple[Attendee, ...]
    attendee_groups: tuple[str, ...]
    objectives: tuple[Objectives, ...]

    def to_json(self) -> dict[str, Any]:
        """The JSON object (``format`` first), ready for ``json.dumps``."""
        return {"format": FORMAT, **self.summary_json(), **self.extraction_json()}

    def summary_json(self) -> dict[str, Any]:
        """The summary part of the shape (what ``newsread summarize --format json`` prints)."""
        return {
            "language": self.language,
            "title": self.title,
            "method": self.method,
            "sentences": [
                {
                    "index": s.index,
                    "score": s.score,
                    "text": s.text,
                    "start": s.start,
                    "end": s.end,
                    "position": s.position,
                    "reason": s.reason,
                    "features": [
                        {"name": f.name, "value": f.value, "contribution": f.contribution} for f in s.features
                    ],
                }
                for s in self.sentences
            ],
        }

    def extraction_json(self) -> dict[str, Any]:
        """The extraction part of the shape (what ``newsread extract --format json`` prints)."""
        return {
            "attendees": [{"name": a.name, "title": a.title, "aliases": list(a.aliases)} for a in self.attendees],
            "attendee_groups": list(self.attendee_groups),
            "objectives": [
                {
                    "lead_in": o.lead_in,
                    "topic": o.topic,
                    "announced_count": o.announced_count,
                    "items": list(o.items),
                    "count_mismatch": o.count_mismatch,
                }
                for o in self.objectives
            ],
        }

    @classmethod
    def from_json(cls, data: Any) -> Analysis:
        """The ``Analysis`` of ``data``; ``AnalysisFormatError`` unless it is exactly this format's shape."""
        obj = _object(data, "analysis", _ANALYSIS_KEYS)
        if obj["format"] != FORMAT or isinstance(obj["format"], bool):
            raise AnalysisFormatError(f"analysis format {obj['format']!r}, this newsread reads {FORMAT}")
        return cls(
            language=_str(obj, "language"),
            title=_optional_str(obj, "title"),
            method=_str(obj, "method"),
            sentences=tuple(_sentence(s) for s in _list(obj, "sentences")),
            attendees=tuple(_attendee(a) for a in _list(obj, "attendees")),
            attendee_groups=tuple(_string_item(g, "attendee_groups") for g in _list(obj, "attendee_groups")),
            objectives=tuple(_objectives(o) for o in _list(obj, "objectives")),
        )


# -- building one ------------------------------------------------------------------------------


def analysed_part(text: str) -> str:
    """What ``analyze`` reads of ``text``: all of it, or a prefix of at most ``ANALYSIS_MAX_CHARS``
    characters and ``ANALYSIS_MAX_PARAGRAPHS`` paragraphs ending at a break (so spans into it are
    spans into ``text``)."""
    end = -1
    for _ in range(ANALYSIS_MAX_PARAGRAPHS):
        end = text.find("\n\n", end + 1, ANALYSIS_MAX_CHARS)
        if end < 0:
            break
    if end >= 0:  # one more paragraph starts after the last one allowed
        return text[:end]
    if len(text) <= ANALYSIS_MAX_CHARS:
        return text
    head = text[:ANALYSIS_MAX_CHARS]
    for separator in ("\n\n", "\n", " "):
        cut = head.rfind(separator)
        if cut > ANALYSIS_MAX_CHARS // 2:
            return head[:cut]
    return head


def analyze(
    text: str,
    language: str | None = None,
    *,
    method: str = "news",
    sentences: int | None = None,
    ratio: float | None = None,
    summary: bool = True,
    extraction: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> Analysis:
    """Summary, attendees and objectives of ``text``; the language is detected when not given.

    ``method``, ``sentences`` and ``ratio`` choose the summary (``summarize.summary.summarize_text``);
    ``summary=False`` or ``extraction=False`` leave that part empty (a command that prints only one
    part does not pay for the other). ``cancelled`` is asked between the steps: when it answers
    True, ``Cancelled`` is raised. Only ``analysed_part(text)`` is read.
    """
    from summarize.language import detect_language

    text = analysed_part(text)

    def checkpoint() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled

    lang = language or detect_language(text)
    title: str | None = None
    chosen: tuple[SummarySentence, ...] = ()
    if summary:
        from summarize.summary import summarize_text

        result = summarize_text(text, count=sentences, ratio=ratio, method=method, language=lang)
        title, chosen = result.title, summary_sentences(result.chosen)
        checkpoint()
    attendees: tuple[Attendee, ...] = ()
    groups: tuple[str, ...] = ()
    lists: tuple[Objectives, ...] = ()
    if extraction:
        from summarize.attendees import extract_attendees
        from summarize.objectives import extract_objectives

        found = extract_attendees(text, lang)
        attendees = tuple(Attendee(p.name, p.title, p.aliases) for p in found.people)
        groups = tuple(g.text for g in found.groups)
        checkpoint()
        lists = tuple(
            Objectives(o.lead_in, o.topic, o.announced_count, o.items, o.count_mismatch)
            for o in extract_objectives(text, lang)
        )
    return Analysis(lang, title, method, chosen, attendees, groups, lists)


def summary_sentences(chosen: Iterable[Any]) -> tuple[SummarySentence, ...]:
    """The contract's sentences from the summarizer's chosen ones."""
    return tuple(
        SummarySentence(
            c.index,
            c.score,
            c.text,
            c.start,
            c.end,
            c.position,
            c.reason,
            tuple(Reason(f.name, f.value, f.contribution) for f in c.features),
        )
        for c in chosen
    )


# -- strict reading ----------------------------------------------------------------------------

_ANALYSIS_KEYS = frozenset(
    {"format", "language", "title", "method", "sentences", "attendees", "attendee_groups", "objectives"}
)
_SENTENCE_KEYS = frozenset({"index", "score", "text", "start", "end", "position", "reason", "features"})
_REASON_KEYS = frozenset({"name", "value", "contribution"})
_ATTENDEE_KEYS = frozenset({"name", "title", "aliases"})
_OBJECTIVES_KEYS = frozenset({"lead_in", "topic", "announced_count", "items", "count_mismatch"})


def _object(data: Any, what: str, keys: frozenset[str]) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise AnalysisFormatError(f"{what}: expected an object, got {type(data).__name__}")
    if set(data) != keys:
        missing, extra = sorted(keys - set(data)), sorted(set(data) - keys)
        raise AnalysisFormatError(f"{what}: missing {missing}, unexpected {extra}")
    return data


def _str(obj: Mapping[str, Any], key: str) -> str:
    value = obj[key]
    if not isinstance(value, str):
        raise AnalysisFormatError(f"{key}: expected a string")
    return value


def _optional_str(obj: Mapping[str, Any], key: str) -> str | None:
    return None if obj[key] is None else _str(obj, key)


def _int(obj: Mapping[str, Any], key: str) -> int:
    value = obj[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise AnalysisFormatError(f"{key}: expected an integer")
    return value


def _list(obj: Mapping[str, Any], key: str) -> list[Any]:
    value = obj[key]
    if not isinstance(value, list):
        raise AnalysisFormatError(f"{key}: expected a list")
    return value


def _string_item(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise AnalysisFormatError(f"{key}: expected a list of strings")
    return value


def _number(obj: Mapping[str, Any], key: str) -> float:
    value = obj[key]
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise AnalysisFormatError(f"{key}: expected a number")
    return float(value)


def _sentence(data: Any) -> SummarySentence:
    obj = _object(data, "sentence", _SENTENCE_KEYS)
    reasons = []
    for item in _list(obj, "features"):
        feature = _object(item, "feature", _REASON_KEYS)
        reasons.append(Reason(_str(feature, "name"), _number(feature, "value"), _number(feature, "contribution")))
    return SummarySentence(
        _int(obj, "index"),
        _number(obj, "score"),
        _str(obj, "text"),
        _int(obj, "start"),
        _int(obj, "end"),
        _int(obj, "position"),
        _str(obj, "reason"),
        tuple(reasons),
    )


def _attendee(data: Any) -> Attendee:
    obj = _object(data, "attendee", _ATTENDEE_KEYS)
    aliases = tuple(_string_item(a, "aliases") for a in _list(obj, "aliases"))
    return Attendee(_str(obj, "name"), _optional_str(obj, "title"), aliases)


def _objectives(data: Any) -> Objectives:
    obj = _object(data, "objectives", _OBJECTIVES_KEYS)
    count = None if obj["announced_count"] is None else _int(obj, "announced_count")
    mismatch = obj["count_mismatch"]
    if not isinstance(mismatch, bool):
        raise AnalysisFormatError("count_mismatch: expected true or false")
    items = tuple(_string_item(i, "items") for i in _list(obj, "items"))
    return Objectives(_optional_str(obj, "lead_in"), _optional_str(obj, "topic"), count, items, mismatch)
