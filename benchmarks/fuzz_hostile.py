"""Longer fuzzing run: the hostile-input properties of ``tests/test_properties_hostile.py`` with many more
hypothesis examples, then a burst of random mutations of the hostile corpus through the real importer,
summarizer, extractor and sanitizer. Prints examples run, time and failures.

    python benchmarks/fuzz_hostile.py [--examples 2000] [--mutations 3000] [--seed N]

A failure prints its falsifying example (hypothesis) or the mutated bytes (saved under --out) and the
script exits 1.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run_properties(examples: int, seed: int) -> tuple[int, int, float, str]:
    """(examples run, failed tests, seconds, pytest tail) for the property tests at ``examples`` each."""
    env = {**os.environ, "NEWSREAD_PROPERTY_EXAMPLES": str(examples)}
    start = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "--hypothesis-show-statistics",
            f"--hypothesis-seed={seed}",
            "tests/test_properties_hostile.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - start
    runs = sum(int(n) for n in re.findall(r"- (\d+) passing examples", proc.stdout))
    runs += sum(int(n) for n in re.findall(r"- (\d+) failing examples", proc.stdout))
    failed = int(m.group(1)) if (m := re.search(r"(\d+) failed", proc.stdout)) else 0
    return runs, failed, seconds, proc.stdout[-3000:]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One random edit: flip, insert a control or payload, cut, duplicate a slice."""
    from tests.hostile import PAYLOADS

    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        pos = rng.randrange(len(data) + 1)
        if choice < 0.25 and data:
            data[min(pos, len(data) - 1)] = rng.randrange(256)
        elif choice < 0.5:
            data[pos:pos] = rng.choice(PAYLOADS)[1].encode("utf-8", "surrogatepass")
        elif choice < 0.65:
            data[pos:pos] = bytes([rng.choice([0, 7, 8, 13, 27, 0x85, 0x9B, 0x9D])])
        elif choice < 0.8:
            del data[pos : pos + rng.randint(1, 200)]
        else:
            data[pos:pos] = data[pos : pos + rng.randint(1, 400)] * rng.randint(1, 5)
    return bytes(data)


def seeds() -> list[tuple[str, bytes]]:
    from articles.samples import sample_names, sample_path
    from tests.hostile import all_payloads_text, hostile_export

    corpus = [(f"{name}.txt", sample_path(name).read_bytes()) for name in sample_names()]
    corpus.append(("hostile.txt", all_payloads_text().encode()))
    corpus.append(("hostile-ar.md", all_payloads_text(arabic=True).encode()))
    corpus.append(("export.json", hostile_export().encode("utf-8", "surrogatepass")))
    items = "".join(
        f"<item><title>T{i}</title><description>Body {i} of the feed.</description></item>" for i in range(5)
    )
    corpus.append(("feed.xml", f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()))
    page = "<html><head><title>P</title></head><body><article>" + "<p>Para of the page.</p>" * 5 + "</article></body>"
    corpus.append(("page.html", page.encode()))
    return corpus


def run_mutations(count: int, seed: int, out: Path) -> tuple[int, int, float]:
    """(inputs run, failures, seconds): each mutated input through import, summary, extraction, output."""
    import json

    from articles.importers import ImportFailure, from_bytes
    from summarize.analysis import analyze
    from summarize.summary import summarize_text
    from tests.hostile import FORBIDDEN
    from tui.rendering import render_text
    from tui.sanitize import escape_json, for_terminal

    rng = random.Random(seed)
    corpus = seeds()
    failures = 0
    start = time.monotonic()
    for number in range(count):
        name, original = rng.choice(corpus)
        data = mutate(original, rng)
        try:
            try:
                loaded = from_bytes(data, name=name, source=None)
            except ImportFailure as exc:
                assert "\n" not in str(exc).strip()
                continue
            for article in loaded.articles:
                text = article.text
                summary = summarize_text(text, count=3, method=rng.choice(["news", "lead", "lex-rank"]))
                result = analyze(text, article.language, summary=False).extraction_json()
                for piece in [article.title, *(c.text for c in summary.chosen)]:
                    assert not FORBIDDEN.search(for_terminal(piece))
                    assert all(not FORBIDDEN.search(line) for line in render_text(piece, rng.randint(10, 100)))
                document = escape_json(json.dumps(result, ensure_ascii=False))
                assert json.loads(document) == result and not FORBIDDEN.search(document)
        except Exception:
            failures += 1
            out.mkdir(parents=True, exist_ok=True)
            saved = out / f"failure-{seed}-{number}-{name}"
            saved.write_bytes(data)
            print(f"FAILURE on {saved}:\n{traceback.format_exc()}", file=sys.stderr)
    return count, failures, time.monotonic() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="hypothesis examples per property")
    parser.add_argument("--mutations", type=int, default=3000, help="mutated corpus inputs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("/tmp/newsread-fuzz"))
    args = parser.parse_args()

    runs, failed, seconds, tail = run_properties(args.examples, args.seed)
    print(f"properties: {runs} examples (seed {args.seed}) in {seconds:.1f} s, {failed} failing properties")
    if failed:
        print(tail)
    count, failures, seconds = run_mutations(args.mutations, args.seed, args.out)
    print(f"mutations: {count} mutated inputs (seed {args.seed}) in {seconds:.1f} s, {failures} failures")
    return 1 if failed or failures else 0


if __name__ == "__main__":
    sys.exit(main())
