"""CPU and wall time of ``newsread summarize``, against another build of it and sumy's own CLI.

    python benchmarks/bench_summarize.py [--runs 7] [--dir DIR_OF_TXT_FILES] [--baseline OTHER_NEWSREAD]

1. One file (the bundled seed article): ``newsread summarize FILE --sentences 3``, against
   ``--baseline`` (another installed ``newsread``, e.g. the previous release's, to compare builds
   on the same machine in the same run) and ``sumy lex-rank --language=arabic --length=3``;
   runs interleaved, medians. CPU time (user + system of the child, from ``getrusage``) is the
   figure to quote on a shared machine: load stretches wall time, not CPU time.
2. A batch: every ``*.txt`` in ``--dir`` (default: the EASC development articles in
   ../shared/eval/summ/data/easc/articles, 76 files) in one ``newsread summarize`` call
   against a shell loop running sumy once per file.

sumy's CLI needs the optional ``pyarabic`` for Arabic; without it sumy fails, and its rows say so
instead of timing a failure.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from articles.samples import SEED, sample_path

# ../shared beside the checkout (a worktree under /work/wt/ sits one level deeper than /work/main)
DEFAULT_DIR = next(
    (
        up / "shared" / "eval" / "summ" / "data" / "easc" / "articles"
        for up in Path(__file__).resolve().parents
        if (up / "shared" / "eval" / "summ").is_dir()
    ),
    Path("../shared/eval/summ/data/easc/articles"),
)


def timed(cmd: list[str] | str, shell: bool = False) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the child (user + system) and its exit status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, shell=shell, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.returncode


def _row(name: str, runs: list[tuple[float, float, int]]) -> str:
    if any(code for _, _, code in runs):
        return f"  {name:28} failed (exit status {max(code for _, _, code in runs)})"
    wall, cpu = (statistics.median(r[k] for r in runs) * 1000 for k in (0, 1))
    return f"  {name:28} {cpu:8.0f} ms CPU {wall:8.0f} ms wall"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--batch-runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--baseline", help="another newsread executable to time in the same run")
    args = parser.parse_args()
    newsread = shutil.which("newsread") or sys.exit("newsread is not installed")
    sumy = shutil.which("sumy") or sys.exit("sumy's CLI is not installed")

    seed = str(sample_path(SEED))
    commands = {"newsread summarize": [newsread, "summarize", seed, "--sentences", "3"]}
    if args.baseline:
        commands["baseline"] = [args.baseline, "summarize", seed, "--sentences", "3"]
    commands["sumy lex-rank (its CLI)"] = [sumy, "lex-rank", "--language=arabic", "--length=3", f"--file={seed}"]
    results: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, cmd in commands.items():
            results[name].append(timed(cmd))
    print(f"one file ({Path(seed).name}), median of {args.runs} runs:")
    for name, runs in results.items():
        print(_row(name, runs))
    if args.baseline and not any(c for _, _, c in results["baseline"] + results["newsread summarize"]):
        ratios = [a[1] / b[1] for a, b in zip(results["newsread summarize"], results["baseline"], strict=True)]
        print(f"  CPU ratio newsread / baseline, median of pairs: {statistics.median(ratios):.2f}")

    files = sorted(str(p) for p in args.dir.glob("*.txt")) if args.dir.is_dir() else []
    if not files:
        print(f"no batch: {args.dir} has no .txt files")
        return
    batch = [newsread, "summarize", *files, "--sentences", "3", "--format", "json"]
    ours = [timed(batch) for _ in range(args.batch_runs)]
    print(f"batch of {len(files)} files, median of {args.batch_runs} runs:")
    print(_row("newsread summarize (one call)", ours))
    if any(code for _, _, code in results["sumy lex-rank (its CLI)"]):
        print("  shell loop of sumy: not run (sumy's CLI fails on the seed)")
        return
    loop = " ; ".join(f"{sumy} lex-rank --language=arabic --length=3 --file='{f}'" for f in files)
    theirs = [timed(loop, shell=True) for _ in range(args.batch_runs)]
    print(_row("shell loop of sumy", theirs))
    ours_s, theirs_s = statistics.median(r[0] for r in ours), statistics.median(r[0] for r in theirs)
    print(f"  speed-up (wall)              {theirs_s / ours_s:8.1f}x")


if __name__ == "__main__":
    main()
