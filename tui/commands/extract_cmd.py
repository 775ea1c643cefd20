"""``newsread extract``: who attended and which numbered objectives an article lists."""

from __future__ import annotations

from enum import StrEnum

import typer

from tui.inputs import InputBatch, language_option
from tui.output import write_json, write_line


class Format(StrEnum):
    text = "text"
    json = "json"


def extract(
    files: list[str] = typer.Argument(..., metavar="FILE...", help="Article files, '-' for stdin, or sample:NAME."),
    language: str | None = typer.Option(None, "--language", "-l", help="Language code; detected when omitted."),
    output_format: Format = typer.Option(Format.text, "--format", "-f", help="text or json (JSON Lines)."),
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
) -> None:
    """Extract attendees (with titles and groups) and numbered objectives from articles."""
    from summarize.extraction import extract as run_extraction
    from summarize.extraction import to_dict

    lang = language_option(language)
    if as_json:
        output_format = Format.json
    batch = InputBatch(files, "Extracting")
    for number, source in batch:
        result = run_extraction(source.text, lang)
        if output_format is Format.json:
            write_json({"file": source.name, **to_dict(result)})
            continue
        if batch.several:
            if number:
                write_line("")
            write_line(f"==> {source.name} <==")
        _write_text(result)
    batch.finish()


def _write_text(result) -> None:
    """Plain text: one attendee per line, groups, then each list with its lead-in and numbered items."""
    people = result.attendees.people
    if people or result.attendees.groups:
        write_line("Attendees:")
        for person in people:
            line = f"  {person.name}"
            if person.title:
                line += f" ({person.title})"
            if person.aliases:
                line += f" [also: {', '.join(person.aliases)}]"
            write_line(line)
        for group in result.attendees.groups:
            write_line(f"  + {group.text}")
    for objectives in result.objectives:
        write_line("Objectives:" if not objectives.topic else f"Objectives ({objectives.topic}):")
        if objectives.lead_in:
            write_line(f"  {objectives.lead_in}")
        for index, item in enumerate(objectives.items, 1):
            write_line(f"  {index}. {item}")
        if objectives.count_mismatch:
            write_line(f"  warning: {objectives.announced_count} announced, {len(objectives.items)} found")
    if not people and not result.attendees.groups and not result.objectives:
        write_line("(no attendees or numbered objectives found)")


def register(app: typer.Typer) -> None:
    """Add ``extract`` to ``app``."""
    app.command("extract")(extract)
