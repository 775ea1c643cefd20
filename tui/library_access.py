"""Opening the library for the CLI and the app: the ``--library`` path, samples on first use, one-line errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from articles.store import Library, LibraryError
from tui.errors import UsageError, UserError

ID_PREFIX = "@"


def open_library(path: Path | None = None, *, seed: bool = True) -> Library:
    """The library at ``path`` (None: the default place), samples imported on first use."""
    try:
        library = Library(path)
    except LibraryError as exc:
        raise UserError(str(exc)) from exc
    if seed:
        from articles.importers.samples import sample_articles

        try:
            library.seed_once(sample_articles)
        except LibraryError as exc:
            library.close()
            raise UserError(str(exc)) from exc
    return library


@contextmanager
def library_errors() -> Iterator[None]:
    """Any ``LibraryError`` raised inside becomes a ``UserError`` (one line, exit code 1)."""
    try:
        yield
    except LibraryError as exc:
        raise UserError(str(exc)) from exc


def parse_id(text: str) -> int:
    """An article id as users write it: ``12`` or ``@12``; a usage error (exit 2) otherwise."""
    value = text[len(ID_PREFIX) :] if text.startswith(ID_PREFIX) else text
    if not value.isascii() or not value.isdigit():
        raise UsageError(f"{text!r} is not an article id (a number such as 12 or @12)")
    return int(value)


def is_library_ref(ref: str) -> bool:
    """Whether an input names a library article (``@12``) rather than a file."""
    return ref.startswith(ID_PREFIX) and ref[1:].isascii() and ref[1:].isdigit()
