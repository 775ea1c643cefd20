"""Shared by the app tests: a small real library of the bundled samples, and a fake row source."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from articles.importers.samples import sample_articles
from articles.store import Library

FIXED_IMPORTED = "2026-01-01T00:00:00+00:00"


def make_library(path: Path) -> Library:
    """The bundled samples with a fixed import time (snapshots must not depend on today's date)."""
    library = Library(path)
    library.add_many(replace(a, imported=FIXED_IMPORTED) for a in sample_articles())
    return library


async def settle(pilot) -> None:
    """Let the analysis start (it waits for the cursor to rest) and finish."""
    from tui.screens.main import ANALYSIS_DELAY

    await pilot.pause()  # the last key's messages first: the analysis timer starts only then
    screen = pilot.app.screen
    for _ in range(400):
        if not getattr(screen, "analysis_pending", False):
            break
        await pilot.pause(ANALYSIS_DELAY / 4)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def make_app(library: Library, **kwargs):
    from tui.app import NewsreadApp

    return NewsreadApp(library, **kwargs)


def index_of_title(library: Library, needle: str) -> int:
    """Row position of the first article whose title contains ``needle``."""
    for n, row in enumerate(library.rows(limit=1000)):
        if needle in row.title:
            return n
    raise LookupError(needle)


@dataclass(frozen=True)
class FakeRow:
    id: int
    title: str
    kicker: str | None = None
    language: str | None = "en"
    source: str | None = None
    published: str | None = None
    imported: str = FIXED_IMPORTED
    read: bool = False
    starred: bool = False


class FakeRows:
    """``count``/``rows`` over ``n`` made-up rows, counting what the list asks for."""

    def __init__(self, n: int):
        self.n = n
        self.fetched: list[tuple[int, int]] = []

    def count(self, **_: object) -> int:
        return self.n

    def rows(self, *, offset: int = 0, limit: int = 100, **_: object) -> list[FakeRow]:
        self.fetched.append((offset, limit))
        return [FakeRow(i, f"Story number {i}") for i in range(offset, min(self.n, offset + limit))]
