"""Shared by the app tests: a small real library of the bundled samples, and a fake row source."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from articles.importers.samples import sample_articles
from articles.store import EVERYTHING, ArticleRow, Library, ListFilter, RowKey

# Long past: the list shows it as a full date whatever today is (recent dates show as "04 Dec").
FIXED_IMPORTED = "2020-01-01T00:00:00.000000+00:00"


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


def fake_row(i: int, n: int) -> ArticleRow:
    """Row ``i`` of ``n`` made-up rows, newest first (its sort key falls as ``i`` grows)."""
    return ArticleRow(i, f"Story number {i}", None, "en", None, None, FIXED_IMPORTED, False, False, f"{n - i:09d}")


class FakeRows:
    """The list's row source over ``n`` made-up rows, recording every query the list makes."""

    def __init__(self, n: int):
        self.n = n
        self.fetched: list[tuple[str, int, int]] = []  # (how, first row, rows)

    def count(self, where: ListFilter = EVERYTHING) -> int:
        return self.n

    def rows(self, where: ListFilter = EVERYTHING, *, offset: int = 0, limit: int = 100) -> list[ArticleRow]:
        self.fetched.append(("offset", offset, limit))
        return [fake_row(i, self.n) for i in range(offset, min(self.n, offset + limit))]

    def page(
        self, where: ListFilter = EVERYTHING, *, after: RowKey | None = None, limit: int = 100, backwards: bool = False
    ) -> list[ArticleRow]:
        # row j has key (n - j, j); keys fall as rows go down, so "after" a key is a row number
        if backwards:
            stop = self.n if after is None else self._boundary(after, before_row=True)
            first = max(0, stop - limit)
        else:
            first = 0 if after is None else self._boundary(after, before_row=False)
            stop = min(self.n, first + limit)
        self.fetched.append(("keyset", first, stop - first))
        return [fake_row(i, self.n) for i in range(first, stop)]

    def _boundary(self, key: RowKey, *, before_row: bool) -> int:
        """The first row whose key is below ``key`` (``before_row``: the first row not above it)."""
        j = self.n - int(key[0])
        if before_row:
            return j + 1 if j > key[1] else j  # rows above key: i < j, and j itself when its id is higher
        return j if j < key[1] else j + 1

    def key_of(self, article_id: int) -> RowKey | None:
        return fake_row(article_id, self.n).key if 0 <= article_id < self.n else None

    def position(self, article_id: int, where: ListFilter = EVERYTHING) -> int | None:
        return article_id if 0 <= article_id < self.n else None
