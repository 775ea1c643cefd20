"""Keep terminal control out of article text, and split it into paragraphs.

Article text comes from the web: an ESC, a C1 control or a bidi override (U+202A-U+202E,
U+2066-U+2069) could move the cursor, change colours or flip a line the reader has already
laid out. They are dropped here, before anything is measured. The implicit marks LRM, RLM
and ALM (U+200E, U+200F, U+061C) are kept: they are strong characters the bidi algorithm
needs, and the renderer leaves them out of the drawn line afterwards (they have no width).
"""

from __future__ import annotations

import re

from tui.sanitize import BIDI_CONTROLS

# C0 except TAB (turned into a space), DEL, C1, embeddings/overrides, isolates, deprecated format chars.
_DROP = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f{BIDI_CONTROLS}]")
# Paragraph separators: CR LF, CR, LF, NEL, LS, PS (VT and FF are dropped above).
_PARAGRAPHS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

# Zero-width characters that steer shaping or bidi but must not be written to the terminal.
INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u061c\u2060\ufeff")


def clean(paragraph: str) -> str:
    """One paragraph without control characters; a tab becomes a space."""
    return _DROP.sub("", paragraph.replace("\t", " "))


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of ``text`` (each line is one), cleaned; an empty text is one empty paragraph."""
    return [clean(p) for p in _PARAGRAPHS.split(text)]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each paragraph of ``text``, separators excluded."""
    spans = []
    start = 0
    for match in _PARAGRAPHS.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def clean_with_origins(raw: str, also: re.Pattern[str] | None = None) -> tuple[str, list[int] | None]:
    """``clean(raw)`` minus what ``also`` matches, and where each kept character was in ``raw``
    (``None`` when nothing was removed, so offsets are the same)."""
    text = raw.replace("\t", " ")
    removed = {m.start() for m in _DROP.finditer(text)}
    if also is not None:
        removed.update(m.start() for m in also.finditer(text))
    if not removed:
        return text, None
    kept = [i for i in range(len(text)) if i not in removed]
    return "".join(text[i] for i in kept), kept
