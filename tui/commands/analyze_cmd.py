"""``newsread analyze``: summary, attendees and objectives of a whole corpus, as data.

Two modes. With ``--out``, every input article becomes one record (the analysis contract's JSON
plus ``id``, ``path`` and ``error``) in JSON Lines, a Parquet file or a folder of Parquet parts.
Without it, ``--library-all`` and ``@ID``s fill the library's analysis cache, skipping what is
cached already. Either way the work runs in worker processes (``--jobs``) or on a Dask cluster
(``--dask``), streaming, with a progress bar on a terminal and a one-line summary at the end.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from articles.corpus_io import (
    CorpusError,
    InputOptions,
    SeenIds,
    count_documents,
    is_library_ref,
    library_documents,
    open_output,
    output_kind,
    read_documents,
)
from articles.sources import STDIN
from summarize.batch import Document, Result
from tui.errors import UsageError, UserError, report, say, stderr_is_terminal
from tui.inputs import check_stdin_once, language_option
from tui.options import GlobalOptions


def analyze(
    options: GlobalOptions,
    *,
    inputs: Sequence[str],
    out: str | None,
    library_all: bool,
    jobs: int | None,
    unordered: bool,
    resume: bool,
    text_field: str,
    id_field: str | None,
    title_field: str | None,
    input_format: str,
    language: str | None,
    dask: str | None,
    partition_size: int,
    timeout: float,
) -> int:
    """Analyse every input article: records into ``--out``, or the library's cache without it."""
    refs = list(inputs)
    if not refs and not library_all:
        raise UsageError(
            "nothing to analyse: give inputs (files, folders, .jsonl, .parquet, '-', @ID) or --library-all"
        )
    check_stdin_once(refs)
    lang = language_option(language)
    plan = Plan(jobs, not unordered, resume, dask, partition_size, timeout or None)
    meter = Meter(time.monotonic())
    if out is None:
        _check_cache_mode(refs, lang, dask)
        _fill_cache(options, refs, library_all, plan, meter)
    else:
        reading = InputOptions(text_field, id_field or None, title_field or None, input_format, lang)
        _write_records(options, refs, out, library_all, reading, plan, meter)
    return 1 if meter.failed or meter.input_errors else 0


@dataclass(frozen=True)
class Plan:
    """How the work runs: worker processes or a Dask cluster, in order or not, continuing or not."""

    jobs: int | None
    ordered: bool
    resume: bool
    dask: str | None
    partition_size: int
    timeout: float | None


def _check_cache_mode(refs: list[str], lang: str | None, dask: str | None) -> None:
    files = [ref for ref in refs if not is_library_ref(ref)]
    if files:
        raise UsageError(
            f"{files[0]}: without --out, analyze fills the library's analysis cache from @IDs or --library-all;"
            " give --out PATH (.jsonl, .parquet, a folder/ or -) to analyse files"
        )
    if dask:
        raise UsageError("--dask writes a Parquet dataset: give --out FOLDER/")
    if lang:
        raise UsageError("--language: the cache holds each article's analysis in its own language; use --out")


# -- filling the library's cache ---------------------------------------------------------------


def _fill_cache(options: GlobalOptions, refs: list[str], library_all: bool, plan: Plan, meter: Meter) -> None:
    from articles.analysis_cache import analyzer_version
    from summarize.batch import analyze_many
    from tui.library_access import library_errors, open_library

    version = analyzer_version()
    with library_errors(), open_library(options.library) as library:
        ids = [int(ref[1:]) for ref in refs] + (library.ids() if library_all else [])
        ids = list(dict.fromkeys(ids))  # an article given twice is analysed once
        hashes: dict[str, str] = {}  # the content hash of each article in flight

        def uncached() -> Iterator[Document]:
            for article_id in ids:
                try:
                    article = library.get(article_id)
                except KeyError:
                    meter.input_error(f"@{article_id}: no article with id {article_id} in the library")
                    continue
                if library.cached_analysis(article.content_hash, version) is not None:
                    meter.skip()
                    continue
                hashes[f"@{article_id}"] = article.content_hash
                yield Document(article.text, f"@{article_id}", article.language)

        with meter.showing(len(ids), "Analysing"):
            for result in analyze_many(uncached(), jobs=plan.jobs, ordered=plan.ordered, timeout=plan.timeout):
                article_hash = hashes.pop(result.id)
                if result.analysis is not None:
                    library.store_analysis(article_hash, version, result.analysis)
                else:
                    report(f"{result.id}: {result.error}")
                meter.done(result)
    meter.summary(into="the library's cache")


# -- writing records ---------------------------------------------------------------------------


def _write_records(
    options: GlobalOptions,
    refs: list[str],
    out: str,
    library_all: bool,
    reading: InputOptions,
    plan: Plan,
    meter: Meter,
) -> None:
    if out == STDIN and plan.resume:
        raise UsageError("--resume needs an output file to continue, not '-'")
    if not plan.dask:
        try:
            output_kind(out)
        except CorpusError as exc:
            raise UsageError(f"--out: {exc}") from None
    if plan.dask and (out == STDIN or out.lower().endswith((".jsonl", ".ndjson"))):
        raise UsageError("--dask writes a Parquet dataset: give --out FOLDER/")
    library = _library_for(options, refs, library_all)
    try:
        documents: Iterable[Document] = read_documents(refs, reading, meter.input_error, library, output=out)
        if library is not None and library_all:
            documents = _chain(
                documents, library_documents(library, library.ids(), reading.language, meter.input_error)
            )
        total = _total(refs, reading, library if library_all else None) if meter.visible else None
        if plan.dask:
            _on_cluster(plan.dask, documents, out, plan, meter, total)
        else:
            _locally(documents, out, plan, meter, total)
    except CorpusError as exc:
        raise UserError(str(exc)) from None
    finally:
        if library is not None:
            library.close()


def _library_for(options: GlobalOptions, refs: list[str], library_all: bool) -> Any:
    if not library_all and not any(is_library_ref(ref) for ref in refs):
        return None
    from tui.library_access import library_errors, open_library

    with library_errors():
        return open_library(options.library)


def _chain(*parts: Iterable[Document]) -> Iterator[Document]:
    for part in parts:
        yield from part


def _total(refs: list[str], reading: InputOptions, library: Any) -> int | None:
    counted = count_documents(refs, reading)
    if counted is None:
        return None
    return counted + (library.count() if library is not None else 0)


def _locally(documents: Iterable[Document], out: str, plan: Plan, meter: Meter, total: int | None) -> None:
    from summarize.batch import analyze_many
    from tui.sanitize import escape_json

    writer, seen = open_output(
        out, resume=plan.resume, stdout=sys.stdout, escape=escape_json, part_size=plan.partition_size
    )
    interrupted = True
    try:
        with meter.showing(total, "Analysing"):
            todo = meter.unseen(documents, seen)
            for result in analyze_many(todo, jobs=plan.jobs, ordered=plan.ordered, timeout=plan.timeout):
                writer.write(result)
                meter.done(result)
        interrupted = False
    finally:
        writer.close()
        if interrupted and meter.worked and out != STDIN:
            meter.summary(into=out, stopped=True)
    meter.summary(into="standard output" if out == STDIN else out)


def _on_cluster(
    address: str, documents: Iterable[Document], out: str, plan: Plan, meter: Meter, total: int | None
) -> None:
    import os

    from articles.corpus_cluster import connect, run_on_cluster
    from articles.corpus_io import need_pyarrow, read_parts

    need_pyarrow()
    if os.path.exists(out) and not os.path.isdir(out):
        raise UsageError(f"--out: {out} is a file; --dask writes a folder of Parquet parts")
    seen = SeenIds()
    first = 0
    if os.path.isdir(out) and any(os.scandir(out)):
        if not plan.resume:
            raise UserError(f"{out}: already exists; --resume continues it, or remove it first")
        first = read_parts(out, seen)
    interrupted = True
    try:
        with connect(address, plan.jobs) as client, meter.showing(total, "Analysing"):
            run_on_cluster(
                client,
                meter.unseen(documents, seen),
                out,
                first_part=first,
                partition_size=plan.partition_size,
                on_part=lambda done: meter.add(done.analysed, done.failed),
            )
        interrupted = False
    finally:
        if interrupted and meter.worked:
            meter.summary(into=out, stopped=True)
    meter.summary(into=out)


# -- progress and the summary line -------------------------------------------------------------


@dataclass
class Meter:
    """Counts for the summary line, and the progress bar (rate, ETA) on stderr when it is a terminal."""

    started: float
    analysed: int = 0
    failed: int = 0
    skipped: int = 0
    input_errors: int = 0
    visible: bool = field(default_factory=stderr_is_terminal)
    _progress: Any = field(default=None, init=False)
    _task: Any = field(default=None, init=False)

    def showing(self, total: int | None, description: str) -> Any:
        import contextlib

        if not self.visible:
            return contextlib.nullcontext()
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        columns: list[Any] = [TextColumn("{task.description}")]
        if total:
            columns += [BarColumn(), MofNCompleteColumn()]
        else:
            columns += [TextColumn("{task.completed}")]
        columns += [_rate_column()]
        if total:
            columns += [TimeRemainingColumn()]
        self._progress = Progress(*columns, console=Console(stderr=True), transient=True)
        self._task = self._progress.add_task(description, total=total or None)
        return self._progress

    @property
    def worked(self) -> bool:
        """Whether any article was analysed or failed (a stopped run then tells how far it got)."""
        return bool(self.analysed or self.failed)

    def _advance(self, count: int) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, count)

    def unseen(self, documents: Iterable[Document], seen: SeenIds) -> Iterator[Document]:
        """``documents`` without the ones the output holds already (counted as skipped)."""
        if not len(seen):
            yield from documents
            return
        for doc in documents:
            if doc.id in seen:
                self.skip()
            else:
                yield doc

    def skip(self) -> None:
        self.skipped += 1
        if self._progress is not None and self._task is not None:
            total = self._progress.tasks[0].total
            if total:  # skipped work is not part of the rate: it leaves the total instead
                self._progress.update(self._task, total=max(total - 1, 0))

    def done(self, result: Result) -> None:
        self.add(1 if result.ok else 0, 0 if result.ok else 1)

    def add(self, analysed: int, failed: int) -> None:
        self.analysed += analysed
        self.failed += failed
        self._advance(analysed + failed)

    def input_error(self, message: str) -> None:
        self.input_errors += 1
        report(message)

    def summary(self, *, into: str, stopped: bool = False) -> None:
        seconds = time.monotonic() - self.started
        rate = (self.analysed + self.failed) / seconds if seconds > 0 else 0.0
        line = (
            f"analysed {self.analysed:,}, failed {self.failed:,}, skipped {self.skipped:,}"
            f" in {_duration(seconds)} ({rate:.1f} articles/s) into {into}"
        )
        if self.input_errors:
            line += f"; {self.input_errors:,} inputs unreadable"
        if stopped:
            line = f"stopped: {line}; --resume continues"
        say(f"newsread: {line}")


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m{seconds:02d}s" if hours else f"{minutes}m{seconds:02d}s"


def _rate_column() -> Any:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Articles per second over the last few seconds."""

        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f}/s" if speed else "…/s")

    return RateColumn()
