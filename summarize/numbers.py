"""Announced counts: "ثلاث أهداف", "ثلاثة مطالب", "هدفين", "ركائز أربع", "five points", "3 goals".

A count is a number (word or digits) next to a noun that is not a unit of time, money
or measure; a dual topic noun on its own counts two. Vague quantities ("عدة", "several")
are no count. Pure text in, ``int | None`` out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from summarize.rules import number_words, objective_topics
from summarize.text import fold_hamza_seats, normalize, to_ascii_digits
from summarize.text.clitics import strip_proclitic
from summarize.text.lists import ARABIC_ORDINAL_ADJECTIVES
from summarize.text.tokens import MARKS

# A number, or a word with its harakat and tatweel ("المقترحيْن", "الـ"): marks are no letters to \w.
_LETTERS = rf"[^\W\d_](?:[^\W\d_]|[{MARKS}\u0640])*"
_TOKEN = re.compile(rf"[0-9٠-٩۰-۹]+(?:[.,][0-9٠-٩۰-۹]+)?%?|{_LETTERS}(?:['’-]{_LETTERS})*")
# The article on a number that follows its noun ("النقاط الست", "البنود السبعة", "الشروط الـ10").
_DEFINITE = ("وال", "فال", "بال", "ال")
# English adjectives may stand between a number and its noun ("four key Uruguay proposals").
_ENGLISH_LOOKAHEAD = 3


@dataclass(frozen=True, slots=True)
class Count:
    """A number said of a noun: its value, the noun as written, where the number starts."""

    value: int
    noun: str
    start: int


def _key(word: str) -> str:
    """Matching form of an Arabic or English word: normalized, no hamza seats, no final taa/alef-tanween."""
    word = normalize(word, fold_letters=True)
    return fold_hamza_seats(word).rstrip("ا") if len(word) > 3 else word


def _strip_prefix(word: str) -> str:
    return strip_proclitic(word, min_stem=3)


@cache
def _tables() -> tuple[dict[str, int], dict[tuple[str, str], int], frozenset[str], frozenset[str], frozenset[str]]:
    simple = {_key(w): n for w, n in number_words.ARABIC.items()}
    simple.update({w: n for w, n in number_words.ENGLISH.items() if " " not in w})
    compound = {(_key(a), _key(b)): n for (a, b), n in number_words.ARABIC_COMPOUND.items()}
    months = (m for m in objective_topics.MONTHS.split("|") if " " not in m)
    units = frozenset(_key(u) for u in (*objective_topics.COUNT_UNITS, *months) if " " not in u)
    vague = frozenset(_key(v) for v in number_words.VAGUE)
    duals = set()
    for singular in objective_topics.TOPIC_SINGULARS:
        stem = _key(singular)
        base = stem[:-1] + "ت" if stem.endswith("ه") else stem
        duals.update({base + "ين", base + "ان", "ال" + base + "ين", "ال" + base + "ان"})
    return simple, compound, units, vague, frozenset(duals)


def _tokens(text: str) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in _TOKEN.finditer(text)]


def _is_noun_slot(word: str, units: frozenset[str], simple: dict[str, int]) -> bool:
    """Whether ``word`` can be the noun a number counts: not a unit or a month ("14 مايو"), not another
    number ("خمس وسبع سنوات"), not a lone letter ("15 و 14")."""
    key = _key(word)
    bare = _strip_prefix(key)
    return len(key) > 1 and not (key in units or bare in units or key in simple or bare in simple or key.isdigit())


def _definite_number(key: str, simple: dict[str, int]) -> int | None:
    """ "الست" -> 6, "والثلاثة" -> 3: a number word with the article."""
    for article in _DEFINITE:
        if key.startswith(article) and key[len(article) :] in simple:
            return simple[key[len(article) :]]
    return None


def _is_digits(token: str) -> bool:
    return token[0].isdigit() or token[0] in "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"


def _noun_before(toks: list[tuple[str, int]], i: int, units: frozenset[str], simple: dict[str, int]) -> str:
    """The definite noun a definite number follows ("النقاط" in "النقاط الست"), or '' (a unit, no noun)."""
    if i == 0:
        return ""
    word = toks[i - 1][0]
    key = _key(word)
    definite = any(key.startswith(article) for article in _DEFINITE) or is_topic_noun(word)  # "أهدافها الأربعة"
    if not definite or not _is_noun_slot(word, units, simple):
        return ""
    return word


def find_counts(text: str) -> tuple[Count, ...]:
    """Every number in ``text`` that counts a noun, in order."""
    simple, compound, units, vague, duals = _tables()
    toks = _tokens(text)
    out: list[Count] = []
    skip_next = False
    for i, (tok, start) in enumerate(toks):
        if skip_next:
            skip_next = False
            continue
        key = _key(tok)
        value: int | None = None
        nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
        if key == "ال" and nxt and _is_digits(nxt):
            continue  # "الـ 10": the number is read with its article at the next token
        definite = _definite_number(key, simple) if key not in simple else None
        if definite is None and _is_digits(tok) and i and _key(toks[i - 1][0]) == "ال":
            digits = to_ascii_digits(tok)
            definite = int(digits) if digits.isdigit() and 1 < int(digits) <= number_words.MAX_DIGIT_COUNT else None
            if definite is not None:
                noun = _noun_before(toks, i - 1, units, simple)
                if noun:
                    out.append(Count(definite, noun, toks[i - 1][1]))
                continue
        if definite is not None:
            noun = _noun_before(toks, i, units, simple)
            if noun:
                out.append(Count(definite, noun, start))  # "النقاط الست", "المشاكل الأربع الكبرى"
            continue
        if i + 1 < len(toks) and (key, _key(nxt)) in compound:
            value, skip_next = compound[(key, _key(nxt))], True
            after = toks[i + 2 :]
        elif key in simple:
            value, after = simple[key], toks[i + 1 :]
        elif _is_digits(tok):
            digits = to_ascii_digits(tok)
            if digits.isdigit() and 1 < int(digits) <= number_words.MAX_DIGIT_COUNT:
                value, after = int(digits), toks[i + 1 :]
            else:
                continue
        elif key in duals or _strip_prefix(key) in duals:
            out.append(Count(2, tok, start))
            continue
        else:
            continue
        before = _key(toks[i - 1][0]) if i else ""
        if before in vague or value is None or _strip_prefix(before) in _ordinal_keys():
            continue  # "عدة", or a compound ordinal ("المرتبة الخامسة عشرة")
        if after and not _is_noun_slot(after[0][0], units, simple):
            continue
        noun = after[0][0] if after else ""
        if noun and noun.isascii() and not is_topic_noun(noun):
            # "four key Uruguay proposals": the topic noun a few adjectives on
            ahead = (w for w, _ in after[1 : _ENGLISH_LOOKAHEAD + 1] if w.isascii())
            noun = next((w for w in ahead if is_topic_noun(w)), noun)
        if noun and (is_topic_noun(noun) or not _topic_before(toks, i)):
            out.append(Count(value, noun, start))
        elif _topic_before(toks, i):
            out.append(Count(value, _topic_before(toks, i), start))  # "ركائز استراتيجية أربع": number after the noun
    return tuple(out)


@cache
def _ordinal_keys() -> frozenset[str]:
    return frozenset(_strip_prefix(_key(w)) for pair in ARABIC_ORDINAL_ADJECTIVES for w in pair)


def _topic_before(toks: list[tuple[str, int]], i: int) -> str:
    """A topic noun one or two words before position ``i`` ("ركائز استراتيجية أربع"), or ''."""
    for j in (i - 1, i - 2):
        if j >= 0 and is_topic_noun(toks[j][0]):
            return toks[j][0]
    return ""


def is_topic_noun(word: str) -> bool:
    """True for nouns that name a list of objectives (أهداف، مطالب، demands ...), any prefix or dual."""
    return _topic_key(word) is not None


@cache
def _topic_keys() -> frozenset[str]:
    keys = {_key(w) for w in (*objective_topics.TOPIC_SINGULARS, *objective_topics.TOPIC_PLURALS)}
    keys.update(w.lower() for w in objective_topics.TOPIC_ENGLISH)
    return frozenset(keys | _tables()[4])


def topic_key(word: str) -> str | None:
    """The matching form of a topic noun ("الأهداف", "أهداف" -> one key), or None for other words."""
    return _topic_key(word)


def _topic_key(word: str) -> str | None:
    key = _key(word)
    keys = _topic_keys()
    for candidate in (key, _strip_prefix(key), key[:-1] if key.endswith(("ه", "ي")) else key):
        if candidate in keys:
            return candidate
    return None


_NEAR_END_WORDS = 6


def announced(text: str) -> Count | None:
    """The count ``text`` announces: one next to a topic noun first, else a count among its last six words
    ("… استلم النادي 4 كتب جديدة هي:"); a count of something else earlier on ("يضم الملحق 8 صفحات …")
    announces no list."""
    counts = find_counts(text)
    if not counts:
        return None
    topical = next((c for c in counts if is_topic_noun(c.noun)), None)
    if topical is not None:
        return topical
    starts = [start for _, start in _tokens(text)]
    last = counts[-1]
    return last if len(starts) - bisect.bisect_left(starts, last.start) <= _NEAR_END_WORDS else None


def announced_count(text: str) -> int | None:
    """The number of items ``text`` announces, or None."""
    count = announced(text)
    return count.value if count else None
