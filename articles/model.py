"""The article value that crosses from loading to the store, the analysis and the app."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Article:
    """One article, its text in logical order exactly as imported.

    ``paragraphs`` holds every body block in reading order, pull-quotes included;
    ``pull_quotes`` says which of them are pull-quotes, so the reader can set them apart
    and the analysis can skip them.
    """

    title: str
    paragraphs: tuple[str, ...]
    kicker: str | None = None
    pull_quotes: tuple[str, ...] = ()
    language: str | None = None
    source: str | None = None
    published: str | None = None
    imported: str | None = None
    id: int | None = None
    read: bool = False
    starred: bool = False
    tags: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        """The whole article as one logical-order text: kicker, headline, then the body blocks."""
        head = [part for part in (self.kicker, self.title) if part]
        if self.paragraphs and self.title and self.paragraphs[0].startswith(self.title.rstrip("…")):
            head = head[:-1]  # an article without a headline is titled by its first line
        return "\n\n".join([*head, *self.paragraphs])

    @property
    def content_hash(self) -> str:
        """Identity of the content (not of where it came from): duplicates share it."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()
