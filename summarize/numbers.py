"""Announced counts: "ثلاث أهداف", "ثلاثة مطالب", "هدفين", "ركائز أربع", "five points", "3 goals".

A count is a number (word or digits) next to a noun that is not a unit of time, money
or measure; a dual topic noun on its own counts two. Vague quantities ("عدة", "several")
are no count. Pure text in, ``int | None`` out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarize.rules import number_words, objective_topics
from summarize.text import fold_hamza_seats, normalize, to_ascii_digits
from summarize.text.clitics import strip_proclitic

_TOKEN = re.compile(r"[0-9٠-٩۰-۹]+(?:[.,][0-9٠-٩۰-۹]+)?%?|[^\W\d_]+(?:['’-][^\W\d_]+)*")


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
    units = frozenset(_key(u) for u in objective_topics.COUNT_UNITS if " " not in u)
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
    key = _key(word)
    return not (key in units or _strip_prefix(key) in units or key in simple or key.isdigit())


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
        if i + 1 < len(toks) and (key, _key(nxt)) in compound:
            value, skip_next = compound[(key, _key(nxt))], True
            after = toks[i + 2 :]
        elif key in simple or (key.startswith("ال") and _strip_prefix(key) in simple):
            value, after = simple.get(key) or simple[_strip_prefix(key)], toks[i + 1 :]
        elif tok[0].isdigit() or tok[0] in "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹":
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
        if before in vague or value is None:
            continue
        if after and not _is_noun_slot(after[0][0], units, simple):
            continue
        if after and (is_topic_noun(after[0][0]) or not _topic_before(toks, i)):
            out.append(Count(value, after[0][0], start))
        elif _topic_before(toks, i):
            out.append(Count(value, _topic_before(toks, i), start))  # "ركائز استراتيجية أربع": number after the noun
    return tuple(out)


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


def _topic_key(word: str) -> str | None:
    key = _key(word)
    keys = _topic_keys()
    for candidate in (key, _strip_prefix(key), key[:-1] if key.endswith(("ه", "ي")) else key):
        if candidate in keys:
            return candidate
    return None


def announced(text: str) -> Count | None:
    """The count ``text`` announces: one next to a topic noun first, else the first count."""
    counts = find_counts(text)
    if not counts:
        return None
    return next((c for c in counts if is_topic_noun(c.noun)), counts[0])


def announced_count(text: str) -> int | None:
    """The number of items ``text`` announces, or None."""
    count = announced(text)
    return count.value if count else None
