"""What the CLI accepts as an article: a path, ``-`` for stdin, or a bundled sample."""

from __future__ import annotations

from dataclasses import dataclass

from articles.samples import sample_names, sample_path
from articles.sources import STDIN, LoadError, read_text
from tui.errors import UserError

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
