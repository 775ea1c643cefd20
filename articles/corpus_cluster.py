"""``newsread analyze --dask``: a corpus analysed on a Dask distributed cluster.

The driver (the ``newsread`` process) reads the inputs as usual and cuts them into partitions of
``partition_size`` documents; each partition is one task, which analyses its documents on a
worker and writes its own part (``part-000042.parquet``) into the output folder. Parts are named
by input order and written whole (temporary file, then rename), so a task Dask retries after a
failure writes the same part again, and the folder is always a Parquet dataset. At most a few
partitions per worker thread are in flight: the driver's memory stays flat however large the
input. Workers need the output folder at the same path (a shared file system) and newsread
installed; a worker with a different analyzer refuses the task rather than mix results.

``dask`` and ``distributed`` are the optional extra ``newsread[cluster]``; nothing here imports
them until a cluster is asked for.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import uuid
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from articles.corpus_io import CorpusError, write_part
from summarize.batch import Document, analyze_many, default_jobs

CLUSTER_EXTRA = "pip install 'newsread[cluster]'"
LOCAL = "local"
RETRIES = 2  # a task that raises is tried this many times more (on any worker) before the run stops
TASKS_PER_THREAD = 2  # partitions in flight per worker thread
CONNECT_TIMEOUT = "10s"


class ClusterError(CorpusError):
    """The cluster cannot be used (not installed, unreachable, a part failed for good)."""


class AnalyzerMismatch(RuntimeError):
    """A worker runs another version of newsread's analyzer than the driver."""


@dataclass(frozen=True, slots=True)
class PartDone:
    """What one task did: its part, how many documents it analysed and how many failed."""

    number: int
    analysed: int
    failed: int
    worker: str


def analyse_part(folder: str, number: int, documents: list[Document], version: str) -> PartDone:
    """The task, on a worker: analyse ``documents`` in order and write them as part ``number``."""
    from articles.analysis_cache import analyzer_version

    mine = analyzer_version()
    if mine != version:
        raise AnalyzerMismatch(f"this worker's analyzer is {mine}, the run's is {version}: install the same newsread")
    results = list(analyze_many(documents, jobs=1))
    write_part(folder, number, results)
    failed = sum(1 for r in results if not r.ok)
    return PartDone(number, len(results) - failed, failed, f"{os.uname().nodename}:{os.getpid()}")


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ClusterError(f"--dask needs dask and distributed: {CLUSTER_EXTRA}") from None
    return distributed


@contextlib.contextmanager
def connect(address: str, workers: int | None = None) -> Iterator[Any]:
    """A ``distributed.Client`` of the scheduler at ``address``, or of a new ``LocalCluster`` of
    ``workers`` single-threaded worker processes on 127.0.0.1 for ``local``; closed on exit."""
    distributed = _distributed()
    for name in ("distributed", "tornado", "bokeh"):
        logging.getLogger(name).setLevel(logging.ERROR)  # one line on stderr for errors: newsread's own
    cluster = None
    try:
        if address == LOCAL:
            # One thread per worker: the analysis is pure Python and holds the GIL.
            cluster = distributed.LocalCluster(
                n_workers=workers or default_jobs(),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {' '.join(str(exc).split())}") from exc
    try:
        yield client
    finally:
        with contextlib.suppress(Exception):
            client.close(timeout=10)
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close(timeout=10)


def run_on_cluster(
    client: Any,
    documents: Iterable[Document],
    folder: str,
    *,
    first_part: int = 0,
    partition_size: int = 1000,
    on_part: Callable[[PartDone], None] = lambda done: None,
) -> int:
    """Analyse ``documents`` on ``client``'s cluster into parts of ``folder`` numbered from
    ``first_part``; ``on_part`` hears of each part as it is written (in any order). The number of
    parts written."""
    from articles.analysis_cache import analyzer_version

    distributed = _distributed()
    folder = os.path.abspath(folder)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise ClusterError(f"{folder}: cannot create the folder ({exc.strerror or exc})") from exc
    version = analyzer_version()
    run = uuid.uuid4().hex[:12]
    threads = sum(client.nthreads().values()) or 1
    window = max(2, TASKS_PER_THREAD * threads)
    partitions = _batched(documents, partition_size)
    numbers = itertools.count(first_part)
    finished = distributed.as_completed()
    in_flight: set[Any] = set()
    written = 0

    def top_up() -> None:
        while len(in_flight) < window:
            partition = next(partitions, None)
            if partition is None:
                return
            number = next(numbers)
            future = client.submit(
                analyse_part,
                folder,
                number,
                partition,
                version,
                key=f"newsread-analyze-{run}-{number}",
                retries=RETRIES,
                priority=-number,  # earlier parts first: the dataset fills in input order
            )
            in_flight.add(future)
            finished.add(future)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "large graph" for a partition of long articles: expected
            top_up()
            for future in finished:
                in_flight.discard(future)
                try:
                    done = future.result()
                except Exception as exc:
                    message = " ".join(str(exc).split()) or type(exc).__name__
                    raise ClusterError(f"a part failed {RETRIES + 1} times on the cluster: {message}") from exc
                finally:
                    future.release()
                written += 1
                on_part(done)
                top_up()
    finally:
        for future in in_flight:
            future.cancel()
    return written


def _batched(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in documents:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
