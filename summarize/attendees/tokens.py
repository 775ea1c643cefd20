"""Words as the rules see them: tokens, normalized keys, and the lexicons keyed the same way once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from summarize.ner import given_names
from summarize.rules import attendee_cues, stop_words, titles
from summarize.text import fold_hamza_seats, normalize
from summarize.text.clitics import ARTICLE, PROCLITICS, THIRD_PERSON_SUFFIXES, particle_forms, strip_proclitic
from summarize.text.tokens import WORD_CACHE_SIZE

_W = "(?:[^\\W_][\u064b-\u065f\u0670\u0640]*)"
_TOKEN = re.compile(rf"#?{_W}+(?:[_'’\-.]{_W}+)*|[^\w\s]")
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_CLAUSE_MARKS = frozenset('،,؛;:"«»“”()')
# Taa marbuta only ends a word (before a suffix it is written "ت"): one followed by letters is two
# words a scraper glued together ("الزيارةزار": a photo caption run into the article's first word).
_GLUED = re.compile("\u0629[\u064b-\u065f\u0670\u0640]*(?=[\u0621-\u064a])")


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int
    key: str  # normalized, for matching
    word: bool


TITLE_PART_SEPARATOR = "؛ "  # parts of one title, as the annotation rules write them


@lru_cache(maxsize=WORD_CACHE_SIZE)  # one call per token: words repeat, and a 5M-character article has ~900,000 tokens
def _key(text: str) -> str:
    """Matching form: no harakat or tatweel, one alef, hamza seats folded.

    Alef maqsura stays apart from yaa: "على" (on) is not the name "علي".
    """
    text = normalize(_MARKS.sub("", text)).lstrip("#")
    return fold_hamza_seats(text).replace("_", " ")


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
        if word and "\u0629" in raw[:-1]:
            cuts = [0, *(g.end() for g in _GLUED.finditer(raw)), len(raw)]
            for a, b in pairwise(cuts):
                out.append(_Tok(raw[a:b], m.start() + a, m.start() + b, _key(raw[a:b]), True))
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
        "ar_died": keys(titles.ARABIC_DIED),
        "ar_kin_groups": keys(titles.ARABIC_KIN_GROUPS),
        "ar_prayer": keys(titles.ARABIC_PRAYER),
        "ar_relatives": keys(titles.ARABIC_RELATIVES),
        "ar_kin": keys(titles.ARABIC_KINSHIP),
        "ar_waw": keys(titles.ARABIC_WAW_WORDS),
        "ar_not_name": keys(titles.ARABIC_NOT_NAME),
        "ar_named_after": keys(titles.ARABIC_NAMED_AFTER),
        "ar_given": keys(given_names.ARABIC),
        "en_given": frozenset(given_names.ENGLISH),
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
        "ar_greetings": keys(c.ARABIC_GREETINGS),
        "ar_participation": keys(c.ARABIC_PARTICIPATION),
        "ar_that": keys(c.ARABIC_THAT),
        "ar_adjectival_heads": keys(titles.ARABIC_ADJECTIVAL_HEADS),
        "ar_weak_openers": keys(c.ARABIC_WEAK_OPENERS),
    }


_AR_PREPS = frozenset(_key(w) for w in ("في", "إلى", "الى", "لدى", "عن", "على", "ضد", "باسم"))
_PARTICLES = frozenset(_key(w) for w in ("بن", "ابن", "ولد", "بنت", "عبد", "أبو", "ابو", "آل", "أبي", "الابن"))
_HEAD_PARTICLES = particle_forms(("و",), ("ب",))  # "والرئيس", "برئيسة الحكومة", "وبالرئيس"
_SURNAME_PARTICLES = particle_forms(("و",), ("ب", "ل"))  # "وبجيفري", "لترامب"; names open with ف (فريد)


def _stem_variants(key: str) -> list[str]:
    """``key`` with a conjunction, preposition or article prefix taken off."""
    out = [key]
    for prefix in PROCLITICS:
        if key.startswith(prefix) and len(key) - len(prefix) >= 2:
            base = key[len(prefix) :]
            out.append(base)
            if prefix.endswith((ARTICLE, "لل")):
                out.append(ARTICLE + base)
    return out


def _head_variants(key: str, pronouns: bool = True) -> list[str]:
    """A head word with "و", "ال" and an attached pronoun taken off ("وزوجها", "ابنته", "والرئيس")."""
    out = [key]
    for prefix in _HEAD_PARTICLES:
        if key.startswith(prefix) and len(key) - len(prefix) > 2:
            out.append(key[len(prefix) :])
    for word in list(out):
        if word.startswith("ال") and len(word) > 4:
            out.append(word[2:])
    for word in list(out) if pronouns else ():
        out.extend(_unsuffixed(word))
    out.extend([w[:-1] for w in out if w.endswith("ة") and len(w) > 4])  # "الناطقة" -> "الناطق"
    return out


def _unsuffixed(word: str) -> list[str]:
    """``word`` without an attached pronoun ("ابنته" -> "ابنة"), or nothing."""
    for suffix in THIRD_PERSON_SUFFIXES:
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


def _unconj(tok: _Tok) -> str:
    """The word's key without a leading conjunction "و"."""
    return tok.key[1:] if _conj(tok) else tok.key


def _office_key(key: str) -> bool:
    """Is ``key`` (in any of its forms) an office word or an honorific?

    An honorific with a pronoun on it ("سموه", "فضيلته", "معاليه") refers back to someone already
    named: it opens no title ("وأدى الصلاة مع سموه صاحب السمو ...").
    """
    lex = _lex()
    return any(v in lex["ar_heads"] for v in _head_variants(key)) or any(
        v in lex["ar_honor"] for v in _head_variants(key, pronouns=False)
    )


def _ar_head(tok: _Tok) -> bool:
    return tok.key not in _AR_STOP and _office_key(tok.key)


def _with_bi(tok: _Tok) -> bool:
    """ "بوزير", "بالأمين": an office word behind the preposition "ب" (the other side of a meeting)."""
    key = tok.key
    if not key.startswith("ب") or len(key) < 4:
        return False
    return _office_key(key[1:])


def _honorific(tok: _Tok) -> bool:
    """ "الدكتور", and with "و" or "ب" before it: "والدكتور", "بالمشير" (the object of "التقى")."""
    honor = _lex()["ar_honor"]
    key = tok.key[1:] if tok.key[:1] in ("و", "ب") and tok.key[1:] in honor else tok.key
    return key in honor or tok.text in ("د.", "د")


def _kinship(tok: _Tok) -> tuple[bool, bool]:
    """(is a kinship word, carries a pronoun): "نجل" -> (True, False), "ابنته" -> (True, True)."""
    lex = _lex()
    key = _unconj(tok)
    if key in lex["ar_kin"] or (key.startswith("ال") and key[2:] in lex["ar_kin"]):
        return True, False
    suffixed = any(v in lex["ar_kin"] for v in _unsuffixed(key))
    return suffixed, suffixed


def _surname_key(key: str) -> str:
    return strip_proclitic(key, min_stem=3, forms=_SURNAME_PARTICLES)
