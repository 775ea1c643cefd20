"""Which sentences can place someone at the event: clauses, quotes, cue positions, the future, the remote."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from summarize.attendees.model import Span
from summarize.attendees.tokens import (
    _CLAUSE_MARKS,
    _head_variants,
    _key,
    _lex,
    _stem_variants,
    _Tok,
    _tokenize,
    _unsuffixed,
)
from summarize.rules import attendee_cues

_SENT_END = re.compile(r"[.!?؟]+['\"”»’)]*(?=\s|$)|\n\s*\n|\n(?=\S)")


def _sentences(text: str) -> list[Span]:
    """Where a cue's scope ends: sentence punctuation and *every* line break.

    Unlike ``summarize.sentences`` (which joins hard-wrapped lines for summaries), a cue here
    must not reach across a line: headlines, datelines and list lines are separate statements.
    """
    spans, pos = [], 0
    for m in _SENT_END.finditer(text):
        before = text[max(0, m.start() - 3) : m.start()]
        if m.group().startswith(".") and re.search(r"(?:\b\w|Mr|Ms|Dr|Mrs|St)$", before):
            continue
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [s for s in spans if text[s[0] : s[1]].strip()]


def _phrases(words, key) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(key(w).split()) for w in words)


@cache
def _cue_tables(lang: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    c = attendee_cues
    if lang == "ar":
        return {
            "presence": _phrases(c.ARABIC_PRESENCE + c.ARABIC_PRESENCE_PHRASES + c.ARABIC_BEFORE_AUDIENCE, _key),
            "absence": _phrases(c.ARABIC_ABSENCE, _key),
            "future": _phrases(c.ARABIC_FUTURE, _key),
            "future_near_event": _phrases(c.ARABIC_FUTURE_NEAR_EVENT, _key),
            "remote": _phrases(c.ARABIC_REMOTE, _key),
            "remote_unless_event": _phrases(c.ARABIC_SPOKEN_TO_PRESS, _key),
            "correspondent": _phrases(c.ARABIC_OWN_CORRESPONDENT, _key),
            "call": _phrases(c.ARABIC_CALL, _key),
        }
    low = str.lower
    return {
        "presence": _phrases(c.ENGLISH_PRESENCE + c.ENGLISH_TO_AUDIENCE, low),
        "to_audience": _phrases(c.ENGLISH_TO_AUDIENCE, low),
        "absence": _phrases(c.ENGLISH_ABSENCE, low),
        "future": _phrases(c.ENGLISH_FUTURE, low),
        "remote": _phrases(c.ENGLISH_REMOTE, low),
        "remote_unless_event": _phrases(c.ENGLISH_SPOKEN_TO_PRESS, low),
        "call": _phrases(c.ENGLISH_CALL, low),
    }


@cache
def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        table.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in table.items()}


def _cue_positions(keys: list[str], phrases: tuple[tuple[str, ...], ...], lang: str) -> list[int]:
    """Token indices where one of ``phrases`` starts (Arabic words may carry و/ف/ب)."""
    table = _by_first_word(phrases)
    hits = []
    for i, first in enumerate(keys):
        # "و", "ف" and "ب" may lead a cue word; "ل" may not ("لاستقبال" is "in order to receive")
        forms = (first, first[1:], first[2:]) if lang == "ar" else (first,)
        allowed = (True, first[:1] in "وفب", first[:2] in ("وب", "فب")) if lang == "ar" else (True,)
        for form, ok in zip(forms, allowed, strict=True):
            if not ok or form not in table:
                continue
            if any(keys[i + 1 : i + len(p)] == list(p[1:]) for p in table[form]):
                hits.append(i)
                break
    return hits


def _english_event_phrase(keys: list[str]) -> bool:
    """ "during a meeting between", "at the funeral", "on a visit with": the sentence happens at an event."""
    nouns = frozenset(attendee_cues.ENGLISH_EVENT_NOUNS)
    preps = frozenset(attendee_cues.ENGLISH_EVENT_PREPOSITIONS)
    return any(key in nouns and any(k in preps for k in keys[max(0, i - 4) : i]) for i, key in enumerate(keys))


_HELD_LINKS = frozenset(_key(w) for w in ("على", "في"))  # "على هامش إشرافه على حفل"


def _participation(key: str) -> bool:
    """ "انعقاد", "إشرافه": taking part in or holding the event named next."""
    return any(v in _lex()["ar_participation"] for v in _stem_variants(key) + _unsuffixed(key))


def _event_phrase(keys: list[str], preps: str = "ar_event_preps") -> bool:
    """ "في الجنازة", "خلال ندوة صحفية", "على هامش الاجتماعات": the sentence happens at an event."""
    lex = _lex()
    for i in range(len(keys) - 1):
        prep = keys[i] in lex[preps] or (keys[i][:1] in "وف" and keys[i][1:] in lex[preps])
        if not prep:
            continue
        nxt = i + 1
        while nxt < min(len(keys) - 1, i + 4) and (keys[nxt] in _HELD_LINKS or _participation(keys[nxt])):
            nxt += 1
        if any(v in lex["ar_events"] for v in _stem_variants(keys[nxt])):
            return True
    return False


@dataclass
class _Sentence:
    span: Span
    toks: list[_Tok]
    keys: list[str]
    presence: bool = False
    event: bool = False
    future: bool = False
    remote: bool = False
    quotes: list[Span] = field(default_factory=list)
    blocked: list[Span] = field(default_factory=list)  # clauses about the future, a call, a letter
    reported: bool = False  # the presence is told as done (not only by an imperfect verb)
    speaker_cues: list[int] = field(default_factory=list)  # token indices of "told reporters" when nothing else
    ends: list[int] = field(default_factory=list)  # each token's end, for bisecting a long sentence


def _clauses(toks: list[_Tok]) -> list[tuple[int, int]]:
    """Token ranges between commas, semicolons, colons and quotes."""
    out, start = [], 0
    for k, tok in enumerate(toks):
        if not tok.word and tok.text in _CLAUSE_MARKS:
            if k > start:
                out.append((start, k))
            start = k + 1
    if start < len(toks):
        out.append((start, len(toks)))
    return out


def _quoted(text: str, span: Span) -> list[Span]:
    """Stretches in quotation marks: words quoted from a speech or a tweet, not the report's own."""
    out = []
    for match in re.finditer(r'"[^"\n]*"|«[^»\n]*»|“[^”\n]*”', text[span[0] : span[1]]):
        out.append((span[0] + match.start(), span[0] + match.end()))
    return out


def _analyse(text: str, span: Span, lang: str) -> _Sentence:
    toks = _tokenize(text, *span)
    keys = [t.key if lang == "ar" else t.text.lower() for t in toks]
    tables = _cue_tables(lang)
    s = _Sentence(span, toks, keys, ends=[t.end for t in toks])
    s.event = _event_phrase(keys) if lang == "ar" else _english_event_phrase(keys)
    cues = _cue_positions(keys, tables["presence"], lang)
    s.presence = bool(cues) or s.event
    # an Arabic imperfect ("يلتقي", "تستقبل") may be a headline's present or a plan: no anchor for quotes
    s.reported = s.event or any(lang != "ar" or not _imperfect(keys[i]) for i in cues)
    if lang == "en" and cues and not s.event:
        audience = _cue_positions(keys, tables["to_audience"], lang)
        if set(cues) <= set(audience):
            s.speaker_cues = audience  # only the one who spoke was there, not whom they spoke about
    s.future = bool(_future_positions(keys, tables, lang))
    at_event = _event_phrase(keys, "ar_event_preps_strict") if lang == "ar" else s.event
    s.remote = bool(_remote_positions(keys, tables, lang, at_event))
    if _cue_positions(keys, tables["call"], lang):
        s.presence = s.event = False  # a phone call puts nobody in the same room, whatever else the sentence says
    s.quotes = _quoted(text, span)
    for a, b in _clauses(toks):
        sub = keys[a:b]
        if _future_positions(sub, tables, lang) or _remote_positions(sub, tables, lang, at_event):
            s.blocked.append((toks[a].start, toks[b - 1].end))
    return s


_Tables = dict[str, tuple[tuple[str, ...], ...]]


def _imperfect(key: str) -> bool:
    """ "يلتقي", "وتستقبل": a present-tense verb form."""
    key = key[1:] if key[:1] in "وف" and len(key) > 4 else key
    if key[:1] == "ت":  # "تستقبل" (she receives), not "ترأس" (he presided): its "ي" form is a cue too
        return "ي" + key[1:] in _lex()["ar_presence"]
    return key[:1] == "ي" and len(key) >= 4


def _remote_positions(keys: list[str], tables: _Tables, lang: str, event: bool) -> list[int]:
    """Where words reach the report from elsewhere (a statement, a tweet, a letter). A statement
    to the press made at the sentence's event ("on the sidelines of the meeting") is not remote."""
    hits = _cue_positions(keys, tables["remote"], lang)
    if lang == "ar" and hits and _to_own_correspondent(keys, tables, hits):
        return []
    if lang == "ar":  # "بيان رئيس الحكومة": a statement of someone else's, named as a thing, not words sent here
        lex = _lex()
        hits = [
            i
            for i in hits
            if not (
                keys[i] in lex["ar_words_of"]
                and i + 1 < len(keys)
                and any(v in lex["ar_heads"] for v in _head_variants(keys[i + 1]))
            )
        ]
    if not event or not hits:
        return hits
    spoken = set(_cue_positions(keys, tables["remote_unless_event"], lang))
    return [i for i in hits if i not in spoken]


def _to_own_correspondent(keys: list[str], tables: _Tables, hits: list[int]) -> bool:
    """ "في تصريح لمراسل الجوهرة": said to the outlet's own reporter, who was there with the speaker."""
    spoken = set(_cue_positions(keys, tables["remote_unless_event"], "ar"))
    return bool(_cue_positions(keys, tables["correspondent"], "ar")) and all(i in spoken for i in hits)


_NEAR_EVENT = 6  # words from a meeting verb to the "soon" that puts it in the future


def _that() -> frozenset[str]:
    """ "أن", "إن": after them comes what was said (built with the lexicons, on first use)."""
    return _lex()["ar_that"]


def _future_positions(keys: list[str], tables: dict[str, tuple[tuple[str, ...], ...]], lang: str) -> list[int]:
    """Where a cue puts the event in the future. English "will" and "would" are everywhere in
    reported speech ("taxes would rise"), so there a cue counts only before a presence word or
    an event noun it can govern ("is to join", "will lead the commemoration at a service")."""
    hits = _cue_positions(keys, tables["future"], lang)
    if lang == "ar":
        near = _cue_positions(keys, tables["future_near_event"], lang)
        if near:
            events = _cue_positions(keys, tables["presence"], lang) + [
                k for k, key in enumerate(keys) if any(v in _lex()["ar_events"] for v in _stem_variants(key))
            ]
            hits += [
                i for i in near if any(0 < i - e <= _NEAR_EVENT and _that().isdisjoint(keys[e:i]) for e in events)
            ]  # not across "أن": "عقد اليوم أن الطريق سيفتح قريبا" is what was said
        return hits
    if not hits:
        return hits
    nouns = frozenset(attendee_cues.ENGLISH_EVENT_NOUNS)
    presence = _cue_positions(keys, tables["presence"], lang)
    last_event = max([*presence, *(i for i, k in enumerate(keys) if k in nouns)], default=-1)
    return [i for i in hits if i <= last_event]
