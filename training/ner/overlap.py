"""Find training sentences whose text also appears in a held-out set.

NewsFANE re-annotates ANERcorp's text with other tokenization and spelling (hamza seats dropped,
clitics split), so sentences are compared on a key that ignores all of that: the matching form
with every non-letter removed. A sentence overlaps when most of its 20-character shingles occur in
the held-out text (sentence breaks differ between the corpora, so whole-sentence equality would
miss most of the copies); keys too short for a shingle must occur whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from summarize.ner.tokens import matching_form

SHINGLE = 20
SHARE = 0.5


def key(text: str) -> str:
    """Letters and digits of the matching form, nothing else."""
    return "".join(ch for ch in matching_form(text) if ch.isalnum())


def _shingles(k: str) -> set[str]:
    return {k[i : i + SHINGLE] for i in range(len(k) - SHINGLE + 1)}


@dataclass
class HeldOut:
    """The shingles of a held-out text, to test training sentences against."""

    shingles: set[str]
    whole: str

    @classmethod
    def of(cls, texts: Iterable[str]) -> HeldOut:
        keys = [key(t) for t in texts]
        shingles: set[str] = set()
        for k in keys:
            shingles |= _shingles(k)
        return cls(shingles, "\n".join(keys))

    def overlaps(self, text: str) -> bool:
        k = key(text)
        if len(k) < SHINGLE:
            return len(k) >= 8 and k in self.whole  # short headlines; "." and "بغداد" are no overlap
        own = _shingles(k)
        return len(own & self.shingles) >= SHARE * len(own)
