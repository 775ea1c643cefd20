"""Wall time of ``newsread summarize`` against sumy's own CLI.

    python benchmarks/bench_summarize.py [--runs 7] [--dir DIR_OF_TXT_FILES]

1. One file (the bundled seed article): ``newsread summarize FILE`` against
   ``sumy lex-rank --language=arabic --length=3 --file=FILE``, runs interleaved, medians.
2. A batch: every ``*.txt`` in ``--dir`` (default: the EASC development articles in
   ../shared/eval/summ/data/easc/articles, 76 files) in one ``newsread summarize`` call
   against a shell loop running sumy once per file.
"""

from __future__ import annotations

import argparse
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


def timed(cmd: list[str] | str, shell: bool = False) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, shell=shell, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--batch-runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args()
    newsread = shutil.which("newsread") or sys.exit("newsread is not installed")
    sumy = shutil.which("sumy") or sys.exit("sumy's CLI is not installed")

    seed = str(sample_path(SEED))
    ours, theirs = [], []
    for _ in range(args.runs):
        ours.append(timed([newsread, "summarize", seed, "--sentences", "3"]))
        theirs.append(timed([sumy, "lex-rank", "--language=arabic", "--length=3", f"--file={seed}"]))
    print(f"one file ({Path(seed).name}), median of {args.runs} runs:")
    print(f"  newsread summarize      {statistics.median(ours) * 1000:8.0f} ms")
    print(f"  sumy lex-rank (its CLI) {statistics.median(theirs) * 1000:8.0f} ms")

    files = sorted(str(p) for p in args.dir.glob("*.txt")) if args.dir.is_dir() else []
    if not files:
        print(f"no batch: {args.dir} has no .txt files")
        return
    loop = " ; ".join(f"{sumy} lex-rank --language=arabic --length=3 --file='{f}'" for f in files)
    batch_ours, batch_theirs = [], []
    for _ in range(args.batch_runs):
        batch_ours.append(timed([newsread, "summarize", *files, "--sentences", "3", "--format", "json"]))
        batch_theirs.append(timed(loop, shell=True))
    ours_s, theirs_s = statistics.median(batch_ours), statistics.median(batch_theirs)
    print(f"batch of {len(files)} files, median of {args.batch_runs} runs:")
    print(f"  newsread summarize (one call) {ours_s:8.2f} s")
    print(f"  shell loop of sumy            {theirs_s:8.2f} s")
    print(f"  speed-up                      {theirs_s / ours_s:8.1f}x")


if __name__ == "__main__":
    main()
