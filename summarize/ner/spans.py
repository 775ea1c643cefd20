"""The recognizer's answer: where a person's name is, and how sure the model is of it and of each word."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PersonSpan:
    """A person's name at ``text[start:end]`` of the text given to ``find_persons``.

    ``probability`` is the model's marginal for the span: the smallest, over its tokens, of the
    probability that the token is where it is in a name (a name's first token for the first, a
    name's later token for the others). One weak token makes a weak span.
    """

    start: int
    end: int
    text: str
    probability: float


@dataclass(frozen=True, slots=True)
class WordProbability:
    """The model's marginal probability that the word at ``text[start:end]`` is part of a person's name."""

    start: int
    end: int
    probability: float


@dataclass(frozen=True, slots=True)
class PersonReading:
    """``read_persons``: the person spans, every word's probability, and where reading stopped.

    A word is part of a name with the probability the model gives its labels other than "outside"
    (a name's first word, a later word, or a first word behind "و"/"ب"/"ل"). Words at or after
    ``end`` were not read: they have no probability, and no span reaches them.
    """

    persons: tuple[PersonSpan, ...]
    words: tuple[WordProbability, ...]
    end: int
