"""``newsread summarize``: extractive summaries for scripts, one process for many files."""

from __future__ import annotations

from enum import StrEnum

import typer

from articles.sources import LoadError
from tui import errors
from tui.inputs import check_stdin_once, load_input
from tui.output import write_json, write_line
from tui.progress import with_progress


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


def summarize(
    files: list[str] = typer.Argument(..., metavar="FILE...", help="Article files, '-' for stdin, or sample:NAME."),
    sentences: int | None = typer.Option(None, "--sentences", "-n", min=1, help="How many sentences to keep."),
    ratio: float | None = typer.Option(None, "--ratio", "-r", min=0.0, max=1.0, help="Share of sentences to keep."),
    algorithm: str = typer.Option("news", "--algorithm", "-a", help="news (default), lead, or a sumy method."),
    language: str | None = typer.Option(None, "--language", "-l", help="Language code; detected when omitted."),
    output_format: Format = typer.Option(Format.text, "--format", "-f", help="text, json (JSON Lines) or markdown."),
) -> None:
    """Summarize articles: the chosen sentences in article order."""
    from summarize.language import normalize_language_code
    from summarize.summary import METHODS, summarize_text

    if sentences is not None and ratio is not None:
        raise errors.UserError("use --sentences or --ratio, not both", exit_code=2)
    if algorithm not in METHODS:
        raise errors.UserError(f"unknown algorithm {algorithm!r} (choose from {', '.join(METHODS)})", exit_code=2)
    try:
        lang = normalize_language_code(language) if language else None
    except ValueError as exc:
        raise errors.UserError(str(exc), exit_code=2) from exc
    check_stdin_once(files)

    failed = 0
    several = len(files) > 1
    for number, ref in enumerate(with_progress(files, "Summarizing")):
        try:
            source = load_input(ref)
        except LoadError as exc:
            errors.report(str(exc))
            failed += 1
            continue
        result = summarize_text(source.text, count=sentences, ratio=ratio, method=algorithm, language=lang)
        if output_format is Format.json:
            write_json(
                {
                    "file": source.name,
                    "language": result.language,
                    "title": result.title,
                    "method": result.method,
                    "sentences": [
                        {"index": c.index, "score": c.score, "text": c.text, "start": c.start, "end": c.end}
                        for c in result.chosen
                    ],
                }
            )
        elif output_format is Format.markdown:
            if number:
                write_line("")
            write_line(f"# {result.title or source.name}")
            write_line("")
            for chosen in result.chosen:
                write_line(f"- {chosen.text}")
        else:
            if several:
                if number:
                    write_line("")
                write_line(f"==> {source.name} <==")
            for chosen in result.chosen:
                write_line(chosen.text)
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("summarize")(summarize)
