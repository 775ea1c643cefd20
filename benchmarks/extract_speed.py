"""How fast attendees and objectives are extracted: milliseconds per article.

The reader runs ``extract`` in a worker thread whenever an article is opened, so it must
stay well under a frame budget's worth of waiting (goal: under 50 ms per article on
average). Usage::

    python benchmarks/extract_speed.py                 # the bundled samples
    python benchmarks/extract_speed.py DIR_OR_FILES... # your own texts (.txt)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from articles.samples import sample_names, sample_path
from summarize.analysis import analyze

GOAL_MS = 50.0


def extract(text: str) -> object:
    """Attendees and objectives, as ``newsread extract`` and the reader's panels compute them."""
    return analyze(text, summary=False)
ROUNDS = 5


def texts(args: list[str]) -> list[tuple[str, str]]:
    if not args:
        return [(name, sample_path(name).read_text(encoding="utf-8")) for name in sample_names()]
    out = []
    for arg in args:
        path = Path(arg)
        files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
        out.extend((str(f), f.read_text(encoding="utf-8")) for f in files)
    return out


def main() -> int:
    items = texts(sys.argv[1:])
    extract(items[0][1])  # warm the lexicon caches and load the person recognizer
    timings = []
    for name, text in items:
        start = time.perf_counter()
        for _ in range(ROUNDS):
            extract(text)
        ms = (time.perf_counter() - start) * 1000 / ROUNDS
        timings.append(ms)
        print(f"{ms:8.1f} ms  {len(text):7d} chars  {name}")
    mean = sum(timings) / len(timings)
    print(f"mean {mean:.1f} ms, max {max(timings):.1f} ms over {len(timings)} articles (goal: mean < {GOAL_MS:.0f} ms)")
    return 0 if mean < GOAL_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
