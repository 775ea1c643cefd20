"""The rule layer's word lists, keyed the way the recognizer's features look words up.

The lists live in ``summarize.rules`` (titles, attendee cues, stop words); here they are only
normalized once, on first use, into one class name per word. A word may belong to several classes.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from summarize.ner.tokens import matching_form
from summarize.rules import attendee_cues, stop_words, titles

# Words that join the parts of an Arabic or English name ("خالد بن سعيد", "Osama bin Laden").
_AR_NAME_PARTICLES = ("بن", "ابن", "بنت", "أبو", "ابو", "أبي", "ابي", "عبد", "آل", "ولد", "أم")
_EN_NAME_PARTICLES = ("bin", "bint", "ibn", "al", "el", "de", "da", "van", "von", "der", "du", "dos", "del", "la", "le")


def _keys(words: Iterable[str]) -> frozenset[str]:
    """Single words only: the features look at one token at a time."""
    return frozenset(matching_form(w) for w in words if " " not in w.strip())


@cache
def arabic() -> dict[str, frozenset[str]]:
    """Class name -> normalized words, for Arabic."""
    heads = _keys(titles.ARABIC_HEADS)
    return {
        "honor": _keys(titles.ARABIC_HONORIFICS) | frozenset(w[2:] for w in _keys(titles.ARABIC_HONORIFICS)),
        "head": heads | frozenset("ال" + w for w in heads),
        "titleword": _keys(titles.ARABIC_TITLE_WORDS),
        "kin": _keys(titles.ARABIC_KINSHIP),
        "death": _keys(titles.ARABIC_DEATH_WORDS),
        "notname": _keys(titles.ARABIC_NOT_NAME),
        "stop": _keys(stop_words.ARABIC),
        "cue": _keys(attendee_cues.ARABIC_PRESENCE) | _keys(attendee_cues.ARABIC_PRESENCE_PHRASES),
        "speech": _keys(attendee_cues.ARABIC_SPEECH),
        "event": _keys(attendee_cues.ARABIC_EVENT_NOUNS),
        "group": _keys(attendee_cues.ARABIC_GROUP_HEADS),
        "waw": _keys(titles.ARABIC_WAW_WORDS),
        "particle": _keys(_AR_NAME_PARTICLES),
    }


@cache
def english() -> dict[str, frozenset[str]]:
    """Class name -> lower-case words, for English."""
    return {
        "honor": _keys(titles.ENGLISH_HONORIFICS),
        "head": _keys(titles.ENGLISH_HEADS),
        "death": _keys(titles.ENGLISH_DECEASED),
        "notname": _keys(titles.ENGLISH_NOT_NAME),
        "stop": _keys(stop_words.ENGLISH),
        "cue": _keys(attendee_cues.ENGLISH_PRESENCE),
        "speech": _keys(attendee_cues.ENGLISH_SPEECH),
        "event": _keys(attendee_cues.ENGLISH_EVENT_NOUNS),
        "particle": _keys(_EN_NAME_PARTICLES),
    }


@cache
def word_classes(lang: str) -> dict[str, tuple[str, ...]]:
    """Word -> its classes (sorted), the inverted form the features read."""
    table = arabic() if lang == "ar" else english()
    out: dict[str, list[str]] = {}
    for name, words in table.items():
        for word in words:
            out.setdefault(word, []).append(name)
    return {word: tuple(sorted(names)) for word, names in out.items()}
