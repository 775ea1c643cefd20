"""Worst-case time and memory of ``add``, ``summarize`` and ``extract`` on 50 MB inputs (docs/limits.md).

Three inputs of 50,000,000 bytes each, news-like English words at random (seed 1): one line; many
paragraphs (1-4 sentences each); an RSS feed of 10,000 entries (the entry limit) of about 5 KB.
Each command runs as a whole process under ``/usr/bin/time -v`` on a fresh library::

    python benchmarks/measure_limits.py [--size BYTES] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = (  # noqa: SIM905  (a sentence is easier to read than 28 quoted words)
    "the minister said talks were held on Monday with officials from both sides in Geneva about "
    "trade water and security after the summit and the president met delegation"
).split()


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + "."


def make(kind: str, size: int, path: Path) -> None:
    """Write a ``kind`` input (``line``, ``paragraphs`` or ``feed``) of about ``size`` bytes to ``path``."""
    rng = random.Random(1)
    if kind == "feed":
        per = size // 10_000
        items = []
        for i in range(10_000):
            body: list[str] = []
            while sum(map(len, body)) < per - 200:
                body.append(_sentence(rng))
            items.append(
                f"<item><title>Entry {i}</title><link>http://example.test/{i}</link>"
                f"<description>{' '.join(body)}</description></item>"
            )
        head = '<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>'
        path.write_text(head + "".join(items) + "</channel></rss>")
        return
    parts: list[str] = ["A headline for the long article"] if kind == "paragraphs" else []
    total = 0
    while total < size:
        part = _sentence(rng) if kind == "line" else " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
        parts.append(part)
        total += len(part) + 2
    path.write_text(("\n\n" if kind == "paragraphs" else " ").join(parts)[:size])


def measure(args: list[str], library: Path) -> tuple[int, float, int, str]:
    """(exit status, wall seconds, peak RSS in MB, last stderr line) of ``newsread ARGS``."""
    env = {**os.environ, "NEWSREAD_LIBRARY": str(library)}
    proc = subprocess.run(
        ["/usr/bin/time", "-v", sys.executable, "-m", "tui.entry", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    err = proc.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", err)
    assert wall is not None, err[-2000:]
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    assert rss is not None
    said = [line for line in err.splitlines() if line.startswith("newsread:")]
    return proc.returncode, seconds, int(rss.group(1)) // 1024, (said[-1] if said else "")[:110]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000_000)
    parser.add_argument("--keep", type=Path, default=None)
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="newsread-limits-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}")
    print("| input | command | exit | time (s) | peak RSS (MB) | says |")
    print("| --- | --- | --- | --- | --- | --- |")
    for kind, suffix in (("line", "txt"), ("paragraphs", "txt"), ("feed", "xml")):
        path = folder / f"{kind}.{suffix}"
        if not path.exists():
            make(kind, options.size, path)
        for command in ("add", "summarize", "extract"):
            library = folder / f"{kind}-{command}.db"
            library.unlink(missing_ok=True)
            status, seconds, rss, said = measure([command, str(path)], library)
            said = said.replace(str(folder) + "/", "")
            print(f"| {kind} ({path.stat().st_size:,} B) | `{command}` | {status} | {seconds:.1f} | {rss} | {said} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
