"""Token labels <-> character spans, the same way for training and for tagging.

Raw Arabic writes a conjunction or preposition on the name ("وخالد", "لبوش"). The token is then
labelled ``B1`` (or ``B2``, ``B3``): a person starts here, after that many letters. Other labels
are ``B`` (starts at the token), ``I`` (continues) and ``O``. Letters are counted without harakat
and tatweel, so a vowelled "وَخالد" cuts after "وَ", never between a letter and its mark.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.ner.tokens import Token

OUTSIDE = "O"
INSIDE = "I"
BEGIN = "B"
MAX_PREFIX = 3
_MARKS = frozenset(chr(c) for c in [*range(0x064B, 0x0660), 0x0670, 0x0640])


def _letters(surface: str) -> int:
    return sum(1 for ch in surface if ch not in _MARKS)


def _cut(tok: Token, letters: int) -> int:
    """Offset in the text after ``letters`` letters of ``tok`` and the marks written on them."""
    pos, seen = tok.start, 0
    while pos < tok.end and (seen < letters or tok.text[pos - tok.start] in _MARKS):
        if tok.text[pos - tok.start] not in _MARKS:
            seen += 1
        pos += 1
    return pos


def encode(tokens: Sequence[Token], persons: Sequence[tuple[int, int]]) -> list[str]:
    """One label per token for the given person spans (training)."""
    labels = [OUTSIDE] * len(tokens)
    spans = sorted(persons)
    k = 0
    for i, tok in enumerate(tokens):
        while k < len(spans) and spans[k][1] <= tok.start:
            k += 1
        if k == len(spans) or spans[k][0] >= tok.end:
            continue
        start = spans[k][0]
        if start < tok.start:
            labels[i] = INSIDE if i > 0 and labels[i - 1] != OUTSIDE and tokens[i - 1].end > start else BEGIN
            continue
        prefix = _letters(tok.text[: start - tok.start])
        labels[i] = BEGIN if prefix == 0 or prefix > MAX_PREFIX else f"{BEGIN}{prefix}"
    return labels


def _span(tokens: Sequence[Token], labels: Sequence[str], lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    """The span of tokens lo..hi-1 without punctuation at its edges; none if no word is left."""
    while lo < hi and not tokens[lo].word:
        lo += 1
    while hi > lo and not tokens[hi - 1].word:
        hi -= 1
    if lo == hi:
        return []
    first = tokens[lo]
    prefix = int(labels[lo][1:] or 0) if labels[lo].startswith(BEGIN) else 0
    start = _cut(first, prefix) if prefix < _letters(first.text) else first.start
    return [(lo, hi, start, tokens[hi - 1].end)]


def decode(tokens: Sequence[Token], labels: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """(first token, last token + 1, start offset, end offset) of each person the labels mark."""
    out: list[tuple[int, int, int, int]] = []
    open_at = None
    for i, label in enumerate([*labels, OUTSIDE]):
        if open_at is not None and label != INSIDE:
            out.extend(_span(tokens, labels, open_at, i))
            open_at = None
        if label.startswith(BEGIN) or (label == INSIDE and open_at is None):
            open_at = i
    return out
