"""Progress on stderr for long batches, only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")
MIN_ITEMS = 5


def with_progress(items: list[T], description: str) -> Iterator[T]:
    """Yield ``items``, drawing a progress bar on stderr when it is a terminal and the batch is long."""
    if len(items) < MIN_ITEMS or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(description, total=len(items))
        for item in items:
            yield item
            progress.advance(task)
