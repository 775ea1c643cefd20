"""Memory the analysis's per-word memo caches can hold once full, at ``WORD_CACHE_SIZE`` and at a baseline.

A worker of ``newsread analyze`` keeps these caches for its whole run, so their bound is the ceiling
of its growth over a corpus. Each size is measured in a fresh process: every cached word function is
called with new words until its cache is full, and the resident memory before and after is compared.
Usage::

    python benchmarks/bench_word_caches.py                 # WORD_CACHE_SIZE against 65,536 (every cache's old size)
    python benchmarks/bench_word_caches.py --words 70000 --baseline 65536
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import subprocess
import sys
from functools import lru_cache

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def resident_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * 4096 / 1e6


def fill(words: int, size: int, context_size: int) -> dict[str, float]:
    """Fill the caches (rebuilt at ``size``, ``_context`` at ``context_size``) with new words."""
    import summarize.analysis  # noqa: F401  (everything the analysis loads, loaded before the baseline)
    from summarize.attendees import merging, tokens
    from summarize.ner import features
    from summarize.ner import tokens as ner_tokens

    for module, name, bound in (
        (ner_tokens, "matching_form", size),
        (features, "_arabic_own", size),
        (features, "_english_own", size),
        (features, "_context", context_size),
        (merging, "_same_person", size),
        (tokens, "_key", size),
    ):
        setattr(module, name, lru_cache(maxsize=bound)(getattr(module, name).__wrapped__))
    rng = random.Random(1)

    def word() -> str:
        return "".join(rng.choice(ARABIC_LETTERS) for _ in range(rng.randint(3, 8)))

    gc.collect()
    before = resident_mb()
    for _ in range(words):
        surface = word()
        norm = ner_tokens.matching_form(surface)
        own = features._arabic_own(surface, norm, True)
        for offset in (-2, -1, 1, 2):
            features._context(own, offset)
        features._english_own(surface + "x", norm, True)
        merging._same_person((surface, word()), (word(), surface))
        tokens._key(surface + "ة")
    gc.collect()
    return {"size": size, "mb": round(resident_mb() - before, 1)}


def measure(words: int, size: int, context_size: int) -> dict[str, float]:
    """``fill`` in a fresh interpreter, so one size's caches never count in another's."""
    code = f"import json, bench_word_caches as b; print(json.dumps(b.fill({words}, {size}, {context_size})))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=sys.path[0] or "."
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    from summarize.text.tokens import WORD_CACHE_SIZE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=70_000, help="distinct words fed to every cache")
    parser.add_argument("--baseline", type=int, default=65_536, help="the cache size to compare with")
    args = parser.parse_args()
    ours = measure(args.words, WORD_CACHE_SIZE, 2 * WORD_CACHE_SIZE)  # as summarize/ner/features.py sizes it
    base = measure(args.words, args.baseline, args.baseline)  # before: every cache at 65,536
    print(f"{args.words:,} distinct words; caches full:")
    print(f"  WORD_CACHE_SIZE {WORD_CACHE_SIZE:,}: {ours['mb']} MB")
    print(f"  baseline {args.baseline:,}: {base['mb']} MB")
    print(f"  ratio: {ours['mb'] / base['mb']:.2f}")


if __name__ == "__main__":
    main()
