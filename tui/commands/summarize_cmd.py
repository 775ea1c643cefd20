"""``newsread summarize``: extractive summaries for scripts, one process for many files."""

from __future__ import annotations

from enum import StrEnum

import typer

from tui import errors
from tui.inputs import InputBatch, language_option
from tui.output import write_json, write_line


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
    from summarize.summary import METHODS, summarize_text

    if sentences is not None and ratio is not None:
        raise errors.UserError("use --sentences or --ratio, not both", exit_code=2)
    if algorithm not in METHODS:
        raise errors.UserError(f"unknown algorithm {algorithm!r} (choose from {', '.join(METHODS)})", exit_code=2)
    lang = language_option(language)
    batch = InputBatch(files, "Summarizing")
    for number, source in batch:
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
            if batch.several:
                if number:
                    write_line("")
                write_line(f"==> {source.name} <==")
            for chosen in result.chosen:
                write_line(chosen.text)
    batch.finish()


def register(app: typer.Typer) -> None:
    app.command("summarize")(summarize)
