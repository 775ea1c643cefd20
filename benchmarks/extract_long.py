"""Extraction on one long text where every line is a meeting report and names repeat.

A hostile or scraped article can be megabytes of cue-dense text; extraction must stay roughly
linear in its length. Each run builds ~1 MB (English) and ~2 MB (Arabic) of lines like
"التقى وزير الخارجية ... بنظيره ..." from a fixed seed and times ``extract_attendees``; the
third run puts the Arabic on one line (no sentence breaks at all).
Goal: under 20 s each on the reference machine (2 cores). Usage::

    python benchmarks/extract_long.py [LINES]
"""

from __future__ import annotations

import random
import sys
import time

from summarize.attendees import extract_attendees

GOAL_S = 20.0
ENGLISH = (
    "The minister met officials in Geneva.",
    "Mr Smith told MPs the plan was sound.",
    "He said the talks would continue.",
    "Foreign Secretary Jack Hale attended the summit.",
    "She told the conference that prices would rise.",
)
ARABIC = (
    "التقى وزير الخارجية كمال العابد بنظيره سالم بركات.",
    "وأضاف في تصريح على هامش اجتماع للحزب أن الحوار ضروري.",
    "وقال العابد عقب لقاء جمعه بالأمين العام إن الوضع صعب.",
    "نفى الأمين العام لحركة الأمل، محسن مرزوق وجود خلافات.",
    "سالم بركات : الوضع صعب",
)


def main() -> int:
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 25_000
    rng = random.Random(1)
    worst = 0.0
    for lang, pool, joiner in (("en", ENGLISH, "\n"), ("ar", ARABIC, "\n"), ("ar, one line", ARABIC, " ")):
        text = joiner.join(rng.choice(pool) for _ in range(lines))
        start = time.perf_counter()
        found = extract_attendees(text, lang[:2])
        seconds = time.perf_counter() - start
        worst = max(worst, seconds)
        print(f"{lang}: {len(text):,} chars, {len(found.people)} people, {seconds:.2f} s")
    print(f"worst {worst:.2f} s (goal: under {GOAL_S:.0f} s)")
    return 0 if worst < GOAL_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
