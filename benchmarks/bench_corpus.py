"""Corpus scale: articles per second of ``newsread analyze`` by mode, and memory as the input grows.

Measures, in one run and on one generated corpus (``benchmarks/gen_articles.py``, news-length
articles, half Arabic, half English):

- articles/s of ``newsread analyze FILES --out X.jsonl`` with ``--jobs 1``, ``--jobs 2`` and
  ``--dask local --jobs 2`` (a LocalCluster of two single-threaded workers, started by newsread);
- the baseline: a shell loop of ``newsread summarize FILE`` over the first ``--loop`` files,
  scaled to the corpus (it does less work per article: no attendees, no objectives);
- peak resident memory of the driver and of each worker process (sampled every 0.2 s);
- memory as the input grows: ``--jobs 2`` over JSON Lines of ``--count`` and ``--large`` articles.

Each mode runs ``--rounds`` times, in a rotated order (the machine is shared and noisy): the
report gives medians and the ratios within each round, and writes every figure to
``WORKDIR/results.json``. Run it niced:

    nice -n 10 python benchmarks/bench_corpus.py /tmp/bench-corpus --count 10000 --large 100000
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_articles import article, generate

NEWSREAD = str(Path(sys.executable).with_name("newsread"))
PART = 250  # articles per Parquet part (and per Dask task): the windows the median pace is taken over
MODES = {
    "jobs1": ["--jobs", "1"],
    "jobs2": ["--jobs", "2"],
    "dask2": ["--dask", "local", "--jobs", "2"],
}


@dataclass
class Run:
    """One timed command: wall seconds, articles per second, peak RSS (MB) of its processes."""

    mode: str
    articles: int
    seconds: float
    rate: float
    driver_mb: float
    worker_mb: list[float] = field(default_factory=list)
    cpu_seconds: float = 0.0  # user + system of every process of the tree (sampled: the last 0.2 s may be missed)
    driver_cpu_seconds: float = 0.0  # ... of the newsread process alone: what one driver can feed a cluster
    window_rates: list[float] = field(default_factory=list)  # articles/s between consecutive parts written

    @property
    def median_window_rate(self) -> float:
        """The run's typical pace, robust to a burst of other users' load (and to start-up): the
        median over sliding windows of ``WINDOW`` parts (workers finish parts in bunches, so one
        part's interval alone swings between near zero and a whole cycle)."""
        return median_window(self.window_rates, PART) or self.rate

    @property
    def cpu_ms_per_article(self) -> float:
        return 1000 * self.cpu_seconds / self.articles


def sample(
    root: int, stop: threading.Event, peaks: dict[int, float], roles: dict[int, str], cpu: dict[int, float]
) -> None:
    """Peak RSS and CPU time of ``root`` and its descendants until ``stop``; helpers (forkserver,
    nanny, resource tracker) told apart from workers: a worker is a process that never had children."""
    import psutil

    parents: set[int] = set()
    try:
        top = psutil.Process(root)
    except psutil.NoSuchProcess:
        return
    while not stop.is_set():
        try:
            tree = [top, *top.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        for process in tree:
            try:
                rss = process.memory_info().rss / 1e6
                times = process.cpu_times()
                parent = process.ppid()
                command = " ".join(process.cmdline())
            except psutil.Error:
                continue
            parents.add(parent)
            peaks[process.pid] = max(peaks.get(process.pid, 0.0), rss)
            cpu[process.pid] = times.user + times.system
            if process.pid == root:
                roles[process.pid] = "driver"
            elif "resource_tracker" in command:
                roles[process.pid] = "helper"
            else:
                roles.setdefault(process.pid, "worker")
        for pid in parents:
            if roles.get(pid) == "worker":
                roles[pid] = "helper"  # a forkserver or a nanny: its children are the workers
        stop.wait(0.2)


def median_window(rates: list[float], rows: int, width: int = 4) -> float | None:
    """The median rate over sliding windows of ``width`` consecutive part intervals, from the
    rates of single intervals (each ``rows`` articles)."""
    seconds = [rows / r for r in rates if r > 0]
    if len(seconds) < width:
        return statistics.median(rates) if rates else None
    return statistics.median(width * rows / sum(seconds[i : i + width]) for i in range(len(seconds) - width + 1))


def window_rates(folder: Path) -> list[float]:
    """Articles per second between consecutive Parquet parts of an output folder (by their times)."""
    if not folder.is_dir():
        return []
    import pyarrow.parquet as pq

    parts = sorted((p.stat().st_mtime, pq.ParquetFile(p).metadata.num_rows) for p in folder.glob("part-*.parquet"))
    return [rows / (t - t0) for (t0, _), (t, rows) in itertools.pairwise(parts) if t > t0]


def timed(mode: str, command: list[str], articles: int, out: Path | None = None) -> Run:
    stop = threading.Event()
    peaks: dict[int, float] = {}
    roles: dict[int, str] = {}
    cpu: dict[int, float] = {}
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = threading.Thread(target=sample, args=(process.pid, stop, peaks, roles, cpu), daemon=True)
    sampler.start()
    _, err = process.communicate()
    seconds = time.monotonic() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{mode}: exit {process.returncode}: {err.decode()[-500:]}")
    workers = sorted((peaks[pid] for pid, role in roles.items() if role == "worker"), reverse=True)
    driver = peaks.get(process.pid, 0.0)
    run = Run(mode, articles, seconds, articles / seconds, driver, [round(w, 1) for w in workers], sum(cpu.values()))
    run.driver_cpu_seconds = cpu.get(process.pid, 0.0)
    if out is not None:
        run.window_rates = [round(r, 2) for r in window_rates(out)]
    print(
        f"  {mode:>8}: {articles:>7,} articles in {seconds:8.1f} s = {run.rate:6.1f}/s"
        f" (median window {run.median_window_rate:.1f}/s),"
        f" {run.cpu_ms_per_article:.1f} CPU-ms each ({1000 * run.driver_cpu_seconds / articles:.1f} in the driver);"
        f" driver {run.driver_mb:.0f} MB, workers {', '.join(f'{w:.0f}' for w in workers) or '-'} MB",
        flush=True,
    )
    return run


def analyze_command(inputs: list[str], out: Path, options: list[str]) -> list[str]:
    """Every mode writes the same output, a folder of Parquet parts (what a cluster writes)."""
    return [NEWSREAD, "analyze", *inputs, "--out", f"{out}/", "--partition-size", str(PART), *options]


def remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def shell_loop(files: list[Path], work: Path) -> Run:
    """``for f in ...; do newsread summarize "$f"; done``, as a script would."""
    listing = work / "loop-files.txt"
    listing.write_text("\n".join(map(str, files)) + "\n", encoding="utf-8")
    script = f'while IFS= read -r f; do "{NEWSREAD}" summarize "$f" > /dev/null || exit 1; done < "{listing}"'
    return timed("loop", ["bash", "-c", script], len(files))


def write_jsonl(path: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            handle.write(json.dumps({"id": f"a{number}", "text": article(rng, number)}, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path, help="a scratch folder (corpora and outputs)")
    parser.add_argument("--count", type=int, default=10_000, help="articles of the main corpus")
    parser.add_argument("--large", type=int, default=100_000, help="articles of the memory-growth run (0: skip)")
    parser.add_argument("--loop", type=int, default=300, help="files the shell loop baseline runs on")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each mode (medians over them)")
    parser.add_argument("--modes", default=",".join(MODES), help="which of " + ", ".join(MODES))
    args = parser.parse_args()
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    modes = [m for m in args.modes.split(",") if m]

    files_dir = work / "files"
    if not files_dir.exists() or sum(1 for _ in files_dir.rglob("*.txt")) != args.count:
        remove(files_dir)
        generate(files_dir, args.count, seed=1)
    files = sorted(files_dir.rglob("*.txt"))
    size = sum(p.stat().st_size for p in files) / len(files)
    print(f"corpus: {len(files):,} articles, {size / 1000:.1f} kB each on average; {os.cpu_count()} cores", flush=True)

    runs: list[Run] = []
    for round_number in range(args.rounds):
        print(f"round {round_number + 1}", flush=True)
        turn = round_number % max(len(modes), 1)
        order = modes[turn:] + modes[:turn]
        for mode in order:
            out = work / f"out-{mode}"
            remove(out)
            runs.append(timed(mode, analyze_command([str(files_dir)], out, MODES[mode]), len(files), out))
            remove(out)
        if args.loop:
            runs.append(shell_loop(files[: args.loop], work))

    growth: list[Run] = []
    if args.large:
        print("memory as the input grows (--jobs 2, JSON Lines)", flush=True)
        for count in (args.count, args.large):
            corpus = work / f"corpus-{count}.jsonl"
            if not corpus.exists():
                write_jsonl(corpus, count, seed=2)
            out = work / f"out-growth-{count}"
            remove(out)
            command = analyze_command([str(corpus)], out, MODES["jobs2"])
            growth.append(timed(f"grow{count // 1000}k", command, count, out))
            remove(out)

    report(runs, growth, args, work)


def median_rate(runs: list[Run], mode: str) -> float:
    rates = [r.median_window_rate for r in runs if r.mode == mode]
    return statistics.median(rates) if rates else float("nan")


def report(runs: list[Run], growth: list[Run], args: argparse.Namespace, work: Path) -> None:
    rounds: list[dict[str, Run]] = []
    current: dict[str, Run] = {}
    for run in runs:
        if run.mode in current:
            rounds.append(current)
            current = {}
        current[run.mode] = run
    rounds.append(current)

    def ratio(a: str, b: str) -> float:
        values = [r[a].median_window_rate / r[b].median_window_rate for r in rounds if a in r and b in r]
        return statistics.median(values) if values else float("nan")

    print("\nmedians over rounds")
    for mode in [*MODES, "loop"]:
        mine = [r for r in runs if r.mode == mode]
        if not mine:
            continue
        worker = max((max(r.worker_mb, default=0.0) for r in mine), default=0.0)
        driver = max(r.driver_mb for r in mine)
        rate = median_rate(runs, mode)
        cost = statistics.median(r.cpu_ms_per_article for r in mine)
        print(
            f"  {mode:>8}: {rate:6.2f} articles/s (median window), {cost:.1f} CPU-ms/article;"
            f" peak driver {driver:.0f} MB, worker {worker:.0f} MB"
        )
    figures = {
        "jobs2 / jobs1": ratio("jobs2", "jobs1"),
        "dask2 / jobs1": ratio("dask2", "jobs1"),
        "jobs2 / loop": ratio("jobs2", "loop"),
        "jobs1 / loop": ratio("jobs1", "loop"),
    }

    def cost(mode: str) -> float:
        values = [r.cpu_ms_per_article for r in runs if r.mode == mode]
        return statistics.median(values) if values else float("nan")

    # On a shared machine the wall-clock ratios carry the other users' load; CPU time per article
    # does not: the speed-up N workers would give on N free cores is N x (cost alone / cost pooled).
    figures["jobs2 / jobs1 on 2 free cores (from CPU time)"] = 2 * cost("jobs1") / cost("jobs2")
    figures["dask2 / jobs1 on 2 free cores (from CPU time)"] = 2 * cost("jobs1") / cost("dask2")
    print("ratios (within each round, median)")
    for name, value in figures.items():
        print(f"  {name}: {value:.2f}x")
    if len(growth) == 2:
        small, large = growth
        print(
            f"memory growth {small.articles:,} -> {large.articles:,} articles: driver {small.driver_mb:.0f} -> "
            f"{large.driver_mb:.0f} MB, worker {max(small.worker_mb, default=0):.0f} -> "
            f"{max(large.worker_mb, default=0):.0f} MB; rate {small.rate:.1f} -> {large.rate:.1f}/s"
        )
    results = {
        "count": args.count,
        "rounds": args.rounds,
        "runs": [asdict(r) for r in runs],
        "growth": [asdict(r) for r in growth],
        "ratios": figures,
        "medians": {mode: median_rate(runs, mode) for mode in [*MODES, "loop"]},
        "cpu_ms_per_article": {mode: cost(mode) for mode in [*MODES, "loop"]},
    }
    (work / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nevery figure: {work / 'results.json'}")


if __name__ == "__main__":
    main()
