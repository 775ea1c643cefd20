"""What the CLI accepts as an article: a path, ``-`` for stdin, a bundled sample, or ``@ID`` of the library."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from articles.sources import STDIN, LoadError, read_text
from tui.errors import UsageError, UserError, report
from tui.progress import with_progress

SAMPLE_PREFIX = "sample:"


@dataclass(frozen=True)
class InputText:
    name: str
    text: str
    language: str | None = None  # known for a library article


def load_input(ref: str, library: Path | None = None) -> InputText:
    """Read ``ref`` (path, ``-``, ``sample:NAME`` or ``@ID`` of ``library``); ``LoadError`` on a bad input."""
    if ref.startswith("@") and ref[1:].isascii() and ref[1:].isdigit():
        return _library_input(ref, library)
    if ref.startswith(SAMPLE_PREFIX):
        from articles.samples import sample_names, sample_path

        name = ref[len(SAMPLE_PREFIX) :]
        try:
            path = sample_path(name)
        except KeyError:
            raise LoadError(f"{ref}: no such sample (bundled: {', '.join(sample_names())})") from None
        return InputText(ref, read_text(str(path)))
    return InputText("-" if ref == STDIN else ref, read_text(ref))


def _library_input(ref: str, library_path: Path | None) -> InputText:
    """Article ``@ID`` of the library, as its whole text."""
    from tui.library_access import library_errors, open_library

    with library_errors(), open_library(library_path) as library:
        try:
            article = library.get(int(ref[1:]))
        except KeyError:
            raise LoadError(f"{ref}: no article with id {ref[1:]} in the library") from None
    return InputText(ref, article.text, article.language)


def report_truncated(source: InputText) -> None:
    """A notice on stderr (the exit status stays 0) when ``analyze`` reads only the start of a long input."""
    from summarize.analysis import analysed_part

    read = len(analysed_part(source.text))
    if read < len(source.text):
        report(f"{source.name}: long text: analysed its first {read:,} of {len(source.text):,} characters")


def check_stdin_once(refs: Sequence[str]) -> None:
    """Standard input can be read once only."""
    if list(refs).count(STDIN) > 1:
        raise UsageError("'-' (standard input) given more than once")


def language_option(code: str | None) -> str | None:
    """The ``--language`` value as a two-letter code (None: detect); a usage error when unknown."""
    if not code:
        return None
    from summarize.language import normalize_language_code

    try:
        return normalize_language_code(code)
    except ValueError as exc:
        raise UsageError(f"--language: {exc}") from exc


@dataclass
class InputBatch:
    """The inputs of one command, read one by one (with progress on a terminal).

    A bad input is one line on stderr and does not stop the others; ``status`` is then 1.
    """

    refs: Sequence[str]
    description: str
    library: Path | None = None
    failed: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        check_stdin_once(self.refs)

    def __iter__(self) -> Iterator[tuple[int, InputText]]:
        for number, ref in enumerate(with_progress(list(self.refs), self.description)):
            try:
                source = load_input(ref, self.library)
            except LoadError as exc:
                report(str(exc))
                self.failed += 1
                continue
            except UserError as exc:  # the library behind an @ID cannot be opened
                report(str(exc))
                self.failed += 1
                continue
            yield number, source

    def fail(self, message: str) -> None:
        """One input could not be handled: one line on stderr, and the command ends with status 1."""
        report(message)
        self.failed += 1

    @property
    def several(self) -> bool:
        return len(self.refs) > 1

    @property
    def status(self) -> int:
        """The command's exit status: 1 when any input failed."""
        return 1 if self.failed else 0
