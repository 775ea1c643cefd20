"""Library benchmark: import 10,000 generated articles, then time the first page of the list and searches.

Goals (issue 5): import >= 1,000 articles/s; first list page and a search each < 50 ms.
Prints one line per figure; run on a quiet machine (the figures are wall-clock times).

    python benchmarks/bench_library.py [--count 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_articles import generate

from articles.importers import load
from articles.store import Library

QUERIES = ["الحكومة", "الامريكيه", "الوزير المدينة", "minister", "negotiations", "peace agreement", "harvest"]


def timed_ms(action, repeat: int = 20) -> float:
    """Median wall time of ``action`` in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run_cli(library: Path, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run(["newsread", "--library", str(library), *args], check=True, capture_output=True)
    return time.perf_counter() - start


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep the files")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsread-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "articles"
    if not corpus.exists():
        generate(corpus, args.count)
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    print(f"corpus: {len(files)} generated articles (mixed Arabic/English) under {corpus}")

    # 1. the real command, process start included
    cli_library = work / "cli.sqlite3"
    for leftover in (cli_library, Path(f"{cli_library}-wal"), Path(f"{cli_library}-shm")):
        leftover.unlink(missing_ok=True)
    cpu_before = children_cpu()
    seconds = run_cli(cli_library, "add", str(corpus))
    cpu = children_cpu() - cpu_before
    print(
        f"newsread add (whole command): {len(files) / seconds:,.0f} articles/s ({seconds:.2f} s wall); "
        f"CPU time {cpu:.2f} s = {len(files) / cpu:,.0f} articles per CPU-second (all processes)"
    )

    # 2. in-process: read + decode + parse + detect language + store, batches of 500
    library_path = work / "inproc.sqlite3"
    for leftover in (library_path, Path(f"{library_path}-wal"), Path(f"{library_path}-shm")):
        leftover.unlink(missing_ok=True)
    start, cpu_start = time.perf_counter(), time.process_time()
    with Library(library_path) as library:
        batch = []
        for path in files:
            batch.extend(load(path).articles)
            if len(batch) >= 500:
                library.add_many(batch)
                batch.clear()
        library.add_many(batch)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(
        f"import in one process (read + decode + parse + language + store): {len(files) / seconds:,.0f} articles/s "
        f"wall, {len(files) / cpu:,.0f} articles per CPU-second"
    )

    with Library(cli_library) as library:
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        count = library.count()
        print(f"library file: {size_of(cli_library) / 1e6:.1f} MB for {count} articles")
        first_page = timed_ms(lambda: Library(cli_library).rows(limit=100))
        print(f"first list page (open + 100 rows): {first_page:.2f} ms")
        for query in QUERIES:
            hits = library.search(query)
            ms = timed_ms(lambda q=query: library.search(q), repeat=10)
            print(f"search {query!r}: {ms:.2f} ms ({len(hits)} hits of up to 50, with snippets)")
    cli_list = statistics.median(run_cli(cli_library, "list") for _ in range(5)) * 1000
    cli_search = statistics.median(run_cli(cli_library, "search", "minister") for _ in range(5)) * 1000
    python_start = statistics.median(
        (lambda s: (subprocess.run([sys.executable, "-c", "pass"], check=True), time.perf_counter() - s)[1])(
            time.perf_counter()
        )
        for _ in range(5)
    )
    print(f"'newsread list' whole command: {cli_list:.0f} ms; 'newsread search minister': {cli_search:.0f} ms")
    print(f"(of which starting Python alone: {python_start * 1000:.0f} ms)")
    if not args.keep:
        for path in sorted(work.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        work.rmdir()
    print(f"cores: {os.cpu_count()}, load average at the end: {os.getloadavg()[0]:.2f} (other jobs slow wall times)")


if __name__ == "__main__":
    main()
