"""Attendees: the people (and unnamed groups) present at the event an article reports.

Three steps, all rules over tokens, no model:

1. *Mentions*: a person is found where a title stands next to a name ("المبعوث الأمريكي
   الخاص إلى سوريا جميس جيفري", "Education Secretary Ruth Kelly", "يوسف الشاهد، رئيس
   الحكومة"), in chains joined by "و" and commas ("كل من ... وليلى الحسن"), in lists of
   names, right after a presence verb ("شارك بيل كلينتون"), and later by surname alone
   ("جيفري", "Mr Blair").
2. *One person, one entry*: spellings that share a surname and a similar first name
   are merged; the most frequent spelling is shown, the others kept as aliases.
3. *Presence*: mentions in sentences carrying a presence cue (حضر، بحضور، التقى،
   "attended", "during talks") count, and so do titled people quoted after the article
   has reported its event; a clause about the future, a phone call, a letter or an
   interview does not; people said to be absent or dead anywhere are dropped.

Cue words, titles and stop words live in ``summarize.rules``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

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
_W = "(?:[^\\W_][\u064b-\u065f\u0670\u0640]*)"
_TOKEN = re.compile(rf"#?{_W}+(?:[_'’\-.]{_W}+)*|[^\w\s]")
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_CLAUSE_MARKS = frozenset('،,؛;:"«»“”()')


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int
    key: str  # normalized, for matching
    word: bool


TITLE_PART_SEPARATOR = "؛ "  # parts of one title, as the annotation rules write them


@lru_cache(maxsize=65536)  # one call per token: words repeat, and a 5M-character article has ~900,000 tokens
def _key(text: str) -> str:
    """Matching form: no harakat or tatweel, one alef, hamza seats folded.

    Alef maqsura stays apart from yaa: "على" (on) is not the name "علي".
    """
    text = normalize(_MARKS.sub("", text)).lstrip("#")
    return text.replace("ؤ", "و").replace("ئ", "ي").replace("_", " ")


def _tokenize(text: str, lo: int = 0, hi: int | None = None) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text, lo, len(text) if hi is None else hi):
        raw = m.group()
        word = raw[0].isalnum() or (raw[0] == "#" and len(raw) > 1)
        if word and "_" in raw:  # hashtag names: "#جوزيبي_كونتي" -> two words
            pos = m.start() + (1 if raw.startswith("#") else 0)
            for part in raw.lstrip("#").split("_"):
                if part:  # "#a__b": no empty word between the underscores
                    out.append(_Tok(part, pos, pos + len(part), _key(part), True))
                pos += len(part) + 1
            continue
        if word and raw.startswith("#"):  # a lone "#" is punctuation, not an empty word
            out.append(_Tok(raw[1:], m.start() + 1, m.end(), _key(raw[1:]), True))
            continue
        out.append(_Tok(raw, m.start(), m.end(), _key(raw), word))
    return out


def _strip(tok: _Tok) -> _Tok:
    """The token without its leading conjunction "و"."""
    return _Tok(tok.text[1:], tok.start + 1, tok.end, tok.key[1:], True)


# ---------------------------------------------------------------------------
# Lexicons (normalized once)
# ---------------------------------------------------------------------------
_AR_STOP = frozenset(_key(w) for w in stop_words.ARABIC)
_EN_STOP = frozenset(stop_words.ENGLISH)


@cache
def _lex() -> dict[str, frozenset[str]]:
    def keys(words) -> frozenset[str]:
        return frozenset(_key(w) for w in words)

    c = attendee_cues
    return {
        "ar_heads": keys(titles.ARABIC_HEADS),
        "ar_honor": keys(titles.ARABIC_HONORIFICS),
        "ar_title_words": keys(titles.ARABIC_TITLE_WORDS),
        "ar_dead": keys(titles.ARABIC_DECEASED),
        "ar_death_words": keys(titles.ARABIC_DEATH_WORDS),
        "ar_kin": keys(titles.ARABIC_KINSHIP),
        "ar_waw": keys(titles.ARABIC_WAW_WORDS),
        "ar_not_name": keys(titles.ARABIC_NOT_NAME),
        "en_heads": frozenset(w.lower() for w in titles.ENGLISH_HEADS),
        "en_honor": frozenset(w.lower() for w in titles.ENGLISH_HONORIFICS),
        "en_dead": frozenset(titles.ENGLISH_DECEASED),
        "en_not_name": frozenset(titles.ENGLISH_NOT_NAME),
        "ar_presence": keys(c.ARABIC_PRESENCE),
        "ar_speech": keys(c.ARABIC_SPEECH),
        "en_speech": frozenset(c.ENGLISH_SPEECH),
        "ar_events": keys(c.ARABIC_EVENT_NOUNS),
        "ar_event_preps": keys(c.ARABIC_EVENT_PREPOSITIONS),
        "ar_event_preps_strict": keys(c.ARABIC_EVENT_PREPOSITIONS_STRICT),
        "ar_groups": keys(c.ARABIC_GROUP_HEADS),
        "ar_openers": keys(w for w in c.ARABIC_LIST_OPENERS if " " not in w),
        "ar_words_of": keys(c.ARABIC_WORDS_OF),
        "ar_weak_openers": keys(c.ARABIC_WEAK_OPENERS),
    }


_AR_PREFIXES = ("وبال", "وال", "بال", "فال", "لل", "ال", "و", "ب", "ف", "ل")
_AR_PREPS = frozenset(_key(w) for w in ("في", "إلى", "الى", "لدى", "عن", "على", "ضد", "باسم"))
_PARTICLES = frozenset(_key(w) for w in ("بن", "ابن", "ولد", "بنت", "عبد", "أبو", "ابو", "آل", "أبي", "الابن"))
_PRONOUNS = ("هما", "هم", "ها", "ه")


def _stem_variants(key: str) -> list[str]:
    """``key`` with a conjunction, preposition or article prefix taken off."""
    out = [key]
    for prefix in _AR_PREFIXES:
        if key.startswith(prefix) and len(key) - len(prefix) >= 2:
            base = key[len(prefix) :]
            out.append(base)
            if prefix.endswith("ال") or prefix == "لل":
                out.append("ال" + base)
    return out


def _head_variants(key: str) -> list[str]:
    """A head word with "و", "ال" and an attached pronoun taken off ("وزوجها", "ابنته", "والرئيس")."""
    out = [key]
    for prefix in ("وب", "و", "ب"):  # "والرئيس", "برئيسة الحكومة", "وبالرئيس"
        if key.startswith(prefix) and len(key) - len(prefix) > 2:
            out.append(key[len(prefix) :])
    for word in list(out):
        if word.startswith("ال") and len(word) > 4:
            out.append(word[2:])
    for word in list(out):
        out.extend(_unsuffixed(word))
    out.extend([w[:-1] for w in out if w.endswith("ة") and len(w) > 4])  # "الناطقة" -> "الناطق"
    return out


def _unsuffixed(word: str) -> list[str]:
    """``word`` without an attached pronoun ("ابنته" -> "ابنة"), or nothing."""
    for suffix in _PRONOUNS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            base = word[: -len(suffix)]
            return [base[:-1] + "ة", base] if base.endswith("ت") else [base]
    return []


def _conj(tok: _Tok) -> bool:
    """Does the word open with the conjunction "و" (not a root "و" as in "وزير", "وليد")?"""
    key = tok.key
    if not key.startswith("و") or len(key) <= 2:
        return False
    lex = _lex()
    return key not in lex["ar_waw"] and key not in lex["ar_heads"]


def _definite(key: str) -> bool:
    return key.startswith(("ال", "لل")) and len(key) > 3


def _nisba(key: str) -> bool:
    """A definite relative adjective ("الأمريكي", "السودانية"): part of a title."""
    return _definite(key) and key.endswith(("ي", "ية"))


def _ar_head(tok: _Tok) -> bool:
    if tok.key in _AR_STOP:
        return False
    lex = _lex()
    return any(v in lex["ar_heads"] or v in lex["ar_honor"] for v in _head_variants(tok.key))


def _with_bi(tok: _Tok) -> bool:
    """ "بوزير", "بالأمين": an office word behind the preposition "ب" (the other side of a meeting)."""
    key = tok.key
    if not key.startswith("ب") or len(key) < 4:
        return False
    rest = key[1:]
    return any(v in _lex()["ar_heads"] or v in _lex()["ar_honor"] for v in _head_variants(rest))


def _honorific(tok: _Tok) -> bool:
    """ "الدكتور", and with "و" or "ب" before it: "والدكتور", "بالمشير" (the object of "التقى")."""
    honor = _lex()["ar_honor"]
    key = tok.key[1:] if tok.key[:1] in ("و", "ب") and tok.key[1:] in honor else tok.key
    return key in honor or tok.text in ("د.", "د")


def _kinship(tok: _Tok) -> tuple[bool, bool]:
    """(is a kinship word, carries a pronoun): "نجل" -> (True, False), "ابنته" -> (True, True)."""
    lex = _lex()
    key = tok.key[1:] if _conj(tok) else tok.key
    if key in lex["ar_kin"] or (key.startswith("ال") and key[2:] in lex["ar_kin"]):
        return True, False
    suffixed = any(v in lex["ar_kin"] for v in _unsuffixed(key))
    return suffixed, suffixed


# ---------------------------------------------------------------------------
# Arabic mentions
# ---------------------------------------------------------------------------
@dataclass
class _Mention:
    name: str
    name_span: Span
    title: str | None
    tokens: tuple[str, ...]  # normalized name tokens
    dead: bool = False
    sentence: int = -1
    start: int = -1  # where the mention (title included) starts
    speaker: bool = False  # quoted with a speech verb
    also: list[int] = field(default_factory=list)  # other sentences the same words were found in
    bare: bool = False  # found only by a verb before it: weaker evidence
    quoted_heading: bool = False  # "سفيان طوبال : ..." opening a headline: who the article quotes

    def __post_init__(self) -> None:
        if self.start < 0:
            self.start = self.name_span[0]


# Verbal nouns of the derived verb forms: إفعال, افتعال, انفعال, استفعال (hamza folded to ا).
_L = r"[^\W\d_]"
_MASDAR = re.compile(rf"^(?:ا{_L}{{2}}ا{_L}|ا{_L}ت{_L}ا{_L}|ان{_L}{{2}}ا{_L}|است{_L}{{2}}ا{_L})ة?$")
# Alone (no preposition) only the forms no common first name takes ("إيمان" is إفعال-shaped).
_MASDAR_SEVENTH_TENTH = re.compile(rf"^(?:ان{_L}{{2}}ا{_L}|است{_L}{{2}}ا{_L})ة?$")


def _name_word(tok: _Tok, loose: bool = False) -> bool:
    """Can this word be part of a name? Not a function, title, cue, event or organisation word.

    ``loose`` lets a word that is also a verb pass ("أشرف زكي", "عادل"): for the first word of a
    longer name, where the next word decides.
    """
    lex = _lex()
    key = tok.key
    if not tok.word or key in _AR_STOP or key.isdigit() or len(key) < 2 or key.endswith(("يين", "يون")):
        return False
    if key[:1] in "بلكفو" and key[1:] in _AR_STOP:
        return False  # "لأي", "بذلك", "فقد": a particle on a function word
    if key[:1] == "ب" and any(v in lex["ar_events"] or v in lex["ar_presence"] for v in _stem_variants(key[1:])):
        return False  # "باستقبال", "بزيارة": "with a reception", not a name
    if key[:1] == "س" and any(v in lex["ar_presence"] or v in lex["ar_speech"] for v in _stem_variants(key[1:])):
        return False  # "سيزور", "سيلتقي": a verb in the future
    if key.startswith(("لم", "بم")) and key.endswith("ة") and len(key) >= 6:
        return False  # "لمتابعة", "بمشاركة": a verbal noun after a preposition
    if key[:1] in "لب" and _MASDAR.match(key[1:]):
        return False  # "بإيجاد", "لاستعادة", "بانتظار": a preposition on a verbal noun
    if _MASDAR_SEVENTH_TENTH.match(key) or any(ch.isdigit() for ch in key):
        return False  # "انشغال", "استقرار": a verbal noun; "لفرانس24": no name has digits
    if key[:1] in "لب" and any(v in lex["ar_not_name"] or v in lex["ar_words_of"] for v in _stem_variants(key[1:])):
        return False  # "لنظام", "بحكومة": a preposition on a common noun
    variants = _stem_variants(key) + ([key[:-1]] if key.endswith("ا") else [])
    if any(v in lex["ar_not_name"] for v in variants):
        return False
    loose = loose and not key.startswith(("ب", "و", "ف", "ل"))  # "بحضور" is never a name
    tables = ("ar_title_words", "ar_events", "ar_death_words") + (() if loose else ("ar_presence", "ar_speech"))
    forms = (key, key[:-1]) if key.endswith("ا") else (key,)  # "مؤتمرا": accusative of an event noun
    return not any(form in lex[table] for table in tables for form in forms)


def _name_ok(tokens: list[_Tok], min_words: int = 2) -> bool:
    """Do these words look like a person's name? At least ``min_words``, no function or title words."""
    if len(tokens) < min_words:
        return False
    lex = _lex()
    if tokens[0].key.startswith("و") and len(tokens) > 1 and _definite(tokens[1].key):
        return False  # "ووجهاء العشائر" is a conjoined noun phrase, not a name like "وليم روباك"
    if _definite(tokens[0].key) and tokens[0].key.endswith("ية"):
        return False  # "السياسية اليسارية ...": a feminine adjective opens no name
    if len(tokens) >= 2 and all(t.key.endswith("ين") for t in tokens):
        return False  # "رئيسين سابقين": plurals
    loose = len(tokens) > 1
    words_ok = all(
        (t.word and t.key not in _AR_STOP) if _after_particle(tokens, k) else _name_word(t, loose=loose and k == 0)
        for k, t in enumerate(tokens)
    )
    if not words_ok or any(t.key.startswith(("بأ", "بال", "لل")) for t in tokens):
        return False
    if any(t.key.endswith(("ه", "ها", "هم")) and len(t.key) > 3 and not t.key.endswith("الله") for t in tokens[1:]):
        return False  # "ترامب قلقه": a word with an attached pronoun is no part of a name
    del lex
    return not (_ar_head(tokens[0]) and not tokens[0].key.startswith("ال"))


def _after_particle(tokens: list[_Tok], k: int) -> bool:
    """The word after "عبد", "أبو", "بن" belongs to the name whatever it is ("عبد الدايم")."""
    return k > 0 and tokens[k - 1].key in _PARTICLES


def _name_conj_breaks(tok: _Tok) -> bool:
    """ "و" before a word starts a new conjunct, except in names that begin with "وو" ("ووندر")."""
    if not _conj(tok) or tok.key in _PARTICLES or tok.key[1:] in _PARTICLES:
        return False
    if tok.key[1:] in _lex()["ar_groups"]:
        return True  # "محسن مرزوق ووفد من الحركة"
    return not (tok.key.startswith("وو") and not _ar_head(tok) and not _definite(tok.key[1:]))


def _take_name(toks: list[_Tok], j: int) -> int:
    """End index (exclusive) of an Arabic name starting at ``j``: up to three words, four with particles."""
    k = j
    limit = 3
    while k < len(toks) and k - j < limit:
        tok = toks[k]
        if not tok.word or tok.key in _AR_STOP or tok.key.isdigit():
            break
        next_definite = (
            k + 1 < len(toks)
            and toks[k + 1].word
            and (_definite(toks[k + 1].key) or toks[k + 1].key.startswith(("بال", "لل")))
        )  # "الموظفة باللجنة الدولية": an office with its complement starts a new title
        head = _ar_head(tok) and (not _definite(tok.key) or _honorific(tok) or next_definite)
        if k > j and (_name_conj_breaks(tok) or head or tok.key.startswith(("بال", "لل", "كال"))):
            break
        bound = k > j and toks[k - 1].key in _PARTICLES
        if k > j and not bound and (tok.key in _lex()["ar_title_words"] or not _name_word(tok)):
            break
        if tok.key in _PARTICLES or (k > j and toks[k - 1].key in _PARTICLES):
            limit = 4
        k += 1
    while k > j and toks[k - 1].key in _PARTICLES - {_key("الابن")}:
        k -= 1  # a name never ends on "عبد" or "بن"
    # "جنيفر هادسن شجون الحضور": a third word that opens a construct with the next one is the object
    if k - j == 3 and k < len(toks) and toks[k].word and _definite(toks[k].key) and not _definite(toks[k - 1].key):
        k -= 1
    return k


def _recurring_name_end(text: str, toks: list[_Tok], j: int, end: int) -> int | None:
    """The end of the longest name of two words or more from ``j``, shorter than ``end``, whose last
    word stands alone elsewhere in ``text`` (with or without "و"/"ب"/"ل"): a surname reused."""
    counts = _word_counts(text)
    for stop in range(end - 1, j + 1, -1):
        last = _surname_key(toks[stop - 1].key)
        if len(last) >= 3 and counts[last] >= 2 and _name_ok(toks[j:stop]):
            return stop
    return None


@lru_cache(maxsize=1)
def _word_counts(text: str) -> Counter[str]:
    """How often each word occurs in ``text``, leading "و"/"ب"/"ل" removed (one pass per article)."""
    return Counter(_surname_key(tok.key) for tok in _tokenize(text) if tok.word)


def _take_apposed(toks: list[_Tok], j: int) -> int:
    """A name between commas ("، الباجي قايد السبسي،"): any words up to the closing mark, at most four."""
    k = j
    while k < len(toks) and toks[k].word and k - j < 4 and toks[k].key not in _AR_STOP:
        if k > j and _name_conj_breaks(toks[k]):
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
        before = toks[j - 1].key
        generic = not _definite(before) and any(v in _lex()["ar_not_name"] for v in _stem_variants(before))
        if generic and j + 1 < n and toks[j + 1].word and _definite(toks[j + 1].key):
            j += 1  # construct chain after a generic place noun: "إقليم دير الزور", not "جنيف سجى المجالي"
            continue
        break
    return j


def head_key(tok: _Tok) -> str:
    """The word without a leading "و"."""
    return tok.key[1:] if _conj(tok) else tok.key


def _ar_title(toks: list[_Tok], i: int) -> tuple[int, bool]:
    """End of the title that opens at ``i`` and whether it ends on an honorific (a name must follow)."""
    lex = _lex()
    n = len(toks)
    j = i + 1
    honor = _honorific(toks[i])
    head_key = toks[i].key[1:] if _conj(toks[i]) else toks[i].key
    needs_complement = not _definite(head_key) and not honor and not _kinship(toks[i])[1]
    after_honorific = honor
    while j < n and (toks[j].word or (j > i + 1 and (j := _past_quoted_name(toks, j)) < n and toks[j].word)):
        tok = toks[j]
        key = tok.key
        if after_honorific:
            if _nisba(key) or key in lex["ar_title_words"]:
                j += 1  # "القس الأمريكي الشهير، آل شاربتون"
                continue
            break
        if _honorific(tok) and not _conj(tok):
            after_honorific = True
            j += 1
            continue
        if key == "عام" and j == i + 1:
            j += 1  # "أمين عام الحركة", "مدير عام الشركة": the office, not the year
            continue
        if key in _AR_STOP and key not in _AR_PREPS:
            break
        if needs_complement:
            if _ar_head(tok) and not _definite(key) and not _honorific(tok) and not _conj(tok):
                j += 1  # "نائب وزير الخارجية", "مساعد مدير الأمن": an office of an office
                continue
            needs_complement = False
            if _definite(key) or key in lex["ar_title_words"]:
                j += 1
                continue
            chain = j
            while chain < min(n, j + 3) and toks[chain].word and not _definite(toks[chain].key):
                chain += 1
            ends_definite = chain < n and chain > j and toks[chain].word and _definite(toks[chain].key)
            if ends_definite and not _ar_head(tok):
                j = chain  # "رئيس جنوب السودان", "كبير مستشاري رئاسة الحكومة"
                needs_complement = True
                continue
            comma = _comma_before_name(toks, j, 7)
            if comma is not None and not _ar_head(tok):
                j = comma  # "أمين عام حركة مشروع تونس، محسن مرزوق", "رئيس كتلة نداء تونس بمجلس نواب الشعب، ..."
            break
        if key in _AR_PREPS:
            if j + 1 >= n or not toks[j + 1].word or toks[j + 1].key in _AR_STOP:
                break  # "أشار الوزير إلى أن ...": the verb's complement, not part of the title
            j = _prep_object(toks, j + 1)
            continue
        if key.startswith("ل") and j + 1 < n and toks[j + 1].word and _definite(toks[j + 1].key):
            j += 2  # "رئيس الهيئة العليا لمكافحة الفساد"
            continue
        if key.startswith("بال") and j == i + 1 and _definite(head_key) and not _ar_head(tok) and not _honorific(tok):
            j += 1  # "الموظفة باللجنة الدولية للصليب الأحمر": where the office is held
            continue
        if key.startswith("ل") and j + 1 < n and (past := _past_quoted_name(toks, j + 1)) > j + 1:
            j = past  # "الأمين العام لحلف "الناتو" ينس ستولتنبرغ"
            continue
        if key.startswith("ل") and not key.startswith("لل") and (close := _named_body_end(toks, j)) is not None:
            j = close  # "الأمين العام لحركة مشروع تونس، محسن مرزوق": a body's proper name up to the comma
            continue
        if key.startswith("لل") or key in lex["ar_title_words"] or (_definite(key) and not _conj(tok)):
            j += 1
            continue
        if _conj(tok) and _definite(key[1:]) and (_ar_head(tok) or _definite(toks[j - 1].key)):
            j += 1  # "المغني والملحن", "وزير البيئة والجماعات المحلية"
            continue
        construct = j + 1 < n and toks[j + 1].word and _definite(toks[j + 1].key)
        if _conj(tok) and construct and _definite(toks[j - 1].key) and not _ar_head(tok):
            j += 2  # "وزير الخارجية وشؤون المغتربين"
            continue
        break
    return j, after_honorific


def _comma_before_name(toks: list[_Tok], j: int, reach: int) -> int | None:
    """The comma that ends a body's name opening at ``j`` when a name follows it: only content
    words (no function word, no verb of speech or presence) within ``reach`` words."""
    lex = _lex()
    for k in range(j + 1, min(len(toks) - 1, j + reach + 1)):
        tok = toks[k]
        if tok.text in "،,":
            return k if toks[k + 1].word and not _ar_head(toks[k + 1]) else None
        if not tok.word or tok.key in _AR_STOP or any(
            v in lex["ar_speech"] or v in lex["ar_presence"] for v in _stem_variants(tok.key)
        ):
            return None
    return None


_QUOTES = frozenset('"«»“”')


def _past_quoted_name(toks: list[_Tok], j: int) -> int:
    """After a quoted word or two inside a title ("لحلف "الناتو" ينس ..."), else ``j`` unchanged."""
    if toks[j].text not in _QUOTES or not toks[j - 1].word:
        return j
    for k in range(j + 1, min(len(toks), j + 4)):
        if toks[k].text in _QUOTES:
            return k + 1 if k > j + 1 else j
        if not toks[k].word:
            return j
    return j


def _named_body_end(toks: list[_Tok], j: int) -> int | None:
    """Where "لحركة مشروع تونس" ends when a comma and a name follow it (at most three more words)."""
    for k in range(j + 1, min(len(toks), j + 4)):
        tok = toks[k]
        if tok.text in "،,":
            return k if k + 1 < len(toks) and toks[k + 1].word else None
        if not tok.word or tok.key in _AR_STOP:
            return None
    return None


def _title_text(text: str, toks: list[_Tok]) -> tuple[str | None, bool]:
    """The title as written (leading "و" dropped) and whether it says the person is dead.

    A trailing honorific belongs to the next name only, so it becomes its own part:
    "الرئاسة المشتركة ... الدكتور غسان" -> "الرئاسة المشتركة ...؛ الدكتور".
    """
    if not toks:
        return None, False
    lex = _lex()
    honorifics = 0
    while honorifics < len(toks) - 1 and toks[-1 - honorifics].key in lex["ar_honor"]:
        honorifics += 1
    office_toks = toks[: len(toks) - honorifics]
    title = text[office_toks[0].start : office_toks[-1].end].strip(" ،,")
    first = toks[0].key
    for prefix in ("وب", "و", "ب"):  # "وزعيم المعارضة" -> "زعيم المعارضة", "برئيسة الحكومة" -> "رئيسة الحكومة"
        rest = first[len(prefix) :]
        own = first in lex["ar_heads"] or first in lex["ar_waw"] or len(rest) <= 2
        if (
            first.startswith(prefix)
            and not own
            and any(v in lex["ar_heads"] | lex["ar_honor"] for v in _head_variants(rest))
        ):
            title = title[len(prefix) :]
            break
    if honorifics and title:
        title = f"{title}{TITLE_PART_SEPARATOR}{text[toks[-honorifics].start : toks[-1].end]}"
    return title or None, any(t.key in lex["ar_dead"] for t in toks)


def _without_honorific(title: str | None) -> str | None:
    """The office alone: names chained after "الدكتور X" share the office, not the honorific."""
    if title and TITLE_PART_SEPARATOR in title:
        office, last = title.rsplit(TITLE_PART_SEPARATOR, 1)
        if _key(last) in _lex()["ar_honor"]:
            return office
    return title


def _make(text: str, toks: list[_Tok], title_toks: list[_Tok], name_toks: list[_Tok]) -> _Mention:
    title, dead = _title_text(text, title_toks)
    first = name_toks[0]
    start = first.start
    span = (start, name_toks[-1].end)
    start_all = title_toks[0].start if title_toks else start
    return _Mention(text[span[0] : span[1]], span, title, tuple(t.key for t in name_toks), dead, start=start_all)


def _titled_mentions(text: str, toks: list[_Tok]) -> list[_Mention]:
    """Title + name, and "و" chains after it: "الدكتور غسان اليوسف وليلى الحسن"."""
    out: list[_Mention] = []
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not tok.word or not _ar_head(tok):
            i += 1
            continue
        if i > 0 and _adjectival_head(toks[i - 1], tok):
            i += 1  # "الإئتلاف الحاكم", "الحزب الحاكم": an adjective, not an office
            continue
        title_end, must_name = _ar_title(toks, i)
        j = title_end
        is_kin, has_pronoun = _kinship(tok)
        apposition = False
        # "X، رئيس الحكومة، ..." : no name after it (but "التقى اليوم الأربعاء، أمين عام ..." has one)
        apposed_title = (
            i > 1
            and toks[i - 1].text in "،,"
            and toks[i - 2].key not in _AR_STOP
            and not _with_bi(tok)
            and not _conj(tok)  # "، ورئيس جمعية مديري الصحف، الطيب الزهار": the next person in a list
        )
        if j < n and toks[j].text in "،," and j + 1 < n and toks[j + 1].word and not apposed_title:
            j += 1  # "رئيس الوزراء الإيطالي، جوزيبي كونتي،"
            apposition = True
        name_end = _take_apposed(toks, j) if apposition else _take_name(toks, j)
        if is_kin and not has_pronoun:
            # "نجل المطرب، يوسف،", "نجل فرانكلين، إدوارد،": the person is in apposition, not the relative
            k = j if apposition else name_end + 1
            if apposition or (name_end < n - 1 and toks[name_end].text in "،," and toks[name_end + 1].word):
                end = _take_apposed(toks, k)
                if _name_ok(toks[k:end], 1):
                    mention = _make(text, toks, toks[i : k - 1], toks[k:end])
                    mention.dead = False  # a death word in the title is about the relative
                    out.append(mention)
            i = max(name_end, i + 1)
            continue
        min_words = 1 if (must_name or has_pronoun) else 2
        adjectives = title_end == i + 1 and (
            all(t.key.endswith("ي") for t in toks[j:name_end])
            or (not _definite(head_key(tok)) and not _honorific(tok) and toks[j].key.endswith("ي"))
        )  # "زعيم كوري شمالي", "مسؤول أمني سوري بارز": adjectives after a bare office word
        if name_end > j and _name_ok(toks[j:name_end], min_words) and not adjectives:  # not "زعيم كوري شمالي"
            closes = name_end >= n or not toks[name_end].word or toks[name_end].key in _AR_STOP
            if apposition and not closes and not _conj(toks[name_end]):
                # an apposition must close ("، X ،" or "، X إن"), or its surname must recur in the
                # article ("نفى الأمين العام، محسن مرزوق وجود ..." then "وقال مرزوق"); otherwise it is prose
                shorter = _recurring_name_end(text, toks, j, name_end)
                if shorter is None:
                    i = title_end
                    continue
                name_end = shorter
            mention = _make(text, toks, toks[i:title_end], toks[j:name_end])
            out.append(mention)
            i = _shared_title_chain(text, toks, name_end, mention, out)
            continue
        i = title_end if title_end > i else i + 1
    return out


_ADJECTIVAL_HEADS = frozenset(_key(w) for w in ("الحاكم", "الحاكمة", "الكبير", "الكبيرة", "الرئيسي", "الرئيسية"))


def _adjectival_head(prev: _Tok, tok: _Tok) -> bool:
    """A definite office word right after a definite noun that is no office describes that noun."""
    return (
        prev.word
        and _definite(prev.key)
        and tok.key in _ADJECTIVAL_HEADS
        and not _ar_head(prev)
        and not _honorific(tok)
        and prev.key not in _AR_STOP
        and not _nisba(prev.key)
    )


def _shared_title_chain(text: str, toks: list[_Tok], k: int, mention: _Mention, out: list[_Mention]) -> int:
    """Names joined by "و" after a titled name share its title: "غسان اليوسف وليلى الحسن"."""
    n = len(toks)
    while k < n and _conj(toks[k]) and not _ar_head(toks[k]) and toks[k].key[1:] not in _lex()["ar_groups"]:
        sub = [_strip(toks[k]), *toks[k + 1 :]]
        end = _take_name(sub, 0)
        if end < 2 or not _name_ok(sub[:end]) or _definite(sub[0].key):
            break
        out.append(
            _Mention(
                text[sub[0].start : sub[end - 1].end],
                (sub[0].start, sub[end - 1].end),
                _without_honorific(mention.title),
                tuple(t.key for t in sub[:end]),
                mention.dead,
            )
        )
        k += end
    return k


def _appositive_mentions(text: str, toks: list[_Tok]) -> list[_Mention]:
    """A name then "، title ،": "أعلن رياض المؤخر، وزير البيئة والجماعات المحلية، أن"."""
    out = []
    n = len(toks)
    lex = _lex()
    for c in range(1, n - 1):
        if toks[c].text not in "،," or not _ar_head(toks[c + 1]) or _conj(toks[c + 1]):
            continue
        if _with_bi(toks[c + 1]):
            continue  # "جون سوليفان، بوزير الخارجية ...": "with the minister", another person
        start = c
        while start > 0 and c - start < 3 and toks[start - 1].word and toks[start - 1].key not in _AR_STOP:
            prev = toks[start - 1]
            if _ar_head(prev) or any(v in lex["ar_presence"] | lex["ar_speech"] for v in _stem_variants(prev.key)):
                break
            if prev.key in lex["ar_openers"]:
                break
            start -= 1
        name_toks = toks[start:c]
        if name_toks and _conj(name_toks[0]) and len(name_toks[0].key) > 3:
            name_toks = [_strip(name_toks[0]), *name_toks[1:]]
        if not _name_ok(name_toks) or (start > 0 and toks[start - 1].word and _ar_head(toks[start - 1])):
            continue
        title_end, _ = _ar_title(toks, c + 1)
        if title_end < n and toks[title_end].word and toks[title_end].key not in _AR_STOP:
            continue  # the title runs into a name: this is a chain, not an apposition
        mention = _make(text, toks, toks[c + 1 : title_end], name_toks)
        mention.start = name_toks[0].start
        out.append(mention)
    return out


def _chain_names(text: str, toks: list[_Tok]) -> list[_Mention]:
    """Bare names after a list opener: "هما باراك أوباما وجورج بوش الابن", "مثل بيل وهيلاري كلينتون"."""
    out = []
    n = len(toks)
    lex = _lex()
    for i, tok in enumerate(toks):
        every = tok.key == _key("كل") and i + 1 < n and toks[i + 1].key == "من"
        if not (every or tok.key in lex["ar_openers"] or (_conj(tok) and tok.key[1:] in lex["ar_openers"])):
            continue
        weak = tok.key in lex["ar_weak_openers"]
        j = i + 2 if every else i + 1
        chain: list[list[_Tok]] = []
        while j < n and toks[j].word and not _ar_head(toks[j]):
            first = toks[j]
            if chain:
                if not _conj(first):
                    break
                first = _strip(first)
            sub = [first, *toks[j + 1 :]]
            end = _take_name(sub, 0)
            if end == 1 and end < len(sub) and _conj(sub[1]):
                chain.append(sub[:1])  # "بيل وهيلاري كلينتون": the first name borrows the surname
                j += 1
                continue
            if not _name_ok(sub[:end]) or any(v in lex["ar_groups"] for v in _stem_variants(first.key)):
                break
            chain.append(sub[:end])
            j += end
            if j < n - 1 and toks[j].text in "،," and _conj(toks[j + 1]):
                j += 1
        chain = [c for c in chain if c]
        full = [c for c in chain if len(c) >= 2]
        if not full or (weak and len(chain) < 2):
            continue
        for k, names in enumerate(chain):
            if len(names) == 1:
                nxt = next((c for c in chain[k + 1 :] if len(c) >= 2), None)
                if nxt is None:
                    continue
                name = f"{names[0].text} {nxt[-1].text}"  # where found: the first name only
                out.append(_Mention(name, (names[0].start, names[0].end), None, (names[0].key, nxt[-1].key)))
                continue
            out.append(
                _Mention(
                    text[names[0].start : names[-1].end],
                    (names[0].start, names[-1].end),
                    None,
                    tuple(t.key for t in names),
                )
            )
    return out


def _verb_names(text: str, toks: list[_Tok]) -> list[_Mention]:
    """A bare name right after a presence or speech verb: "شارك بيل كلينتون بنفسه", "فسرت شيماء بوهلال رئيسة ..."."""
    out = []
    lex = _lex()
    verbs = lex["ar_presence"] | lex["ar_speech"]
    for i, tok in enumerate(toks[:-2]):
        if not tok.word or not any(v in verbs for v in _stem_variants(tok.key)):
            continue
        if tok.key.startswith("ب") and not any(v in verbs for v in _stem_variants(tok.key) if v.startswith("ب")):
            continue  # "باستقبال حرس الشرف" is "with a reception by the honour guard": a noun, not a verb
        j = i + 1
        if _definite(toks[j].key) or _ar_head(toks[j]) or _conj(toks[j]) or toks[j].key.endswith("ات"):
            continue
        end = _take_name(toks, j)
        if not _name_ok(toks[j:end]) or toks[end - 1].key.endswith(("ية", "يات")):
            continue  # "قال صواريخ بلاستيكية": a feminine adjective ends a noun phrase, not a name
        nxt = toks[end] if end < len(toks) else None
        title_toks: list[_Tok] = []
        if nxt is not None and nxt.word and _ar_head(nxt) and not _conj(nxt):
            title_end, _ = _ar_title(toks, end)  # "بين معز بوراوي رئيس جمعية عتيد"
            title_toks = toks[end:title_end]
        elif not (
            nxt is None
            or not nxt.word
            or nxt.key in _AR_STOP
            or nxt.key in _AR_PREPS
            or (nxt.key.startswith(("ب", "ل")) and len(nxt.key) > 4)
        ):
            continue
        mention = _make(text, toks, title_toks, toks[j:end])
        mention.start = toks[j].start
        mention.bare = not title_toks
        mention.speaker = any(v in lex["ar_speech"] for v in _stem_variants(tok.key))
        out.append(mention)
    return out


def _arabic_mentions(text: str, toks: list[_Tok]) -> list[_Mention]:
    lex = _lex()
    found = _titled_mentions(text, toks) + _appositive_mentions(text, toks)
    for m in found:  # titled people shortly after a speech verb are quoted
        before = [t for t in toks if t.end <= m.start][-8:]
        verbs = [k for k, t in enumerate(before) if any(v in lex["ar_speech"] for v in _stem_variants(t.key))]
        # "وقالت مصادر إن الناطق ... عصام الشابي هو ...": after "إن" the name is what was said, not who said it
        m.speaker = bool(verbs) and _THAT.isdisjoint(t.key for t in before[verbs[-1] + 1 :])
    return found + _chain_names(text, toks) + _verb_names(text, toks)


# ---------------------------------------------------------------------------
# English mentions
# ---------------------------------------------------------------------------
_EN_PARTICLES = frozenset({"de", "da", "van", "von", "der", "bin", "al", "la", "le", "du", "dos", "del"})


def _en_cap(tok: _Tok) -> bool:
    return tok.word and tok.text[0].isupper()


def _en_run(toks: list[_Tok], i: int) -> tuple[list[_Tok], int]:
    """Capitalized words from ``i`` (particles, initials "W." and "Mr." dots included); the run and its end."""
    run: list[_Tok] = []
    n = len(toks)
    j = i
    while j < n:
        tok = toks[j]
        if tok.word and (tok.text[0].isupper() or (run and tok.text.lower() in _EN_PARTICLES)):
            run.append(tok)
            j += 1
            if tok.text.endswith(("'s", "’s")):
                break  # a possessive ends the run: "Prime Minister's Questions" names no one after it
        elif tok.text == "." and run and (len(run[-1].text) == 1 or run[-1].text.lower() in _lex()["en_honor"]):
            j += 1  # "George W. Bush", "Mr. Roh"
        else:
            break
    while run and run[-1].text.lower() in _EN_PARTICLES:
        run.pop()
    return run, j


def _en_heady(word: str) -> bool:
    word = word.lower()
    heads = _lex()["en_heads"]
    return word in heads or (word.endswith("s") and word[:-1] in heads) or word.split("-")[-1] in heads


def _english_mentions(text: str, toks: list[_Tok]) -> list[_Mention]:
    lex = _lex()
    out = []
    n = len(toks)
    index_of = {t.start: position for position, t in enumerate(toks)}  # list.index per name was quadratic
    i = 0
    while i < n:
        if not _en_cap(toks[i]):
            i += 1
            continue
        run, j = _en_run(toks, i)
        # the name is what follows the last honorific, title or organisation word of the run
        k = 0
        for pos, tok in enumerate(run[:-1]):
            low = tok.text.lower()
            if low in lex["en_honor"] or _en_heady(low) or low in lex["en_not_name"] or low in _EN_STOP:
                k = pos + 1
        name = run[k:]
        if k == 0 and len(name) >= 3 and i > 0 and toks[i - 1].text.lower() in ("of", "for"):
            name = name[1:]  # "President of Brazil Luiz Silva": the place closes the title
        ok = bool(name) and all(
            t.text.lower() not in lex["en_not_name"] | _EN_STOP and not _en_heady(t.text) for t in name
        )
        ok = ok and not (j < n and toks[j].text in ("'s", "’s") and len(name) < 2)
        honored = k > 0 and run[k - 1].text.lower() in lex["en_honor"]
        limit = 5 if any(t.text.lower() in _EN_PARTICLES for t in name) else 4
        if ok and (len(name) >= 2 or honored) and len(name) <= limit:
            out.append(_english_mention(text, toks, index_of, run[k - 1] if k else None, name, j, first=run[0]))
        i = max(j, i + 1)
    return out


def _courtesy(word: str, lex: dict[str, frozenset[str]]) -> bool:
    """ "Mr", "Mrs", "Dr": an honorific that is not also an office ("President")."""
    return word.lower() in lex["en_honor"] and not _en_heady(word)


def _english_mention(
    text: str,
    toks: list[_Tok],
    index_of: dict[int, int],
    last_title: _Tok | None,
    name: list[_Tok],
    j: int,
    *,
    first: _Tok,
):
    """Build the mention: the title before the name (lower-case heads too), after it in commas or parentheses."""
    lex = _lex()
    index = index_of[first.start]
    title_from = index
    while (
        title_from > 0
        and toks[title_from - 1].word
        and (_en_heady(toks[title_from - 1].text) or toks[title_from - 1].text[0].isupper())
    ):
        title_from -= 1
    title_from = _across_of(toks, title_from)
    title_toks = [t for t in toks[title_from : index_of[name[0].start]] if t.word]
    while title_toks and title_toks[0].text.lower() in _EN_STOP - lex["en_honor"]:
        title_toks.pop(0)  # "And Mr Kennedy", "As Tory leader Michael Howard": a capital from the sentence start
    title = (
        text[title_toks[0].start : title_toks[-1].end]
        if title_toks and (last_title is not None or any(_en_heady(t.text) for t in title_toks))
        else None
    )
    honorifics = 0  # "the President of the Republic of Korea Mr. Roh": the office, then the honorific
    while title and honorifics < len(title_toks) - 1 and _courtesy(title_toks[-1 - honorifics].text, lex):
        honorifics += 1
    if title and honorifics:
        office = text[title_toks[0].start : title_toks[-1 - honorifics].end]
        title = f"{office}; {text[title_toks[-honorifics].start : title_toks[-1].end]}"
    only_honorific = title is not None and all(t.text.lower() in lex["en_honor"] for t in title_toks)
    if (title is None or only_honorific) and j < len(toks) and toks[j].text in ",(":
        after = _english_apposition(text, toks, j + 1, ")" if toks[j].text == "(" else ",")
        title = f"{title}; {after}" if title and after else title or after
    if title is None and j < len(toks) and toks[j].text in ",(":
        title = _english_apposition(text, toks, j + 1, ")" if toks[j].text == "(" else ",")
    if title is None and title_from >= 2 and toks[title_from - 1].text == ",":
        title = _english_title_before(text, toks, title_from - 1)
    before = text[max(0, toks[title_from].start - 20) : toks[title_from].start].lower()
    mention = _Mention(
        text[name[0].start : name[-1].end],
        (name[0].start, name[-1].end),
        title,
        tuple(t.key for t in name),
        dead=any(w in before.split() or w in before for w in lex["en_dead"]),
        start=toks[title_from].start,
    )
    mention.speaker = any(t.text.lower() in lex["en_speech"] for t in toks[j : j + 2])
    return mention


def _across_of(toks: list[_Tok], start: int) -> int:
    """Extend a title back over "of"/"the" to its head: "the President of the Republic of Korea Mr."."""
    k = start
    best = start
    while k > 0 and start - k < 10 and toks[k - 1].word:
        word = toks[k - 1].text
        if not (word[0].isupper() or word.lower() in ("of", "the") or _en_heady(word)):
            break
        k -= 1
        if _en_heady(word):
            best = k
    while best < start and toks[best].text.lower() == "the":
        best += 1
    return best


def _english_apposition(text: str, toks: list[_Tok], j: int, close: str) -> str | None:
    """ "Hu Jintao, the President of China" or "Roger Agnelli (Vale company president)" -> the title."""
    k = j
    while k < len(toks) and k - j < 10 and toks[k].text != close and toks[k].text not in ".;":
        word = toks[k]
        plain = word.word and not (word.text[0].isupper() or word.text.lower() in ("the", "of", "and"))
        if close == "," and plain and not _en_heady(word.text):
            break
        k += 1
    words = [t for t in toks[j:k] if t.word]
    if not words:
        return None
    if close == ")" and k < len(toks) and toks[k].text == ")":
        if len(words) == 1 and words[0].text.isupper():
            return None  # "Hindustan Aeronautics (HAL)": an abbreviation, not an office
        return text[toks[j].start : toks[k - 1].end]
    if any(_en_heady(t.text) for t in words):
        return text[words[0].start : words[-1].end]
    return None


# Where a title written before ", Name" stops, walking back: "attended by her | French counterpart, Louis Martin".
_EN_TITLE_STOPS = frozenset(
    ("by", "with", "as", "well", "her", "his", "their", "its", "was", "were", "is", "are", "including", "also", "a")
) | {w for w in (*attendee_cues.ENGLISH_PRESENCE, *attendee_cues.ENGLISH_SPEECH) if " " not in w}


def _english_title_before(text: str, toks: list[_Tok], comma: int) -> str | None:
    """ "the President of Brazil, Luiz Inácio Lula da Silva" -> "the President of Brazil"."""
    k = comma
    while k > 0 and comma - k < 8 and toks[k - 1].word and toks[k - 1].text.lower() not in _EN_TITLE_STOPS:
        if toks[k - 1].text.lower() == "and" and not (k >= 2 and toks[k - 2].text[0].isupper()):
            break  # "Trade and Industry" belongs to a title; "Keller and attended" does not
        k -= 1
    words = [t for t in toks[k:comma] if t.word]
    if any(_en_heady(t.text) for t in words):
        return text[words[0].start : words[-1].end]
    return None


# ---------------------------------------------------------------------------
# Sentences, clauses and cues
# ---------------------------------------------------------------------------
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
        "presence": _phrases(c.ENGLISH_PRESENCE, low),
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


# Between an event preposition and its event: "على هامش انعقاد اجتماع", "على هامش إشرافه على حفل".
_HELD = frozenset(
    _key(w) for w in ("انعقاد", "عقد", "إشراف", "اشراف", "ترؤس", "حضور", "مشاركة", "افتتاح", "اختتام", "أشغال")
)
_HELD_LINKS = frozenset(_key(w) for w in ("على", "في"))


def _event_phrase(keys: list[str], preps: str = "ar_event_preps") -> bool:
    """ "في الجنازة", "خلال ندوة صحفية", "على هامش الاجتماعات": the sentence happens at an event."""
    lex = _lex()
    for i in range(len(keys) - 1):
        prep = keys[i] in lex[preps] or (keys[i][:1] in "وف" and keys[i][1:] in lex[preps])
        if not prep:
            continue
        nxt = i + 1
        while nxt < min(len(keys) - 1, i + 4) and (
            keys[nxt] in _HELD_LINKS or any(v in _HELD for v in _stem_variants(keys[nxt]) + _unsuffixed(keys[nxt]))
        ):
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
    s = _Sentence(span, toks, keys)
    s.event = _event_phrase(keys) if lang == "ar" else _english_event_phrase(keys)
    cues = _cue_positions(keys, tables["presence"], lang)
    s.presence = bool(cues) or s.event
    # an Arabic imperfect ("يلتقي", "تستقبل") may be a headline's present or a plan: no anchor for quotes
    s.reported = s.event or any(lang != "ar" or not _imperfect(keys[i]) for i in cues)
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
_THAT = frozenset(_key(w) for w in ("أن", "إن", "أنه", "إنه", "بأن"))


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
                i
                for i in near
                if any(0 < i - e <= _NEAR_EVENT and _THAT.isdisjoint(keys[e:i]) for e in events)
            ]  # not across "أن": "عقد اليوم أن الطريق سيفتح قريبا" is what was said
        return hits
    if not hits:
        return hits
    nouns = frozenset(attendee_cues.ENGLISH_EVENT_NOUNS)
    events = set(_cue_positions(keys, tables["presence"], lang)) | {i for i, k in enumerate(keys) if k in nouns}
    last_event = max(events, default=-1)
    return [i for i in hits if i <= last_event]


# ---------------------------------------------------------------------------
# Merging spellings
# ---------------------------------------------------------------------------
def _similar(a: str, b: str) -> bool:
    """Two spellings of one word: equal, or one edit or one swap apart when long enough ("جميس"/"جيمس")."""
    if a == b:
        return True
    if a.isascii() or b.isascii():
        return False  # Latin-script names are spelled one way; "Guiana" is not "Guyana"
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return len(a) >= 5  # "جراندي"/"غراندي", but not "كيلي"/"كيري"
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _strip_conj(key: str) -> str:
    return key[1:] if key.startswith("و") and len(key) > 3 else key


@lru_cache(maxsize=65536)
def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    a = tuple(_strip_conj(t) for t in a)
    b = tuple(_strip_conj(t) for t in b)
    if not a or not b:
        return False
    if len(a) == len(b):
        return all(_similar(x, y) for x, y in zip(a, b, strict=True))
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) == 1:
        return _similar(short[0], long_[-1]) and len(short[0]) >= 3
    return all(any(_similar(s, t) for t in long_) for s in short)


@dataclass
class _Cluster:
    mentions: list[_Mention]
    present: bool = False
    absent: bool = False
    dead: bool = False


def _cluster(mentions: list[_Mention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    forms: list[set[tuple[str, ...]]] = []  # each cluster's distinct spellings: a name said 1,000 times is one
    for m in sorted(mentions, key=lambda m: (-len(m.tokens), m.name_span[0])):
        matches = [n for n, known in enumerate(forms) if any(_same_person(m.tokens, o) for o in known)]
        if len(matches) == 1 or (matches and len(m.tokens) >= 2):
            clusters[matches[0]].mentions.append(m)
            forms[matches[0]].add(m.tokens)
        elif not matches:
            clusters.append(_Cluster([m]))
            forms.append({m.tokens})
        # a bare surname shared by two people is ambiguous: it is dropped
    return clusters


def _attach_surnames(text: str, clusters: list[_Cluster], sentences: list[_Sentence]) -> None:
    """Later mentions by surname or another spelling ("جيفري", "جيمس جيفري") join their person."""
    taken = {pos for c in clusters for m in c.mentions for pos in range(*m.name_span)}  # characters already named
    lasts = Counter()
    for c in clusters:
        lasts.update({_strip_conj(t[-1]) for t in (m.tokens for m in c.mentions) if len(t) >= 2})
    for c in clusters:
        full = max(c.mentions, key=lambda m: len(m.tokens))
        last = _strip_conj(full.tokens[-1])
        if len(full.tokens) < 2 or len(last) < 3 or sum(_similar(last, x) for x in lasts) > 1:
            continue
        if all(m.bare for m in c.mentions):
            continue  # a name seen only after a verb is too weak to claim every later use of its last word
        first_names = {_strip_conj(m.tokens[0]) for m in c.mentions if len(m.tokens) >= 2}
        for index, sentence in enumerate(sentences):
            toks = sentence.toks
            for k, tok in enumerate(toks):
                if not tok.word or not (_similar(tok.key, last) or _similar(_surname_key(tok.key), last)):
                    continue
                if tok.text.isascii() and not tok.text[0].isupper():
                    continue  # "the war", "aviation": a lower-case word is no surname in Latin script
                if tok.start in taken:
                    continue
                if k and toks[k - 1].word and _kinship(toks[k - 1])[0] and not _kinship(toks[k - 1])[1]:
                    continue  # "نجل فرانكلين" is someone else
                start, tokens = tok.start, (last,)
                prev = toks[k - 1] if k else None
                if prev is not None and prev.word and any(_similar(_strip_conj(prev.key), f) for f in first_names):
                    start = prev.start + (1 if _conj(prev) and prev.key[1:] in first_names else 0)
                    tokens = (_strip_conj(prev.key), last)
                elif tok.key not in (last, "و" + last):
                    start = tok.end - len(last)  # "بجيفري": keep the bare surname
                span = (start, tok.end)
                taken.update(range(*span))
                c.mentions.append(_Mention(text[start : tok.end], span, None, tokens, sentence=index))


def _bare_surnames(c: _Cluster) -> int:
    """How often the surname stands alone ("Gusenbauer said"); nationality words ("Brazilian") never count."""
    return sum(1 for m in c.mentions if len(m.tokens) == 1 and not m.tokens[0].endswith(("ian", "ese", "ish")))


def _surname_key(key: str) -> str:
    for prefix in ("وب", "ول", "و", "ب", "ل"):
        if key.startswith(prefix) and len(key) - len(prefix) >= 3:
            return key[len(prefix) :]
    return key


# ---------------------------------------------------------------------------
# Groups
# ---------------------------------------------------------------------------
def _groups_in(text: str, toks: list[_Tok]) -> list[Group]:
    lex = _lex()
    out = []
    n = len(toks)
    i = 0
    needs_of = {_key(w) for w in ("عدد", "جمع", "حشد", "لفيف", "ثلة", "نخبة", "العشرات", "عشرات", "المئات", "مئات")}
    while i < n:
        tok = toks[i]
        conj = _conj(tok) and tok.key[1:] in lex["ar_groups"]
        key = tok.key[1:] if conj else tok.key
        if not tok.word or key not in lex["ar_groups"]:
            i += 1
            continue
        j = i + 1
        if j < n and toks[j].key == "من":
            j += 1
        elif key in needs_of:
            i += 1
            continue
        body = j
        while j < n and toks[j].word and j - body < 6:
            k = toks[j].key
            if (k in _AR_STOP and k != "من") or (j > body and k.startswith(("بال", "لل")) and j - body >= 2):
                break
            if (
                j > body
                and _conj(toks[j])
                and not _definite(k[1:])
                and not _definite(toks[j + 1].key if j + 1 < n else "")
            ):
                break
            j += 1
        if j > body:
            start = tok.start + (1 if conj else 0)
            out.append(Group(text[start : toks[j - 1].end], (start, toks[j - 1].end)))
        i = max(j, i + 1)
    return out


# Who a group is made of: up to ten words, ending before the verb or a clause word.
_EN_GROUP_MEMBERS = re.compile(
    r"(?:\s+(?!(?:were|was|are|is|who|which|that|had|have|has|also|attended|joined|met|watched)\b)[\w'’-]+){1,10}"
)


def _english_groups(text: str, s: _Sentence) -> list[Group]:
    """ "a group of pupils", "heads of state from Bolivia": a group phrase up to the next comma or stop."""
    out = []
    low = text[s.span[0] : s.span[1]].lower()
    for head in attendee_cues.ENGLISH_GROUP_HEADS:
        for match in re.finditer(rf"\b{re.escape(head)}\b", low):
            start = s.span[0] + match.start()
            end = s.span[0] + match.end()
            if head.endswith(" of"):  # "a delegation of local mayors and several scientists" up to the verb
                tail = _EN_GROUP_MEMBERS.match(text[end : s.span[1]])
            else:
                tail = re.match(r"(?:\s+(?:from|of|in|at)\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*)?", text[end : s.span[1]])
            end += tail.end() if tail else 0
            out.append(Group(text[start:end], (start, end)))
    out.sort(key=lambda g: g.span)
    return out


def _dedupe_groups(groups: list[Group]) -> list[Group]:
    out: list[Group] = []
    for g in groups:
        if not any(o.span[0] <= g.span[0] and g.span[1] <= o.span[1] for o in out):
            out.append(g)
    return out


# ---------------------------------------------------------------------------
# Name lists ("وفي ما يلي قائمة الولاة الجدد : - عمر منصور، والي تونس ـ ...")
# ---------------------------------------------------------------------------
_LIST_SPLIT = re.compile(r"(?:^|\s)[-–—•*ـ](?=\s*\S)|\n")
_LIST_LEAD = re.compile(r"(?:قائمة|أسماء|اسماء|\bهم|\bهن)[^:.\n]{0,40}:")
_ABSENT_NOTE = re.compile("|".join(_key(w) for w in attendee_cues.ARABIC_ABSENCE))


def _name_list(text: str, lo: int, hi: int) -> list[tuple[_Mention, bool]]:
    """Names of a list of people: each item a name then "،", "(" or the end; absent ones flagged."""
    colon = text.find(":", lo, hi)
    if colon < 0:
        return []
    out = []
    pos = colon + 1
    for piece in _LIST_SPLIT.split(text[colon + 1 : hi]):
        start = text.find(piece, pos) if piece else pos
        pos = start + len(piece)
        stripped = piece.strip()
        if not stripped or stripped.endswith(":"):
            continue
        name = re.split(r"[،,(]", stripped, maxsplit=1)[0].strip()
        toks = _tokenize(name)
        if not 2 <= len(toks) <= 4 or not all(t.word for t in toks) or any(t.key in _AR_STOP for t in toks):
            continue
        name_start = text.find(name, start)
        here = not _ABSENT_NOTE.search(_key(piece))
        out.append((_Mention(name, (name_start, name_start + len(name)), None, tuple(t.key for t in toks)), here))
    return out


# ---------------------------------------------------------------------------
# Public entry point
# ---------------------------------------------------------------------------
def _is_arabic(text: str) -> bool:
    return len(re.findall(r"[\u0600-\u06ff]", text)) >= len(re.findall(r"[A-Za-z]", text))


def extract_attendees(text: str, lang: str | None = None) -> Attendees:
    """People and groups present at the event ``text`` reports (Arabic or English rules by ``lang``)."""
    lang = lang or ("ar" if _is_arabic(text) else "en")
    lang = "ar" if lang == "ar" else "en"
    sentences = [_analyse(text, span, lang) for span in _sentences(text)]
    anchor = _event_anchor(sentences)

    mentions: list[_Mention] = []
    for index, s in enumerate(sentences):
        found = _arabic_mentions(text, s.toks) if lang == "ar" else _english_mentions(text, s.toks)
        for m in found:
            m.sentence = index
        mentions.extend(found)
    listed: list[tuple[_Mention, bool]] = []
    if lang == "ar":
        for index, s in enumerate(sentences):
            lead = _LIST_LEAD.search(text, *s.span)
            where = index if s.presence else index - 1
            if lead and where >= 0 and sentences[where].presence and not sentences[where].future:
                for m, here in _name_list(text, lead.start(), s.span[1]):
                    m.sentence, m.also = index, [where]
                    listed.append((m, here))
                    mentions.append(m)

    headings = _heading_spans(text, lang)
    if lang == "ar":
        mentions.extend(_quoted_heading_names(text, headings, sentences))
    clusters = _cluster(_dedupe(mentions))

    def heading_only(c: _Cluster) -> bool:
        return all(_inside(m.name_span, headings) for m in c.mentions)

    clusters = [c for c in clusters if not heading_only(c) or any(m.quoted_heading for m in c.mentions)]
    _attach_surnames(text, clusters, sentences)
    clusters = [c for c in clusters if not heading_only(c)]
    absent = _absent_people(text, sentences, clusters, lang)
    listed_absent = {m.name_span for m, here in listed if not here}
    for n, c in enumerate(clusters):
        c.dead = any(m.dead for m in c.mentions) or _said_dead(text, c, lang)
        c.absent = n in absent or any(m.name_span in listed_absent for m in c.mentions)
        c.present = any(_present(m, sentences, anchor) for m in c.mentions)
    for n in _pronoun_speakers(sentences, clusters, lang):
        clusters[n].present = True
    if lang == "en":  # capitalized words are a person with a title, "Mr"/"Ms", or a surname used alone
        clusters = [c for c in clusters if any(m.title for m in c.mentions) or _bare_surnames(c) >= 2]
    people = [_person(text, c) for c in clusters if c.present and not c.absent and not c.dead]
    people.sort(key=lambda p: min(s[0] for s in p.spans))
    groups: list[Group] = []
    for s in sentences:
        if s.presence and not s.future and not _cue_positions(s.keys, _cue_tables(lang)["absence"], lang):
            found = _groups_in(text, s.toks) if lang == "ar" else _english_groups(text, s)
            groups.extend(g for g in found if not _blocked(g.span[0], s))
    return Attendees(tuple(people), tuple(_dedupe_groups(groups)))


_EN_SUBJECT_PRONOUNS = frozenset({"he", "she"})


def _pronoun_speakers(sentences: list[_Sentence], clusters: list[_Cluster], lang: str) -> set[int]:
    """Speakers named only by a pronoun at the event: "وأضافت في تصريح ... على هامش اجتماع للحزب",
    "He told the conference ...". The speaker is the last person quoted in the two sentences before."""
    lex = _lex()
    found: set[int] = set()
    by_sentence: dict[int, list[tuple[_Mention, int]]] = {}
    for n, c in enumerate(clusters):
        for m in c.mentions:
            by_sentence.setdefault(m.sentence, []).append((m, n))
    for index, s in enumerate(sentences):
        if not (s.event if lang == "ar" else s.presence) or s.future or index == 0 or len(s.toks) < 3:
            continue  # an event named in the sentence ("على هامش اجتماع"), not a verb of someone else's
        if lang == "ar" and not _event_phrase(_before_that(s.keys)):
            continue  # "وأشار إلى أن اجتماع غد يأتي بعد اجتماع ...": the event is in what was said
        if not _opens_with_pronoun_speech(s.toks, lex, lang) or _blocked(s.toks[0].start, s):
            continue
        near = by_sentence.get(index - 2, []) + by_sentence.get(index - 1, [])
        speakers = [(m.start, n) for m, n in near if m.speaker]
        # else the subject of the sentence before: its first titled person ("وصف الناطق ...، حمة الهمامي ...")
        subjects = sorted((m.start, n) for m, n in near if m.sentence == index - 1 and m.title)
        if speakers:
            found.add(max(speakers)[1])
        elif subjects:
            found.add(subjects[0][1])
    return found


def _before_that(keys: list[str]) -> list[str]:
    """The words before the first "أن"/"إن": the main clause, not what was said."""
    for k, key in enumerate(keys):
        if key in _THAT:
            return keys[:k]
    return keys


def _opens_with_pronoun_speech(toks: list[_Tok], lex: dict[str, frozenset[str]], lang: str) -> bool:
    first, second = toks[0], toks[1]
    if lang == "en":
        return first.text.lower() in _EN_SUBJECT_PRONOUNS and second.text.lower() in lex["en_speech"]
    if not first.word or not any(v in lex["ar_speech"] for v in _stem_variants(first.key)):
        return False
    # no subject after the verb: a preposition, "أن"/"إن", "لمراسل", or punctuation comes next
    # (not "وأفادت مصادر إعلامية": that verb has its own subject)
    return (
        not second.word
        or second.key in _AR_PREPS
        or second.key in _THAT
        or second.key.startswith("ل")
        or second.key in lex["ar_event_preps"]  # "وأشارت خلال الندوة الصحفية ..."
    )


_QUOTED_HEADING = re.compile(r"\W*(\w+(?: \w+){1,2}) ?:")


def _quoted_heading_names(text: str, headings: list[Span], sentences: list[_Sentence]) -> list[_Mention]:
    """ "عبير موسي : لا علاقة لنا ...": the person a headline quotes, so that "وقالت موسي" and
    "وأضاف طوبال" later in the body have someone to refer to (never an attendee by this alone)."""
    out = []
    for lo, hi in headings:
        match = _QUOTED_HEADING.match(text, lo, hi)
        if match is None:
            continue
        toks = _tokenize(text, match.start(1), match.end(1))
        if not _name_ok(toks) or any(_ar_head(t) for t in toks):
            continue
        mention = _make(text, toks, [], toks)
        mention.quoted_heading = True
        mention.sentence = next((k for k, s in enumerate(sentences) if s.span[0] <= lo < s.span[1]), 0)
        out.append(mention)
    return out


def _heading_spans(text: str, lang: str) -> list[Span]:
    """The kicker and headline: a name found only there is not confirmed by the report itself
    (headlines drop words, so a verb after a title reads as a name: "وزير المالية يعرض خطة ...")."""
    from summarize.sentences import KICKER, TITLE, split_sentences

    return [(s.start, s.end) for s in split_sentences(text, lang) if s.kind in (KICKER, TITLE)]


def _inside(span: Span, spans: list[Span]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _event_anchor(sentences: list[_Sentence]) -> int | None:
    """The first of the opening sentences that reports an event that took place, if any."""
    for index, s in enumerate(sentences[:5]):
        if s.presence and s.reported and not s.future and not s.blocked:
            return index
    return None


def _blocked(pos: int, s: _Sentence) -> bool:
    return any(a <= pos <= b for a, b in s.blocked)


def _present(m: _Mention, sentences: list[_Sentence], anchor: int | None) -> bool:
    if any(sentences[k].presence and not sentences[k].future for k in m.also if k >= 0):
        return True  # listed under an event ("قائمة ... :") and found again with a title
    s = sentences[m.sentence]
    if _blocked(m.start, s) or _blocked(m.name_span[0], s):
        return False
    if lang_of(m) == "ar" and _words_of(m, s):
        return False  # "تصريحات الوزير الفرنسي مانوال فالس": his words were discussed, he was not there
    quoted = any(a <= m.start < b for a, b in s.quotes)
    if (m.bare and quoted) or (m.speaker and (s.remote or quoted)):
        return False  # words said to a broadcaster or in a tweet, or a name inside a quotation
    if s.presence and not s.future:
        return True
    if s.remote or any(a <= m.start < b for a, b in s.quotes):
        return False  # not a quote inside a quote or words to a broadcaster
    if not (m.speaker and m.title is not None and anchor is not None and m.sentence >= anchor and not s.future):
        return False
    # English news quotes reactions from elsewhere after the event ("For the Conservatives, X said"),
    # so there reported speech counts only after a session where many speak: a debate, a hearing
    return lang_of(m) == "ar" or not _ENGLISH_FORUMS.isdisjoint(sentences[anchor].keys)


_ENGLISH_FORUMS = frozenset(attendee_cues.ENGLISH_FORUMS)


def _words_of(m: _Mention, s: _Sentence) -> bool:
    """Is the mention the owner of words the sentence talks about ("من تصريحات الوزير ...")?"""
    before = [t for t in s.toks if t.end <= m.start]
    if not before or not before[-1].word:
        return False
    key = before[-1].key
    forms = {key, key[1:]} if key[:1] in "وبل" else {key}
    # a construct's first word has no article: "حكومة يوسف الشاهد", not "رئيس الحكومة الحبيب الصيد"
    return any(f in _lex()["ar_words_of"] for f in forms)


def lang_of(m: _Mention) -> str:
    return "en" if m.name.isascii() else "ar"


def _said_dead(text: str, c: _Cluster, lang: str) -> bool:
    """ "الراحلة أريثا فرانكلين", "وتوفيت فرانكلين", "the late ...": a death word right before the name."""
    names = {m.name for m in c.mentions if len(m.tokens) >= 2}
    for name in names:
        for match in re.finditer(re.escape(name), text):
            before = _tokenize(text, max(0, match.start() - 40), match.start())[-2:]
            if lang == "ar":
                words = _lex()["ar_death_words"]
                if any(any(v in words for v in _stem_variants(t.key)) for t in before):
                    return True
            elif any(t.text.lower() == "late" for t in before):
                return True
    return False


def _absent_people(text: str, sentences: list[_Sentence], clusters: list[_Cluster], lang: str) -> set[int]:
    """Clusters named next to an absence cue ("لم يتمكن ... من حضور", "did not attend")."""
    out: set[int] = set()
    tables = _cue_tables(lang)
    for index, s in enumerate(sentences):
        for pos in _cue_positions(s.keys, tables["absence"], lang):
            where = s.toks[pos].start
            best, best_gap = None, 10**9
            for n, c in enumerate(clusters):
                for m in c.mentions:
                    if m.sentence != index:
                        continue
                    gap = where - m.name_span[1] if m.name_span[1] <= where else m.start - where
                    gap = gap if m.name_span[1] <= where else gap + 5  # a name before the cue is its subject
                    if 0 <= gap < best_gap:
                        best, best_gap = n, gap
            if best is not None and best_gap <= 60:
                out.add(best)
    return out


def _dedupe(mentions: list[_Mention]) -> list[_Mention]:
    """One mention per stretch of text: of two overlapping ones, the titled one wins."""
    kept: list[_Mention] = []
    owner: dict[int, int] = {}  # character -> index in ``kept`` of the mention covering it
    for m in mentions:
        overlapping = [owner[pos] for pos in range(*m.name_span) if pos in owner]
        if not overlapping:
            owner.update(dict.fromkeys(range(*m.name_span), len(kept)))
            kept.append(m)
            continue
        slot = min(overlapping)
        clash = kept[slot]
        winner, loser = (m, clash) if clash.title is None and m.title is not None else (clash, m)
        winner.speaker = winner.speaker or loser.speaker
        winner.also.extend([loser.sentence, *loser.also])
        if winner is m:
            for pos in range(*clash.name_span):
                if owner.get(pos) == slot:
                    del owner[pos]
            owner.update(dict.fromkeys(range(*m.name_span), slot))
        kept[slot] = winner
    return kept


def _person(text: str, c: _Cluster) -> Person:
    """Show the most frequent full spelling; keep the other spellings as aliases."""
    named = [m for m in c.mentions if len(m.tokens) >= 2] or c.mentions
    counts = Counter({name: text.count(name) for name in {m.name for m in named}})
    first_seen = {m.name: m.name_span[0] for m in sorted(named, key=lambda m: -m.name_span[0])}
    name = max(counts, key=lambda s: (counts[s], len(s), -first_seen[s]))
    shown = _key(name).split()
    aliases: list[str] = []
    for m in sorted(c.mentions, key=lambda m: m.name_span[0]):
        if m.name == name or m.name in aliases or _key(m.name) == _key(name):
            continue
        if len(m.tokens) > len(shown) and all(t in m.tokens for t in shown):
            continue  # a longer spelling that only adds a stray word from the title
        aliases.append(m.name)
    titled = [m for m in sorted(c.mentions, key=lambda m: m.name_span[0]) if m.title]
    title = titled[0].title if titled else None
    shown_forms = (name, *aliases)
    spans = set()
    for m in c.mentions:
        if m.name in shown_forms:
            spans.add(m.name_span)
            continue
        inner = next((f for f in shown_forms if f in m.name), None)
        if inner is not None:
            offset = m.name.index(inner)
            spans.add((m.name_span[0] + offset, m.name_span[0] + offset + len(inner)))
    return Person(name, title, tuple(aliases), tuple(sorted(spans)))
