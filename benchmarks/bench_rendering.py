"""How fast the Arabic renderer is on a 50,000-word article (run: ``python benchmarks/bench_rendering.py``).

Measures what the reader does: lay out every paragraph at a width (wrapping only, to know the
height), draw one screen, draw every line once (lines per second, cold caches), draw them
again (warm), and re-wrap at another width (a resize). Paragraphs are the seed article's,
each made distinct so no cache is shared between copies.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def article(words: int) -> list[str]:
    from articles.samples import SEED, sample_path

    seed = [p for p in Path(sample_path(SEED)).read_text(encoding="utf-8").splitlines() if p.strip()]
    paragraphs: list[str] = []
    count = 0
    while count < words:
        text = f"{seed[len(paragraphs) % len(seed)]} ({len(paragraphs)})"
        paragraphs.append(text)
        count += len(text.split())
    return paragraphs


def timed(label: str, func):
    start = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - start
    print(f"{label:<34} {elapsed * 1000:9.1f} ms")
    return result, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--width", type=int, default=100)
    parser.add_argument("--height", type=int, default=40)
    args = parser.parse_args()

    from tui import rendering

    paragraphs = article(args.words)
    print(f"{len(paragraphs)} paragraphs, {sum(len(p.split()) for p in paragraphs)} words, width {args.width}")
    view, _ = timed("layout (open the article)", lambda: rendering.ParagraphRenderer(paragraphs, args.width))
    middle = len(view) // 2
    timed(f"first screen ({args.height} rows, cold)", lambda: view.lines(middle, middle + args.height))
    _, cold = timed(f"all {len(view)} lines (cold)", lambda: view.lines(0, len(view)))
    _, warm = timed(f"all {len(view)} lines (warm)", lambda: view.lines(0, len(view)))
    narrower, _ = timed(f"resize to {args.width - 20} (re-wrap)", lambda: view.resized(args.width - 20))
    timed(f"one screen after resize ({args.height} rows)", lambda: narrower.lines(middle, middle + args.height))
    rendering._render_cached.cache_clear()
    rendering._prepare.cache_clear()
    timed("render_text, every paragraph (cold)", lambda: [rendering.render_text(p, 80) for p in paragraphs])
    print(f"lines per second, cold: {len(view) / cold:,.0f}; warm: {len(view) / max(warm, 1e-9):,.0f}")


if __name__ == "__main__":
    main()
