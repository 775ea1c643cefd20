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
    # hypothesis prints "- 5 passing, 0 failing, and 0 invalid test cases" per phase
    runs = sum(int(a) + int(b) for a, b in re.findall(r"- (\d+) passing, (\d+) failing", proc.stdout))
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
    from tests.hostile import (
        METADATA_PAYLOADS,
        XML_INCOMPATIBLE,
        XML_INCOMPATIBLE_REFERENCES,
        all_payloads_text,
        entity_feed,
        export_with_lone_surrogate,
        feed_with_control_entries,
        hostile_export,
        hostile_metadata_export,
        hostile_metadata_feed,
        page_with,
    )

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
    # Issue 17, second pass: one seed per class of break.
    corpus += [(f"meta-{n}.xml", hostile_metadata_feed(p)) for n, (_, p) in enumerate(METADATA_PAYLOADS)]
    corpus.append(("meta-export.json", hostile_metadata_export().encode()))
    corpus += [(f"entity-{e}.xml", entity_feed(e, references=50, size=50)) for e in ("cp037", "utf-7", "utf-16")]
    corpus.append(
        ("upper.xml", feed_with_control_entries([]).replace(b"<item>", b"<ITEM>").replace(b"</item>", b"</ITEM>"))
    )
    corpus.append(("controls.xml", feed_with_control_entries(XML_INCOMPATIBLE[:10])))
    corpus.append(("references.xml", feed_with_control_entries(XML_INCOMPATIBLE_REFERENCES[:10])))
    corpus.append(("control-page.html", page_with("&#27;[31m \x1b]0;t\x07 &#x9b;")))
    corpus += [(f"surrogate-{f}.json", export_with_lone_surrogate(f).encode()) for f in ("title", "paragraphs", "tags")]
    corpus.append(("paragraphs.txt", ("Headline\n\n" + "\n\n".join(f"Para {i} said x." for i in range(3000))).encode()))
    return corpus


class Hang(Exception):
    """One input took longer than the time allowed."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang


def run_mutations(count: int, seed: int, out: Path, limit_s: float = 20.0) -> dict[str, int | float]:
    """Each mutated input through import, the store, the analysis and every output: counts of inputs,
    escapes (a forbidden character through a sanitizer), hangs (over ``limit_s``), crashes, and seconds."""
    import json
    import signal
    import tempfile

    from articles.importers import ImportFailure, from_bytes
    from articles.metadata import language_tag, valid_date
    from articles.store import Library
    from summarize.analysis import analyze
    from tests.hostile import FORBIDDEN
    from tui.rendering import render_text
    from tui.sanitize import escape_json, for_terminal, web_link

    rng = random.Random(seed)
    corpus = seeds()
    counts: dict[str, int | float] = {"inputs": 0, "escapes": 0, "hangs": 0, "crashes": 0}
    start = time.monotonic()
    signal.signal(signal.SIGALRM, _alarm)
    library = Library(Path(tempfile.mkdtemp(prefix="newsread-fuzz-")) / "lib.db")
    for number in range(count):
        name, original = rng.choice(corpus)
        data = mutate(original, rng)
        counts["inputs"] += 1
        kind = "crashes"
        signal.setitimer(signal.ITIMER_REAL, limit_s)
        try:
            try:
                loaded = from_bytes(data, name=name, source=None)
            except ImportFailure as exc:
                assert "\n" not in str(exc).strip()
                continue
            library.add_many(loaded.articles)  # a lone surrogate once aborted the whole batch here
            for article in loaded.articles:
                assert language_tag(article.language) == article.language or article.language is None
                assert (
                    valid_date(article.published) == article.published
                    and valid_date(article.imported) == article.imported
                )
                result = analyze(article.text, article.language, method=rng.choice(["news", "lead", "lex-rank"]))
                meta = [article.title, article.kicker or "", article.language or "", article.published or ""]
                meta += [article.source or "", *article.tags, *(s.text for s in result.sentences)]
                kind = "escapes"
                for piece in meta:
                    assert not FORBIDDEN.search(for_terminal(piece, one_line=True))
                    assert all(not FORBIDDEN.search(line) for line in render_text(piece, rng.randint(10, 100)))
                link = web_link(article.source)
                assert link is None or not (FORBIDDEN.search(link) or any(c.isspace() for c in link))
                document = escape_json(json.dumps(result.to_json(), ensure_ascii=False))
                assert json.loads(document) == result.to_json() and not FORBIDDEN.search(document)
                kind = "crashes"
        except Hang:
            counts["hangs"] += 1
            _save(out, seed, number, name, data, f"HANG over {limit_s:g} s")
        except Exception:
            counts[kind] += 1
            _save(out, seed, number, name, data, traceback.format_exc())
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    library.close()
    counts["seconds"] = time.monotonic() - start
    return counts


def _save(out: Path, seed: int, number: int, name: str, data: bytes, why: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    saved = out / f"failure-{seed}-{number}-{name}"
    saved.write_bytes(data)
    print(f"FAILURE on {saved}:\n{why}", file=sys.stderr)


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
    counts = run_mutations(args.mutations, args.seed, args.out)
    print(
        f"mutations: {counts['inputs']} mutated inputs from {len(seeds())} seeds (seed {args.seed}) in "
        f"{counts['seconds']:.1f} s: {counts['escapes']} escapes, {counts['hangs']} hangs, {counts['crashes']} crashes"
    )
    return 1 if failed or counts["escapes"] or counts["hangs"] or counts["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())
