"""The recognizer's answer: where a person's name is, and how sure the model is."""

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
