"""What the CLI accepts as an article: a path, ``-`` for stdin, or a bundled sample."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import typer

from articles.samples import sample_names, sample_path
from articles.sources import STDIN, LoadError, read_text
from tui.errors import UserError, report
from tui.progress import with_progress

SAMPLE_PREFIX = "sample:"


@dataclass(frozen=True)
class InputText:
    name: str
    text: str


def load_input(ref: str) -> InputText:
    """Read ``ref`` (path, ``-``, ``sample:NAME`` or ``@ID`` from the library); ``LoadError`` on a bad input."""
    if ref.startswith("@") and ref[1:].isascii() and ref[1:].isdigit():
        return _library_input(ref)
    if ref.startswith(SAMPLE_PREFIX):
        name = ref[len(SAMPLE_PREFIX) :]
        try:
            path = sample_path(name)
        except KeyError:
            raise LoadError(f"{ref}: no such sample (bundled: {', '.join(sample_names())})") from None
        return InputText(ref, read_text(str(path)))
    return InputText("-" if ref == STDIN else ref, read_text(ref))


def _library_input(ref: str) -> InputText:
    """Article ``@ID`` of the library, as its whole text."""
    from tui.library_access import library_errors, open_library

    with library_errors(), open_library() as library:
        try:
            article = library.get(int(ref[1:]))
        except KeyError:
            raise LoadError(f"{ref}: no article with id {ref[1:]} in the library") from None
    return InputText(ref, article.text)


def check_stdin_once(refs: list[str]) -> None:
    """Standard input can be read once only."""
    if refs.count(STDIN) > 1:
        raise UserError("'-' (standard input) given more than once", exit_code=2)


def language_option(code: str | None) -> str | None:
    """The ``--language`` value as a two-letter code (None: detect); a usage error when unknown."""
    if not code:
        return None
    from summarize.language import normalize_language_code

    try:
        return normalize_language_code(code)
    except ValueError as exc:
        raise UserError(str(exc), exit_code=2) from exc


@dataclass
class InputBatch:
    """The inputs of one command, read one by one (with progress on a terminal).

    A bad input is one line on stderr and does not stop the others; ``finish`` then exits 1.
    """

    refs: list[str]
    description: str
    failed: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        check_stdin_once(self.refs)

    def __iter__(self) -> Iterator[tuple[int, InputText]]:
        for number, ref in enumerate(with_progress(self.refs, self.description)):
            try:
                source = load_input(ref)
            except LoadError as exc:
                report(str(exc))
                self.failed += 1
                continue
            yield number, source

    @property
    def several(self) -> bool:
        return len(self.refs) > 1

    def finish(self) -> None:
        if self.failed:
            raise typer.Exit(1)
