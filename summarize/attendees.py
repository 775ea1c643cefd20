"""Attendees: the people (and unnamed groups) present at the event an article reports.

Three steps, all rules over tokens, no model:

1. *Mentions*: a person is found where a title stands next to a name ("المبعوث الأمريكي
   الخاص إلى سوريا جميس جيفري", "Education Secretary Ruth Kelly", "يوسف الشاهد، رئيس
   الحكومة"), in chains joined by "و" and commas ("كل من ... وليلى الحسن"), in lists of
   names, and later by surname alone ("جيفري", "Mr Blair").
2. *One person, one entry*: spellings that share a surname and a similar first name
   are merged; the most frequent spelling is shown, the others kept as aliases.
3. *Presence*: only mentions in sentences carrying a presence cue (حضر، بحضور، التقى،
   "attended", "met", "during talks") count, unless the sentence speaks of the future,
   a phone call or a letter; people said to be absent or dead anywhere are dropped.

Cue words, titles and stop words live in ``summarize.rules``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from summarize.rules import attendee_cues, stop_words, titles
from summarize.text import normalize

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Person:
    """One attendee: the name as shown, the title or role, other spellings, and where each mention is."""

    name: str
    title: str | None
    aliases: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Group:
    """Unnamed people said to be present ("عدد من زعماء القبائل ووجهاء العشائر")."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Attendees:
    """Who was there: named people in order of first mention, then unnamed groups."""

    people: tuple[Person, ...] = ()
    groups: tuple[Group, ...] = ()


# ---------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------
_TOKEN = re.compile(r"#?[^\W_]+(?:[_'’\-.][^\W_]+)*|[^\w\s]")
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int
    key: str  # normalized, for matching
    word: bool


def _key(text: str) -> str:
    text = normalize(_MARKS.sub("", text), fold_letters=True).lstrip("#")
    return text.replace("ؤ", "و").replace("ئ", "ي").replace("_", " ")


def _tokenize(text: str, lo: int = 0, hi: int | None = None) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text, lo, len(text) if hi is None else hi):
        word = m.group()[0].isalnum() or (m.group()[0] == "#" and len(m.group()) > 1)
        raw = m.group()
        if word and "_" in raw:  # hashtag names: "#جوزيبي_كونتي" -> two words
            pos = m.start() + (1 if raw.startswith("#") else 0)
            for part in raw.lstrip("#").split("_"):
                out.append(_Tok(part, pos, pos + len(part), _key(part), True))
                pos += len(part) + 1
            continue
        out.append(_Tok(raw, m.start(), m.end(), _key(raw), word))
    return out


# ---------------------------------------------------------------------------
# Lexicons (normalized once)
# ---------------------------------------------------------------------------
_AR_STOP = frozenset(_key(w) for w in stop_words.ARABIC)
_EN_STOP = frozenset(stop_words.ENGLISH)


@cache
def _lex() -> dict[str, frozenset[str]]:
    def keys(words) -> frozenset[str]:
        return frozenset(_key(w) for w in words)

    return {
        "ar_heads": keys(titles.ARABIC_HEADS),
        "ar_honor": keys(titles.ARABIC_HONORIFICS),
        "ar_title_words": keys(titles.ARABIC_TITLE_WORDS),
        "ar_dead": keys(titles.ARABIC_DECEASED),
        "ar_not_name": keys(titles.ARABIC_NOT_NAME),
        "en_heads": frozenset(w.lower() for w in titles.ENGLISH_HEADS),
        "en_honor": frozenset(w.lower() for w in titles.ENGLISH_HONORIFICS),
        "en_dead": frozenset(titles.ENGLISH_DECEASED),
        "en_not_name": frozenset(titles.ENGLISH_NOT_NAME),
        "ar_presence": keys(attendee_cues.ARABIC_PRESENCE),
        "ar_events": keys(attendee_cues.ARABIC_EVENT_NOUNS),
        "ar_event_preps": keys(attendee_cues.ARABIC_EVENT_PREPOSITIONS),
        "ar_groups": keys(attendee_cues.ARABIC_GROUP_HEADS),
        "ar_openers": keys(w for w in attendee_cues.ARABIC_LIST_OPENERS if " " not in w),
    }


_AR_PREFIXES = ("وبال", "وال", "بال", "فال", "لل", "ال", "و", "ب", "ف", "ل")
_AR_SUFFIXES = ("هما", "هم", "ها", "ه", "ين", "ان", "ي", "ات")
_AR_PREPS = frozenset(_key(w) for w in ("في", "إلى", "الى", "لدى", "عن", "على", "لشؤون", "ضد"))


def _stem_variants(key: str) -> list[str]:
    """``key`` with a conjunction or article prefix and a pronoun or dual suffix taken off, longest first."""
    out = [key]
    for prefix in _AR_PREFIXES:
        if key.startswith(prefix) and len(key) - len(prefix) >= 2:
            base = key[len(prefix) :]
            out.append(base)
            if prefix.endswith("ال") or prefix == "لل":
                out.append("ال" + base)
    for word in list(out):
        for suffix in _AR_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                out.append(word[: -len(suffix)])
                if suffix in ("ها", "ه", "هم", "هما") and word[: -len(suffix)].endswith("ت"):
                    out.append(word[: -len(suffix) - 1] + "ه")
    return out


def _in(key: str, lexicon: frozenset[str]) -> bool:
    return any(v in lexicon for v in _stem_variants(key))


def _conj(tok: _Tok) -> bool:
    return tok.key.startswith("و") and len(tok.key) > 2


def _definite(key: str) -> bool:
    return key.startswith(("ال", "لل", "وال", "بال")) and len(key) > 3


def _head_variants(key: str) -> list[str]:
    """A head word with "و", "ال" and an attached pronoun taken off ("وزوجها", "ابنته", "والرئيس")."""
    out = [key]
    if key.startswith("و") and len(key) > 3:
        out.append(key[1:])
    for word in list(out):
        if word.startswith("ال") and len(word) > 4:
            out.append(word[2:])
    for word in list(out):
        for suffix in ("هما", "هم", "ها", "ه"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                base = word[: -len(suffix)]
                out.append(base[:-1] + "ه" if base.endswith("ت") else base)
                out.append(base)
    return out


def _ar_head(tok: _Tok) -> bool:
    lex = _lex()
    if tok.key in _AR_STOP:
        return False
    return any(v in lex["ar_heads"] or v in lex["ar_honor"] for v in _head_variants(tok.key))


def _honorific(tok: _Tok) -> bool:
    key = tok.key[1:] if tok.key.startswith("و") and tok.key[1:] in _lex()["ar_honor"] else tok.key
    return key in _lex()["ar_honor"] or tok.text in ("د.", "د")


# ---------------------------------------------------------------------------
# Mentions
# ---------------------------------------------------------------------------
@dataclass
class _Mention:
    name: str
    name_span: Span
    title: str | None
    tokens: tuple[str, ...]  # normalized name tokens
    dead: bool = False
    sentence: int = -1
    extra_spans: list[Span] = field(default_factory=list)


def _name_ok(tokens: list[_Tok]) -> bool:
    if not tokens:
        return False
    lex = _lex()
    if tokens[0].key.startswith("و") and len(tokens) > 1 and _definite(tokens[1].key):
        return False  # "ووجهاء العشائر" is a conjoined noun phrase, not a name like "وليم روباك"
    for tok in tokens:
        if not tok.word or tok.key in _AR_STOP or tok.key.isdigit() or len(tok.key) < 2:
            return False
        if tok.key.endswith(("يين", "يون")) or any(v in lex["ar_not_name"] for v in _stem_variants(tok.key)):
            return False
        if _in(tok.key, lex["ar_heads"]) and not tok.key.startswith("ال") and tok is tokens[0]:
            return False
        if tok.key in lex["ar_title_words"] or tok.key in lex["ar_presence"] or tok.key in lex["ar_events"]:
            return False
    return True


_PARTICLES = frozenset(_key(w) for w in ("بن", "ابن", "ولد", "بنت", "عبد", "أبو", "ابو", "آل", "أبي", "الابن"))


def _take_name(toks: list[_Tok], j: int, first_may_conj: bool = True) -> int:
    """End index (exclusive) of an Arabic name starting at ``j``: up to three words, four with particles."""
    k = j
    limit = 3
    while k < len(toks) and k - j < limit:
        tok = toks[k]
        if not tok.word or tok.key in _AR_STOP or tok.key.isdigit():
            break
        if k > j and (_conj(tok) and tok.key not in _PARTICLES) and tok.key[1:] not in _PARTICLES:
            break
        if k > j and (_ar_head(tok) or tok.key.startswith(("بال", "لل", "كال"))):
            break
        if k > j and tok.key in _lex()["ar_title_words"]:
            break
        if tok.key in _PARTICLES or (k > j and toks[k - 1].key in _PARTICLES):
            limit = 4
        k += 1
    # A name never ends on a particle ("عبد", "بن").
    while k > j and toks[k - 1].key in _PARTICLES - {_key("الابن")}:
        k -= 1
    return k


def _take_apposed(toks: list[_Tok], j: int) -> int:
    """A name between commas ("، الباجي قايد السبسي،"): any words up to the closing mark, at most four."""
    k = j
    while k < len(toks) and toks[k].word and k - j < 4 and toks[k].key not in _AR_STOP:
        if k > j and _conj(toks[k]) and toks[k].key not in _PARTICLES:
            break
        k += 1
    if k < len(toks) and toks[k].word and toks[k].key not in _AR_STOP and not _conj(toks[k]):
        return _take_name(toks, j)
    return k


def _prep_object(toks: list[_Tok], j: int) -> int:
    """Skip the object of a preposition inside a title: "إلى سوريا", "في إقليم دير الزور", "في سوريا والعراق"."""
    n = len(toks)
    if j >= n or not toks[j].word:
        return j
    j += 1
    while j < n and toks[j].word:
        key = toks[j].key
        if _honorific(toks[j]):
            break
        if _definite(key) or (key.startswith("و") and _definite(key[1:])):
            j += 1
            continue
        if j + 1 < n and toks[j + 1].word and _definite(toks[j + 1].key) and not _definite(toks[j - 1].key):
            j += 1  # construct chain: "إقليم دير الزور"
            continue
        break
    return j


def _ar_title(toks: list[_Tok], i: int) -> tuple[int, bool]:
    """End of the title that opens at ``i`` and whether it ends on an honorific (a name must follow)."""
    lex = _lex()
    n = len(toks)
    j = i + 1
    needs_complement = not _definite(toks[i].key.lstrip("و")) and not _honorific(toks[i])
    after_honorific = _honorific(toks[i])
    while j < n and toks[j].word:
        tok = toks[j]
        key = tok.key
        if after_honorific:
            break
        if _honorific(tok) and not _conj(tok):
            after_honorific = True
            j += 1
            continue
        if key in _AR_STOP and key not in _AR_PREPS:
            break
        if needs_complement:
            needs_complement = False
            if _definite(key) or key in lex["ar_title_words"]:
                j += 1
                continue
            if j + 1 < n and toks[j + 1].word and _definite(toks[j + 1].key) and not _ar_head(tok):
                j += 1  # "رئيس جنوب السودان", "كبير موظفي البيت الأبيض"
                needs_complement = True
                continue
            break
        if key in _AR_PREPS or (key.startswith("ل") and key in lex["ar_title_words"]):
            j = _prep_object(toks, j + 1) if key in _AR_PREPS else j + 1
            continue
        if key.startswith("لل") or key in lex["ar_title_words"]:
            j += 1
            continue
        if _definite(key) and not _conj(tok):
            j += 1
            continue
        if _conj(tok) and _definite(key[1:]) and _in(key[1:], lex["ar_heads"]):
            j += 1  # "المغني والملحن"
            continue
        break
    return j, after_honorific


def _mention(text: str, toks: list[_Tok], title_from: int, title_to: int, name_from: int, name_to: int) -> _Mention:
    name_toks = toks[name_from:name_to]
    name = text[name_toks[0].start : name_toks[-1].end].lstrip("#").replace("_", " ")
    title = None
    dead = False
    if title_to > title_from:
        title_toks = toks[title_from:title_to]
        title = text[title_toks[0].start : title_toks[-1].end].strip(" ،,")
        lex = _lex()
        dead = any(t.key in lex["ar_dead"] or t.key.lower() in lex["en_dead"] for t in title_toks)
        first = title_toks[0].key
        if first.startswith("و") and any(v in lex["ar_heads"] | lex["ar_honor"] for v in _head_variants(first[1:])):
            title = title[1:]
    return _Mention(name, (name_toks[0].start, name_toks[-1].end), title, tuple(t.key for t in name_toks), dead)


def _arabic_mentions(text: str, toks: list[_Tok]) -> list[_Mention]:
    """Title + name, name + "،" + title, and "و"/comma chains of them."""
    out: list[_Mention] = []
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not tok.word or not _ar_head(tok):
            i += 1
            continue
        title_end, must_name = _ar_title(toks, i)
        j = title_end
        apposition = False
        if j < n and toks[j].text in "،," and not must_name and j + 1 < n and toks[j + 1].word:
            j += 1  # "رئيس الوزراء الإيطالي، جوزيبي كونتي،"
            apposition = True
        name_end = _take_apposed(toks, j) if apposition else _take_name(toks, j)
        if name_end > j and _name_ok(toks[j:name_end]):
            closes = name_end >= n or not toks[name_end].word or toks[name_end].key in _AR_STOP
            if apposition and not closes and not _conj(toks[name_end]):
                i = title_end  # an apposition must close: "، X ،" or "، X إن"; otherwise it is prose
                continue
            mention = _mention(text, toks, i, title_end, j, name_end)
            out.append(mention)
            # shared-title chain: "غسان اليوسف وليلى الحسن"
            k = name_end
            while k < n and _conj(toks[k]) and not _ar_head(toks[k]) and not _in(toks[k].key[1:], _lex()["ar_groups"]):
                stripped = _Tok(toks[k].text[1:], toks[k].start + 1, toks[k].end, toks[k].key[1:], True)
                sub = [stripped, *toks[k + 1 :]]
                end = _take_name(sub, 0)
                if end == 0 or not _name_ok(sub[:end]) or _definite(stripped.key):
                    break
                last = sub[end - 1]
                out.append(
                    _Mention(
                        text[stripped.start : last.end],
                        (stripped.start, last.end),
                        mention.title,
                        tuple(t.key for t in sub[:end]),
                        mention.dead,
                    )
                )
                k = k + end
            i = max(k, i + 1)
            continue
        i = title_end if title_end > i else i + 1
    out.extend(_appositive_mentions(text, toks))
    return out


def _appositive_mentions(text: str, toks: list[_Tok]) -> list[_Mention]:
    """A name then "، title ،": "أعلن رياض المؤخر، وزير البيئة والجماعات المحلية، أن"."""
    out = []
    n = len(toks)
    for c in range(1, n - 1):
        if toks[c].text not in "،," or not _ar_head(toks[c + 1]) or _conj(toks[c + 1]):
            continue
        start = c - 1
        while start > 0 and c - start < 3 and toks[start - 1].word and toks[start - 1].key not in _AR_STOP:
            prev = toks[start - 1]
            if _ar_head(prev) or _in(prev.key, _lex()["ar_presence"]) or prev.key in _lex()["ar_openers"]:
                break
            start -= 1
        while start < c and (_conj(toks[start]) and start < c - 1):
            break
        if start >= c or not _name_ok(toks[start:c]) or _ar_head(toks[start]):
            continue
        if start > 0 and toks[start - 1].word and _ar_head(toks[start - 1]):
            continue
        title_end, _ = _ar_title(toks, c + 1)
        if title_end < n and toks[title_end].word and toks[title_end].key not in _AR_STOP:
            continue  # the title runs into a name: this is a chain, not an apposition
        name_toks = toks[start:c]
        first = name_toks[0]
        if _conj(first) and len(first.key) > 3:
            first = _Tok(first.text[1:], first.start + 1, first.end, first.key[1:], True)
            name_toks = [first, *name_toks[1:]]
        title_toks = toks[c + 1 : title_end]
        title = text[title_toks[0].start : title_toks[-1].end] if title_toks else None
        dead = any(t.key in _lex()["ar_dead"] for t in title_toks)
        out.append(
            _Mention(
                text[name_toks[0].start : name_toks[-1].end].lstrip("#"),
                (name_toks[0].start, name_toks[-1].end),
                title,
                tuple(t.key for t in name_toks),
                dead,
            )
        )
    return out


def _chain_names(text: str, toks: list[_Tok]) -> list[_Mention]:
    """Bare names after a list opener: "هما باراك أوباما وجورج بوش الابن", "كل من X وY"."""
    out = []
    n = len(toks)
    for i, tok in enumerate(toks):
        opener = tok.key in _lex()["ar_openers"] or (tok.key == _key("كل") and i + 1 < n and toks[i + 1].key == "من")
        if not opener:
            continue
        j = i + 2 if tok.key == _key("كل") else i + 1
        while j < n:
            if _ar_head(toks[j]) or not toks[j].word:
                break
            first = toks[j]
            if j > i + 1 or (tok.key == _key("كل") and j > i + 2):
                if not _conj(first):
                    break
                first = _Tok(first.text[1:], first.start + 1, first.end, first.key[1:], True)
            sub = [first, *toks[j + 1 :]]
            end = _take_name(sub, 0)
            if end < 2 or not _name_ok(sub[:end]) or _in(first.key, _lex()["ar_groups"]):
                break
            out.append(
                _Mention(
                    text[first.start : sub[end - 1].end],
                    (first.start, sub[end - 1].end),
                    None,
                    tuple(t.key for t in sub[:end]),
                )
            )
            j += end
            if j < n and toks[j].text in "،,":
                j += 1
    return out


# ---------------------------------------------------------------------------
# English mentions
# ---------------------------------------------------------------------------
_EN_PARTICLES = frozenset({"de", "da", "van", "von", "der", "bin", "al", "la", "le", "du", "dos", "del"})


def _capital(tok: _Tok) -> bool:
    return (tok.word and tok.text[0].isupper() and not tok.text.isupper()) or (tok.word and len(tok.text) == 1)


def _english_mentions(text: str, toks: list[_Tok]) -> list[_Mention]:
    lex = _lex()
    out = []
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not (tok.word and tok.text[0].isupper()):
            i += 1
            continue
        j = i
        while j < n and toks[j].word and (toks[j].text[0].isupper() or toks[j].text.lower() in _EN_PARTICLES):
            j += 1
        run = toks[i:j]
        # leading honorifics and title words belong to the title
        k = 0
        while k < len(run) and (run[k].text.lower() in lex["en_honor"] or run[k].text.lower() in lex["en_heads"]):
            k += 1
        while k < len(run) and run[k].text.lower() in _EN_STOP | lex["en_not_name"] and k < len(run) - 1:
            k += 1
        name = run[k:]
        while name and name[-1].text.lower() in _EN_PARTICLES:
            name = name[:-1]
        ok = bool(name) and all(
            t.text.lower() not in lex["en_not_name"] and t.text.lower() not in _EN_STOP for t in name
        )
        honored = k > 0 and run[k - 1].text.lower() in lex["en_honor"]
        if ok and (len(name) >= 2 or honored) and len(name) <= 4:
            title_from = i
            while (
                title_from > 0
                and toks[title_from - 1].word
                and (toks[title_from - 1].text.lower() in lex["en_heads"] or toks[title_from - 1].text[0].isupper())
            ):
                title_from -= 1
            start_index = i + k
            title_toks = toks[title_from:start_index]
            title = text[title_toks[0].start : title_toks[-1].end] if title_toks else None
            if title is None and j + 1 < n and toks[j].text == "," and j + 2 < n:
                title = _english_apposition(text, toks, j + 1)
            out.append(
                _Mention(
                    text[name[0].start : name[-1].end],
                    (name[0].start, name[-1].end),
                    title,
                    tuple(t.key for t in name),
                    dead=any(t.text.lower() in lex["en_dead"] for t in toks[max(0, title_from - 1) : start_index]),
                )
            )
        i = max(j, i + 1)
    return out


def _english_apposition(text: str, toks: list[_Tok], j: int) -> str | None:
    """ "Hu Jintao, the President of China," -> "the President of China"."""
    k = j
    while k < len(toks) and toks[k].text not in ",.;" and k - j < 8:
        k += 1
    words = [t.text.lower() for t in toks[j:k]]
    if any(w in _lex()["en_heads"] for w in words) and k < len(toks) and toks[k].text == ",":
        return text[toks[j].start : toks[k - 1].end]
    return None


# ---------------------------------------------------------------------------
# Sentences and cues
# ---------------------------------------------------------------------------
_SENT_END = re.compile(r"[.!?؟]+['\"”»’)]*(?=\s|$)|\n\s*\n|\n(?=\S)")


def _sentences(text: str) -> list[Span]:
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


def _phrases(words: tuple[str, ...], key) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(key(w).split()) for w in words)


@cache
def _cue_tables(lang: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    if lang == "ar":
        c = attendee_cues
        return {
            "presence": _phrases(c.ARABIC_PRESENCE, _key),
            "absence": _phrases(c.ARABIC_ABSENCE, _key),
            "future": _phrases(c.ARABIC_FUTURE, _key),
            "remote": _phrases(c.ARABIC_REMOTE, _key),
        }
    c = attendee_cues
    low = str.lower
    return {
        "presence": _phrases(c.ENGLISH_PRESENCE, low),
        "absence": _phrases(c.ENGLISH_ABSENCE, low),
        "future": _phrases(c.ENGLISH_FUTURE, low),
        "remote": _phrases(c.ENGLISH_REMOTE, low),
    }


def _cue_positions(keys: list[str], phrases: tuple[tuple[str, ...], ...], lang: str) -> list[int]:
    """Token indices where one of ``phrases`` starts (Arabic words may carry و/ب/ل/ف)."""
    hits = []
    for i in range(len(keys)):
        for phrase in phrases:
            if i + len(phrase) > len(keys):
                continue
            first = keys[i]
            if lang == "ar":
                ok = phrase[0] == first or (first[:1] in "وفبل" and first[1:] == phrase[0])
                ok = ok or (first[:2] in ("وب", "ول", "فل", "وت") and first[2:] == phrase[0])
            else:
                ok = phrase[0] == first
            if ok and all(keys[i + m] == phrase[m] for m in range(1, len(phrase))):
                hits.append(i)
                break
    return hits


def _event_phrase(keys: list[str]) -> bool:
    """ "في الجنازة", "خلال ندوة صحفية", "على هامش الاجتماعات": the sentence happens at an event."""
    lex = _lex()
    for i in range(len(keys) - 1):
        if keys[i] in lex["ar_event_preps"] or (keys[i][:1] in "وف" and keys[i][1:] in lex["ar_event_preps"]):
            nxt = keys[i + 1]
            if any(v in lex["ar_events"] for v in _stem_variants(nxt)):
                return True
    return False


# ---------------------------------------------------------------------------
# Merging spellings
# ---------------------------------------------------------------------------
def _similar(a: str, b: str) -> bool:
    """Two spellings of one word: equal, or one edit or one swap apart when long enough ("جميس"/"جيمس")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _strip_conj(key: str) -> str:
    return key[1:] if key.startswith("و") and len(key) > 3 else key


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    a = tuple(_strip_conj(t) for t in a)
    b = tuple(_strip_conj(t) for t in b)
    if not a or not b:
        return False
    if len(a) == len(b):
        return all(_similar(x, y) for x, y in zip(a, b, strict=True))
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return all(any(_similar(s, t) for t in long_) for s in short) and any(len(s) >= 3 for s in short)


@dataclass
class _Cluster:
    mentions: list[_Mention]
    present: bool = False
    absent: bool = False
    dead: bool = False
    spellings: Counter = field(default_factory=Counter)


def _cluster(mentions: list[_Mention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for m in sorted(mentions, key=lambda m: -len(m.tokens)):
        for c in clusters:
            if any(_same_person(m.tokens, o.tokens) for o in c.mentions):
                c.mentions.append(m)
                break
        else:
            clusters.append(_Cluster([m]))
    return clusters


# ---------------------------------------------------------------------------
# Groups
# ---------------------------------------------------------------------------
def _groups_in(text: str, toks: list[_Tok]) -> list[Group]:
    lex = _lex()
    out = []
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        key = _strip_conj(tok.key) if tok.key.startswith("و") else tok.key
        if not tok.word or key not in lex["ar_groups"]:
            i += 1
            continue
        j = i + 1
        if j < n and toks[j].key == "من":
            j += 1
        elif key in (_key("عدد"), _key("جمع"), _key("حشد"), _key("لفيف"), _key("ثلة"), _key("نخبة")):
            i += 1
            continue
        body_start = j
        while j < n and toks[j].word and j - i < 9:
            k = toks[j].key
            if (k in _AR_STOP and k != "من") or (
                j > body_start
                and _conj(toks[j])
                and _ar_head(toks[j]) is False
                and not _definite(toks[j].key[1:])
                and not toks[j + 1 : j + 2]
            ):
                break
            if j > body_start and k.startswith(("بال", "لل")) and j - body_start >= 2:
                break
            j += 1
        if j - body_start >= 1:
            first = tok
            start = first.start + (1 if tok.key.startswith("و") and key != tok.key else 0)
            out.append(Group(text[start : toks[j - 1].end], (start, toks[j - 1].end)))
        i = max(j, i + 1)
    return out


# ---------------------------------------------------------------------------
# Name lists ("وفي ما يلي قائمة الولاة الجدد : - عمر منصور، والي تونس ـ ...")
# ---------------------------------------------------------------------------
_LIST_SPLIT = re.compile(r"(?:^|\s)[-–—•*ـ](?=\s*\S)|\n")


def _name_list(text: str, lo: int, hi: int) -> list[tuple[_Mention, bool]]:
    """Names of a list of people: each item a name then "،", "(" or the end; absent ones flagged."""
    body = text[lo:hi]
    colon = body.find(":")
    if colon < 0:
        return []
    out = []
    pieces = _LIST_SPLIT.split(body[colon + 1 :])
    offset = lo + colon + 1
    pos = offset
    for piece in pieces:
        start = text.find(piece, pos) if piece else pos
        pos = start + len(piece)
        stripped = piece.strip()
        if not stripped or stripped.endswith(":"):
            continue
        cut = re.split(r"[،,(]", stripped, maxsplit=1)
        name = cut[0].strip()
        toks = _tokenize(name)
        if not 2 <= len(toks) <= 4 or not all(t.word for t in toks) or any(t.key in _AR_STOP for t in toks):
            continue
        absent = bool(re.search(_key("تعذر") + "|" + _key("غاب") + "|" + _key("لم يحضر"), _key(piece)))
        name_start = text.find(name, start)
        out.append((_Mention(name, (name_start, name_start + len(name)), None, tuple(t.key for t in toks)), not absent))
    return out


def _name_lists(text: str, sentences: list[Span], present_sentence) -> list[tuple[_Mention, bool, int]]:
    out = []
    lead = re.compile(r"(?:قائمة|أسماء|اسماء|\bهم|\bهن)[^:.\n]{0,40}:")
    for index, (a, b) in enumerate(sentences):
        chunk = text[a:b]
        if not lead.search(chunk):
            continue
        where = index if present_sentence(index) else index - 1
        if where < 0 or not present_sentence(where):
            continue
        for mention, here in _name_list(text, a + lead.search(chunk).start(), b):
            out.append((mention, here, where))
    return out


# ---------------------------------------------------------------------------
# Public entry point
# ---------------------------------------------------------------------------
def _arabic(text: str) -> bool:
    arabic = len(re.findall(r"[\u0600-\u06ff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return arabic >= latin


def extract_attendees(text: str, lang: str | None = None) -> Attendees:
    """People and groups present at the event ``text`` reports (Arabic or English rules by ``lang``)."""
    lang = lang or ("ar" if _arabic(text) else "en")
    lang = "ar" if lang == "ar" else "en"
    sentences = _sentences(text)
    tables = _cue_tables(lang)
    per_sentence: list[list[_Tok]] = [_tokenize(text, a, b) for a, b in sentences]
    keys = [[t.key if lang == "ar" else t.text.lower() for t in toks] for toks in per_sentence]

    def present_sentence(index: int) -> bool:
        k = keys[index]
        if _cue_positions(k, tables["future"], lang) or _cue_positions(k, tables["remote"], lang):
            return False
        return bool(_cue_positions(k, tables["presence"], lang)) or (lang == "ar" and _event_phrase(k))

    mentions: list[_Mention] = []
    for index, toks in enumerate(per_sentence):
        found = (
            _arabic_mentions(text, toks) + _chain_names(text, toks) if lang == "ar" else _english_mentions(text, toks)
        )
        for m in found:
            m.sentence = index
        mentions.extend(found)
    listed = _name_lists(text, sentences, present_sentence) if lang == "ar" else []
    for m, _here, index in listed:
        m.sentence = index
        mentions.append(m)

    clusters = _cluster(_dedupe(mentions))
    _attach_surnames(text, clusters, per_sentence)
    present = {i for i in range(len(sentences)) if present_sentence(i)}
    absent_spans = _absent_spans(text, sentences, keys, tables, lang)
    listed_absent = {m.name_span for m, here, _ in listed if not here}
    for c in clusters:
        c.dead = any(m.dead for m in c.mentions)
        c.absent = any(_inside(m.name_span, absent_spans) for m in c.mentions) or any(
            m.name_span in listed_absent for m in c.mentions
        )
        c.present = any(m.sentence in present for m in c.mentions)
    people = [_person(text, c) for c in clusters if c.present and not c.absent and not c.dead]
    people.sort(key=lambda p: min(s[0] for s in p.spans))
    groups = []
    if lang == "ar":
        for index in sorted(present):
            groups.extend(_groups_in(text, per_sentence[index]))
    return Attendees(tuple(people), tuple(_dedupe_groups(groups)))


def _dedupe(mentions: list[_Mention]) -> list[_Mention]:
    seen: dict[Span, _Mention] = {}
    for m in mentions:
        overlap = next((s for s in seen if s[0] < m.name_span[1] and m.name_span[0] < s[1]), None)
        if overlap is None:
            seen[m.name_span] = m
        elif seen[overlap].title is None and m.title is not None:
            del seen[overlap]
            seen[m.name_span] = m
    return list(seen.values())


def _dedupe_groups(groups: list[Group]) -> list[Group]:
    out: list[Group] = []
    for g in groups:
        if not any(o.span[0] <= g.span[0] and g.span[1] <= o.span[1] for o in out):
            out.append(g)
    return out


def _attach_surnames(text: str, clusters: list[_Cluster], per_sentence: list[list[_Tok]]) -> None:
    """Later mentions by surname or another spelling ("جيفري", "Mr Blair") join their person."""
    taken = {m.name_span for c in clusters for m in c.mentions}
    for c in clusters:
        full = max(c.mentions, key=lambda m: len(m.tokens))
        if len(full.tokens) < 2:
            continue
        last = _strip_conj(full.tokens[-1])
        first_names = {_strip_conj(m.tokens[0]) for m in c.mentions if len(m.tokens) >= 2}
        if len(last) < 3:
            continue
        for index, toks in enumerate(per_sentence):
            for k, tok in enumerate(toks):
                if not tok.word or not _similar(_surname_key(tok.key), last):
                    continue
                span: Span = (tok.start, tok.end)
                if any(s[0] <= span[0] < s[1] for s in taken):
                    continue
                start = tok.start
                tokens = (last,)
                if k and toks[k - 1].word and any(_similar(_strip_conj(toks[k - 1].key), f) for f in first_names):
                    start = toks[k - 1].start + (1 if _conj(toks[k - 1]) and toks[k - 1].key[1:] in first_names else 0)
                    tokens = (_strip_conj(toks[k - 1].key), last)
                elif tok.key != last and tok.key[1:] != last:
                    # prefixed surname ("بجيفري", "لجيفري"): keep the bare surname
                    start = tok.end - len(last) if tok.text.endswith(text[tok.end - len(last) : tok.end]) else start
                span = (start, tok.end)
                taken.add(span)
                c.mentions.append(_Mention(text[start : tok.end], span, None, tokens, sentence=index))


def _surname_key(key: str) -> str:
    for prefix in ("وب", "ول", "و", "ب", "ل"):
        if key.startswith(prefix) and len(key) - len(prefix) >= 3:
            return key[len(prefix) :] if not key.startswith("ول") or len(key) > 5 else key
    return key


def _absent_spans(text: str, sentences: list[Span], keys, tables, lang: str) -> list[Span]:
    """Clauses around an absence cue: the person named there was not present."""
    out = []
    for index, (a, b) in enumerate(sentences):
        toks = _tokenize(text, a, b)
        for pos in _cue_positions(keys[index], tables["absence"], lang):
            lo = pos
            while lo > 0 and toks[lo - 1].text not in ".؛;" and pos - lo < 8:
                lo -= 1
            hi = pos
            while hi < len(toks) - 1 and toks[hi + 1].text not in ".،,؛;" and hi - pos < 8:
                hi += 1
            out.append((toks[lo].start, toks[hi].end))
    return out


def _inside(span: Span, spans: list[Span]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _person(text: str, c: _Cluster) -> Person:
    """Show the most frequent full spelling; keep the other spellings as aliases."""
    named = [m for m in c.mentions if len(m.tokens) >= 2] or c.mentions
    counts = Counter({m.name: text.count(m.name) for m in named})
    first_seen = {m.name: m.name_span[0] for m in sorted(named, key=lambda m: -m.name_span[0])}
    name = max(counts, key=lambda s: (counts[s], len(s), -first_seen[s]))
    shown = _key(name).split()
    aliases = []
    for m in sorted(c.mentions, key=lambda m: m.name_span[0]):
        if m.name == name or m.name in aliases or _key(m.name) == _key(name):
            continue
        if len(m.tokens) > len(shown) and all(t in m.tokens for t in shown):
            continue  # a longer spelling that only adds a stray word from the title
        aliases.append(m.name)
    titled = [m for m in sorted(c.mentions, key=lambda m: m.name_span[0]) if m.title]
    title = max(titled, key=lambda m: len(m.title or "")).title if titled else None
    spans = tuple(sorted({m.name_span for m in c.mentions}))
    return Person(name, title, tuple(aliases), spans)
