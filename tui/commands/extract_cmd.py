"""``newsread extract``: who attended and which numbered objectives an article lists."""

from __future__ import annotations

from collections.abc import Sequence

from summarize.analysis import Analysis
from tui.inputs import InputBatch, language_option, report_truncated
from tui.options import GlobalOptions
from tui.output import Output


def extract(
    options: GlobalOptions, *, files: Sequence[str], language: str | None, output_format: str, as_json: bool
) -> int:
    """Attendees (with titles and groups) and numbered objectives of each input."""
    from summarize.analysis import analyze

    lang = language_option(language)
    out = Output(options.render)
    batch = InputBatch(files, "Extracting", options.library)
    for number, source in batch:
        report_truncated(source)
        result = analyze(source.text, lang or source.language, summary=False)
        if as_json or output_format == "json":
            out.json({"file": source.name, **result.extraction_json()})
            continue
        if batch.several:
            if number:
                out.line("")
            out.line(f"==> {source.name} <==")
        write_text(out, result)
    return batch.status


def write_text(out: Output, result: Analysis) -> None:
    """Plain text: one attendee per line, groups, then each list with its lead-in and numbered items."""
    if result.attendees or result.attendee_groups:
        out.line("Attendees:")
        for person in result.attendees:
            line = f"  {person.name}"
            if person.title:
                line += f" ({person.title})"
            if person.aliases:
                line += f" [also: {', '.join(person.aliases)}]"
            out.line(line)
        for group in result.attendee_groups:
            out.line(f"  + {group}")
    for objectives in result.objectives:
        out.line("Objectives:" if not objectives.topic else f"Objectives ({objectives.topic}):")
        if objectives.lead_in:
            out.line(f"  {objectives.lead_in}")
        for index, item in enumerate(objectives.items, 1):
            out.line(f"  {index}. {item}")
        if objectives.count_mismatch:
            out.line(f"  warning: {objectives.announced_count} announced, {len(objectives.items)} found")
    if not result.attendees and not result.attendee_groups and not result.objectives:
        out.line("(no attendees or numbered objectives found)")
