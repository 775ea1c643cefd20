"""Many analyses at once: ``analyze_many`` runs ``analyze`` over a stream of texts on every core.

A corpus of millions of articles does not fit in memory, and one process uses one core: texts
are read from the iterable only as workers free up (a bounded window of small chunks), results
come back in input order (or as they finish), and memory stays flat however long the input is.

One bad article never stops the run: an exception, a timeout, even a worker process that dies
becomes a ``Result`` with ``error`` set and the others go on. A ``Result``'s JSON (``to_json``)
is one record of ``newsread analyze``: the analysis contract's JSON plus ``id``, ``path`` and
``error``, the same shape in JSON Lines and Parquet.

Pure like the rest of ``summarize``: texts in, values out; no file is read or written here.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from typing import Any

from summarize.analysis import Analysis, AnalysisFormatError, analyze

Analyzer = Callable[[str, str | None], Analysis]

# The keys of ``Analysis.to_json()``, in order: a failed article's record has them all, as null.
ANALYSIS_KEYS = ("format", "language", "title", "method", "sentences", "attendees", "attendee_groups", "objectives")
RECORD_KEYS = ("id", "path", "error", *ANALYSIS_KEYS)

CHUNK_SIZE = 8  # texts per task: enough to hide the pickling round trip, small enough to keep cores busy
CHUNKS_PER_WORKER = 4  # the window: how many chunks may wait per worker (bounds memory in ordered mode too)
WORKER_DIED = "the worker process analysing it died (out of memory, or killed)"
FRESH_POOL_DEATHS = 5  # pools in a row that die before finishing a task: the workers cannot start at all


@dataclass(frozen=True, slots=True)
class Document:
    """One text to analyse, with what the record should say about where it came from.

    ``id`` names it in the results (the position in the input when None); ``language`` skips the
    detection; ``title`` is a headline known from elsewhere (a JSON field) and replaces the one the
    summarizer finds. ``error`` marks a text that could not be read: it is passed through as a
    failed ``Result`` without being analysed, so the output still says what happened to it.
    """

    text: str
    id: str | None = None
    language: str | None = None
    title: str | None = None
    path: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Result:
    """The analysis of one ``Document`` (``error`` None), or why there is none."""

    id: str
    analysis: Analysis | None
    error: str | None = None
    path: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_json(self) -> dict[str, Any]:
        """The record: ``id``, ``path``, ``error``, then the analysis contract's keys (null when it failed)."""
        head = {"id": self.id, "path": self.path, "error": self.error}
        if self.analysis is None:
            return {**head, **dict.fromkeys(ANALYSIS_KEYS)}
        return {**head, **self.analysis.to_json()}

    @classmethod
    def from_json(cls, data: Any) -> Result:
        """The ``Result`` of one record; ``AnalysisFormatError`` unless it is exactly this shape."""
        if not isinstance(data, Mapping) or set(data) != set(RECORD_KEYS):
            keys = sorted(data) if isinstance(data, Mapping) else type(data).__name__
            raise AnalysisFormatError(f"record: expected the keys {list(RECORD_KEYS)}, got {keys}")
        if not isinstance(data["id"], str):
            raise AnalysisFormatError("id: expected a string")
        for key in ("path", "error"):
            if data[key] is not None and not isinstance(data[key], str):
                raise AnalysisFormatError(f"{key}: expected a string or null")
        if data["error"] is not None:
            if any(data[key] is not None for key in ANALYSIS_KEYS):
                raise AnalysisFormatError("a failed record carries no analysis")
            return cls(data["id"], None, data["error"], data["path"])
        analysis = Analysis.from_json({key: data[key] for key in ANALYSIS_KEYS})
        return cls(data["id"], analysis, None, data["path"])


class ArticleTimeout(BaseException):
    """The analysis of one text ran past its time; a ``BaseException`` so no ``except Exception`` in
    the analysis swallows it."""


def default_jobs() -> int:
    """The cores this process may use (its CPU affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def analyze_many(
    items: Iterable[str | Document],
    *,
    jobs: int | None = None,
    ordered: bool = True,
    analyzer: Analyzer = analyze,
    timeout: float | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Result]:
    """A ``Result`` per item (a text, or a ``Document``), in input order unless ``ordered=False``.

    ``jobs`` worker processes (default: every core this process may use; 1 runs here, without
    processes) take chunks of ``chunk_size`` texts; ``items`` is read only as far as the window of
    pending chunks allows, so an endless stream works. ``analyzer(text, language)`` is
    ``summarize.analyze`` by default; any picklable function (``functools.partial(analyze,
    method="lead")``) works. ``timeout`` seconds per text (in the main thread of each worker; not
    for ``jobs=1`` outside the main thread). The id of a plain text is its position (``"0"``...).
    """
    count = default_jobs() if jobs is None else jobs
    if count < 1:
        raise ValueError(f"jobs must be 1 or more, not {count}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be 1 or more, not {chunk_size}")
    documents = (_document(item, number) for number, item in enumerate(items))
    if count > 1:
        import pickle

        try:
            pickle.dumps(analyzer)
        except Exception as exc:  # a lambda, a local function: workers could not receive it
            raise TypeError(f"analyzer must be picklable to run in worker processes ({exc})") from exc
    if count == 1:
        return (_finish(doc, _analyze_one(analyzer, timeout, doc)) for doc in documents)
    return _Pool(count, ordered, analyzer, timeout, chunk_size).run(documents)


def _document(item: str | Document, number: int) -> Document:
    if isinstance(item, str):
        return Document(item, str(number))
    if isinstance(item, Document):
        return item if item.id is not None else replace(item, id=str(number))
    raise TypeError(f"analyze_many takes texts or Documents, not {type(item).__name__}")


# -- one text ----------------------------------------------------------------------------------

Outcome = tuple[Analysis | None, str | None]  # what a worker sends back for one text


def _analyze_one(analyzer: Analyzer, timeout: float | None, doc: Document) -> Outcome:
    if doc.error is not None:
        return None, doc.error
    return _outcome(analyzer, timeout, doc.text, doc.language, doc.title)


def _outcome(analyzer: Analyzer, timeout: float | None, text: str, language: str | None, title: str | None) -> Outcome:
    """The analysis, or the one-line reason there is none; nothing but Ctrl-C escapes."""
    try:
        analysis = _within(timeout, lambda: analyzer(text, language))
    except ArticleTimeout:
        return None, f"the analysis took longer than {timeout:g} s"
    except RecursionError:
        return None, "RecursionError: the text nests too deeply"
    except Exception as exc:
        message = " ".join(str(exc).split())
        return None, f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    if not isinstance(analysis, Analysis):
        return None, f"the analyzer returned {type(analysis).__name__}, not an Analysis"
    return (replace(analysis, title=title) if title else analysis), None


def _within(timeout: float | None, run: Callable[[], Analysis]) -> Analysis:
    """``run()``, interrupted by ``ArticleTimeout`` after ``timeout`` seconds (an interval timer:
    only the main thread of a process can have one)."""
    if not timeout or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return run()

    def expire(signum: int, frame: Any) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return run()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _finish(doc: Document, outcome: Outcome) -> Result:
    return Result(doc.id or "", outcome[0], outcome[1], doc.path)


# -- worker processes --------------------------------------------------------------------------


def _start_worker() -> None:
    """Workers leave Ctrl-C to the main process, which stops them, and die with it (Linux)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    import summarize.attendees
    import summarize.objectives
    import summarize.summary  # noqa: F401  (loaded once per worker, before the first chunk)


def _work(analyzer: Analyzer, timeout: float | None, texts: list[tuple[str, str | None, str | None]]) -> list[Outcome]:
    """One chunk, in a worker."""
    return [_outcome(analyzer, timeout, text, language, title) for text, language, title in texts]


@dataclass
class _Chunk:
    """Consecutive documents, sent together; ``outcomes`` fill in as their tasks finish."""

    number: int
    documents: list[Document]
    outcomes: list[Outcome | None] = field(init=False)
    missing: int = field(init=False)

    def __post_init__(self) -> None:
        self.outcomes = [None] * len(self.documents)
        self.missing = len(self.documents)
        for position, doc in enumerate(self.documents):
            if doc.error is not None:
                self.settle(position, (None, doc.error))

    def settle(self, position: int, outcome: Outcome) -> None:
        if self.outcomes[position] is None:
            self.outcomes[position] = outcome
            self.missing -= 1

    def todo(self) -> list[int]:
        return [p for p, outcome in enumerate(self.outcomes) if outcome is None]

    def results(self) -> list[Result]:
        return [
            _finish(doc, outcome or (None, WORKER_DIED))
            for doc, outcome in zip(self.documents, self.outcomes, strict=True)
        ]


@dataclass
class _Pool:
    """The process pool behind ``analyze_many``: a bounded window of chunks in flight.

    When a worker dies, the pool breaks and takes every running task with it. A new pool then
    runs the unfinished texts one at a time: the one that kills a worker alone is the culprit, and
    only it fails; the others are analysed as usual.
    """

    jobs: int
    ordered: bool
    analyzer: Analyzer
    timeout: float | None
    chunk_size: int
    _executor: ProcessPoolExecutor | None = field(default=None, init=False)
    _tasks: dict[Future[list[Outcome]], tuple[_Chunk, list[int]]] = field(default_factory=dict, init=False)
    _suspects: deque[tuple[_Chunk, int]] = field(default_factory=deque, init=False)
    _probing: bool = field(default=False, init=False)  # one suspect runs, alone in the pool
    _complete: dict[int, _Chunk] = field(default_factory=dict, init=False)  # waiting for their turn
    _fresh: bool = field(default=True, init=False)  # this pool has not finished a task yet
    _fresh_deaths: int = field(default=0, init=False)

    def run(self, documents: Iterator[Document]) -> Iterator[Result]:
        chunks = self._chunks(documents)
        window = self.jobs * CHUNKS_PER_WORKER
        waiting = 0  # chunks taken from the input and not yet yielded
        turn = 0  # the chunk to yield next, in ordered mode
        exhausted = False
        try:
            while True:
                while not exhausted and waiting < window and not self._suspects and not self._probing:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                        break
                    waiting += 1
                    self._start(chunk, chunk.todo())
                if self._suspects and not self._tasks:
                    chunk, position = self._suspects.popleft()
                    self._probing = True
                    self._start(chunk, [position])
                if self._tasks:
                    self._wait()
                while self._complete:
                    number = turn if self.ordered else next(iter(self._complete))
                    if number not in self._complete:
                        break
                    chunk = self._complete.pop(number)
                    turn += number == turn
                    waiting -= 1
                    yield from chunk.results()
                if exhausted and not waiting:
                    return
        finally:
            self._shutdown()

    def _chunks(self, documents: Iterator[Document]) -> Iterator[_Chunk]:
        batch: list[Document] = []
        number = 0
        for doc in documents:
            batch.append(doc)
            if len(batch) == self.chunk_size:
                yield _Chunk(number, batch)
                number, batch = number + 1, []
        if batch:
            yield _Chunk(number, batch)

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            import multiprocessing

            # forkserver: workers start from a clean process, never a fork of one that runs threads
            # (a progress bar, pyarrow's thread pools, a Dask client).
            method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            self._executor = ProcessPoolExecutor(
                self.jobs, mp_context=multiprocessing.get_context(method), initializer=_start_worker
            )
        return self._executor

    def _start(self, chunk: _Chunk, positions: list[int]) -> None:
        if not positions:  # nothing to analyse (texts that could not be read)
            self._complete[chunk.number] = chunk
            return
        texts = [(d.text, d.language, d.title) for d in (chunk.documents[p] for p in positions)]
        try:
            future = self._pool().submit(_work, self.analyzer, self.timeout, texts)
        except BrokenProcessPool:  # it broke since the last look: these wait for the next pool
            self._suspects.extend((chunk, p) for p in positions)
            self._probing = False
            self._shutdown()
            return
        self._tasks[future] = (chunk, positions)

    def _wait(self) -> None:
        """Wait for a task to finish and settle what it says; after a crash, suspect the rest."""
        done, _ = wait(list(self._tasks), return_when=FIRST_COMPLETED)
        broken = False
        for future in done:
            chunk, positions = self._tasks.pop(future)
            outcomes: list[Outcome]
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                broken = True
                if not self._probing:
                    self._suspects.extend((chunk, p) for p in positions)
                    continue
                outcomes = [(None, WORKER_DIED)]  # it was alone in the pool: the culprit
            except Exception as exc:  # its results could not be sent back (pickling)
                outcomes = [(None, f"{type(exc).__name__}: {exc}")] * len(positions)
            else:
                self._fresh, self._fresh_deaths = False, 0
            for position, outcome in zip(positions, outcomes, strict=True):
                chunk.settle(position, outcome)
            if chunk.missing == 0:
                self._complete[chunk.number] = chunk
        self._probing = False
        if broken:
            self._fresh_deaths += self._fresh
            if self._fresh_deaths >= FRESH_POOL_DEATHS:
                raise RuntimeError("worker processes die before analysing anything (see their messages above)")
            for chunk, positions in self._tasks.values():  # they died with the pool
                self._suspects.extend((chunk, p) for p in positions)
            self._tasks.clear()
            self._shutdown()

    def _shutdown(self) -> None:
        executor, self._executor = self._executor, None
        self._fresh = True
        if executor is None:
            return
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:  # running chunks are not waited for (Ctrl-C, or a broken pool)
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)
