"""Opening the library for the CLI and the app: the ``--library`` path, samples on first use, one-line errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from articles.store import Library, LibraryError
from tui.errors import UserError
from tui.settings import SETTINGS

ID_PREFIX = "@"


def open_library(*, seed: bool = True) -> Library:
    """The library named by ``--library``/``NEWSREAD_LIBRARY`` (else the default), samples imported on first use."""
    try:
        library = Library(SETTINGS.library or None)  # an empty NEWSREAD_LIBRARY means the default place
    except LibraryError as exc:
        raise UserError(str(exc)) from exc
    if seed:
        try:
            library.ensure_samples()
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
    """An article id as users write it: ``12`` or ``@12``; ``UserError`` (exit 2) otherwise."""
    value = text[len(ID_PREFIX) :] if text.startswith(ID_PREFIX) else text
    if not value.isascii() or not value.isdigit():
        raise UserError(f"{text!r} is not an article id (a number such as 12 or @12)", exit_code=2)
    return int(value)


def is_library_ref(ref: str) -> bool:
    """Whether an input names a library article (``@12``) rather than a file."""
    return ref.startswith(ID_PREFIX) and ref[1:].isascii() and ref[1:].isdigit()
