"""``newsread summarize``: extractive summaries for scripts, one process for many files."""

from __future__ import annotations

from collections.abc import Sequence

from tui.errors import UsageError
from tui.inputs import InputBatch, language_option, report_truncated
from tui.options import GlobalOptions
from tui.output import Output


def summarize(
    options: GlobalOptions,
    *,
    files: Sequence[str],
    sentences: int | None,
    ratio: float | None,
    algorithm: str,
    language: str | None,
    output_format: str,
    explain: bool,
) -> int:
    """Summarize each input; the chosen sentences in article order."""
    from summarize.analysis import analyze
    from summarize.summary import InputTooLong

    if sentences is not None and ratio is not None:
        raise UsageError("use --sentences or --ratio, not both")
    lang = language_option(language)
    out = Output(options.render)
    batch = InputBatch(files, "Summarizing", options.library)
    for number, source in batch:
        report_truncated(source)
        try:
            language = lang or source.language
            result = analyze(
                source.text, language, method=algorithm, sentences=sentences, ratio=ratio, extraction=False
            )
        except InputTooLong as exc:
            batch.fail(f"{source.name}: {exc}")
            continue
        if output_format == "json":
            out.json({"file": source.name, **result.summary_json()})
        elif output_format == "markdown":
            if number:
                out.line("")
            out.line(f"# {result.title or source.name}")
            out.line("")
            for chosen in result.sentences:
                out.line(f"- {chosen.text}")
        else:
            if batch.several:
                if number:
                    out.line("")
                out.line(f"==> {source.name} <==")
            for chosen in result.sentences:
                out.line(chosen.text)
                if explain:
                    out.line(f"  ({chosen.explanation()})")
    return batch.status
