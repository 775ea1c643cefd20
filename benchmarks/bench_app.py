"""Reader app benchmark on a generated library (10,000 articles by default; 100,000 and 1,000,000 for issue 11).

1. Time to first paint, process start included, for the reader on the 10,000-article library
   against the floor: a minimal Textual app that shows one label. Each runs headless in a fresh
   Python process at 160x48 (the wide layout: list, reader and panels); median of ``--runs``.
   Goal: within 1.5x the floor.
2. Key-press-to-updated-screen latency while moving down the list with ``j`` (p50, p95), with
   ``App.run_test()``: the time for ``pilot.press("j")`` plus the screen update that follows.
   Goal: p95 under 50 ms.
3. Peak memory (max RSS) of the process that ran (2). Goal: under 250 MB.
4. Jumps that used to walk the list: opening the oldest article from a search hit, and ``n`` to the
   next unread article across half the library read (500,000 articles at a million). Goal: each
   under 100 ms, from the action to the reader showing the article.
5. Search in process: a common and a rare word, best 50 hits with snippets. Goal: under 100 ms.

    python benchmarks/bench_app.py [--count 10000] [--keep DIR] [--runs 7] [--presses 300]
    python benchmarks/bench_app.py --count 1000000 --keep DIR --build-only   # build once, then measure
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

FLOOR = """
import sys, time
from textual.app import App
from textual.widgets import Label

class Floor(App):
    def compose(self):
        yield Label("newsread")
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        print("PAINTED", flush=True)
        self.exit()

Floor().run(headless=True, size=(160, 48))
"""

READER = """
import sys
import tui.entry  # what 'newsread' imports before the app
from articles.store import Library
from tui.app import NewsreadApp
from tui.keymap import load_keymap

class Probe(NewsreadApp):
    def painted(self):
        super().painted()
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("sumy", "nltk") or m == "summarize.summary")
        print("PAINTED", "heavy-imports:", heavy or "none", flush=True)
        self.exit()

library = Library(sys.argv[1])
Probe(library, keymap=load_keymap()).run(headless=True, size=(160, 48))
"""


def build_library(path: Path, count: int) -> None:
    """``count`` generated articles (mixed Arabic/English) plus the bundled samples, built under a
    temporary name and renamed when whole (a big library takes a while: an interrupted build is not kept)."""
    sys.path.insert(0, str(HERE))
    from gen_articles import article_parts

    from articles.importers.samples import sample_articles
    from articles.model import Article
    from articles.store import Library

    rng = random.Random(1)
    partial = path.with_name(path.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    with Library(partial) as library:
        library.add_many(sample_articles())
        batch = []
        for number in range(count - len(sample_articles())):
            language, kicker, title, body, quote = article_parts(rng, number)  # made whole: parsing is not measured
            batch.append(
                Article(title, tuple(body), kicker, (quote,), language=language, source=f"generated:{number}")
            )
            if len(batch) == 2000:
                library.add_many(batch)
                batch.clear()
                if number % 100_000 < 2000:
                    print(f"  {number:,} articles", file=sys.stderr, flush=True)
        library.add_many(batch)
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)


def time_to_paint(script: str, *args: str) -> tuple[float, str]:
    """Wall seconds from spawning Python to the app's first paint, and what it printed."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait()
    if not line.startswith("PAINTED"):
        raise SystemExit(f"the app did not paint: {line!r}")
    return elapsed, line.strip()


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


async def key_to_screen(app, pilot, key: str = "j") -> float:
    """Milliseconds from the key event reaching the app to the updated screen being composed.

    The key goes in as the terminal driver would send it; we wait (yielding to the event loop)
    until the list cursor has moved and the reader shows the article under it, then run the
    compositor update that Textual would run on its next frame. ``pilot.press`` itself is not
    timed: it also waits for the whole process to go idle, which costs ~60 ms even for a
    one-label app (measured below as the harness floor).
    """
    from textual import events

    screen = app.screen
    target = screen.article_list.cursor + 1
    start = time.perf_counter()
    event = events.Key(key, key)
    event.set_sender(app)
    app._driver.send_message(event)
    while (
        screen.article_list.cursor != target
        or screen.article is None
        or (screen.article.id != screen.article_list.current_row.id)
    ):
        await asyncio.sleep(0)
    screen._on_timer_update()  # compose and "write" the frame now
    elapsed = (time.perf_counter() - start) * 1000
    await pilot.pause()  # let the rest settle before the next key, untimed
    return elapsed


async def latency(library_path: str, presses: int) -> tuple[list[float], list[float]]:
    from articles.store import Library
    from tui.app import NewsreadApp

    library = Library(library_path)
    library.conn.execute("DELETE FROM analysis")  # cold: every article analysed for the first time
    app = NewsreadApp(library)
    samples, round_trips = [], []
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause(0.5)
        for _ in range(presses):
            samples.append(await key_to_screen(app, pilot))
        for _ in range(min(presses, 50)):
            start = time.perf_counter()
            await pilot.press("j")
            round_trips.append((time.perf_counter() - start) * 1000)
        assert app.screen.article_list.cursor == presses + len(round_trips)
        await app.workers.wait_for_complete()
    return samples, round_trips


async def _until(predicate, limit_s: float = 60.0) -> None:
    deadline = time.perf_counter() + limit_s
    while not predicate():
        if time.perf_counter() > deadline:
            raise SystemExit("the app never got there")
        await asyncio.sleep(0)


async def jumps(library_path: str) -> tuple[float, float, int]:
    """Milliseconds to open the oldest article from a search hit, and to reach the next unread
    article across half the library marked read; how many read articles ``n`` crossed."""
    from articles.store import Library
    from tui.app import NewsreadApp

    library = Library(library_path)
    total = library.count()
    oldest = library.page(limit=1, backwards=True)[0]
    crossed = min(500_000, total // 2)
    read_ids = [
        r[0]
        for r in library.conn.execute("SELECT id FROM articles ORDER BY sort_key DESC, id DESC LIMIT ?", (crossed,))
    ]
    target = library.page(limit=1, after=library.key_of(read_ids[-1]))[0]
    library.set_read(read_ids, True)
    library.set_read([target.id], False)
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause(0.5)
            screen = app.screen
            start = time.perf_counter()
            screen._search_done(oldest.id)
            await _until(lambda: screen.article is not None and screen.article.id == oldest.id)
            screen._on_timer_update()
            search_open = (time.perf_counter() - start) * 1000
            await pilot.press("escape", "g")
            await pilot.pause(0.2)
            start = time.perf_counter()
            screen.action_next_unread()
            await _until(lambda: screen.article_list.cursor == crossed and screen.article.id == target.id)
            screen._on_timer_update()
            next_unread = (time.perf_counter() - start) * 1000
            app.screen.workers.cancel_all()
    finally:
        library.set_read(read_ids, False)
        library.close()
    return search_open, next_unread, crossed


def search_times(library_path: str, words: list[str]) -> list[tuple[str, float, int]]:
    """Median milliseconds of ``Library.search`` (best 50, with snippets) for each word, in process."""
    from articles.store import Library

    out = []
    with Library(library_path) as library:
        for word in words:
            library.search(word)  # warm the page cache
            times = []
            for _ in range(5):
                start = time.perf_counter()
                hits = library.search(word)
                times.append((time.perf_counter() - start) * 1000)
            out.append((word, statistics.median(times), len(hits)))
    return out


def child_latency(library_path: str, presses: int) -> None:
    samples, round_trips = asyncio.run(latency(library_path, presses))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{statistics.median(samples):.2f} {percentile(samples, 95):.2f} {max(samples):.2f} "
        f"{statistics.median(round_trips):.2f} {peak:.1f}"
    )


def main() -> None:
    os.environ["NEWSREAD_LIBRARY_ANALYSIS"] = "off"  # measured alone: no analysis of the whole library meanwhile
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="keep the library in this folder (reused next time)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--presses", type=int, default=300)
    parser.add_argument("--build-only", action="store_true", help="build the library (with --keep) and stop")
    parser.add_argument("--child-latency", nargs=2, metavar=("LIBRARY", "PRESSES"), help=argparse.SUPPRESS)
    parser.add_argument("--child-jumps", metavar="LIBRARY", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_latency:
        child_latency(args.child_latency[0], int(args.child_latency[1]))
        return
    if args.child_jumps:
        search_open, next_unread, crossed = asyncio.run(jumps(args.child_jumps))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{search_open:.2f} {next_unread:.2f} {crossed} {peak:.1f}")
        return

    work = args.keep or Path(tempfile.mkdtemp(prefix="newsread-bench-app-"))
    work.mkdir(parents=True, exist_ok=True)
    library = work / f"app-{args.count}.sqlite3"
    if not library.exists():
        start = time.perf_counter()
        build_library(library, args.count)
        print(f"built a library of {args.count} articles in {time.perf_counter() - start:.1f} s: {library}")
    if args.build_only:
        return
    env_note = f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}"

    floor, reader, note = [], [], ""
    for _ in range(args.runs):  # interleaved, so a busy moment hurts both alike
        floor.append(time_to_paint(FLOOR)[0])
        seconds, note = time_to_paint(READER, str(library))
        reader.append(seconds)
    f, r = statistics.median(floor), statistics.median(reader)
    print(f"first paint, minimal Textual app (one label): median {f * 1000:.0f} ms over {args.runs} runs")
    print(f"first paint, newsread reader on {args.count:,} articles: median {r * 1000:.0f} ms ({note})")
    print(f"ratio reader/floor: {r / f:.2f} (goal <= 1.5)")

    out = subprocess.run(
        [sys.executable, __file__, "--child-latency", str(library), str(args.presses)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    p50, p95, worst, pilot_ms, peak = (float(v) for v in out[-5:])
    print(f"key 'j' to updated screen, {args.presses} presses: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {worst:.1f} ms")
    print(f"(pilot.press('j') round trip, idle waits included: median {pilot_ms:.1f} ms)")
    print(f"peak memory (max RSS) of that run: {peak:.0f} MB (goal < 250)")

    out = subprocess.run(
        [sys.executable, __file__, "--child-jumps", str(library)], capture_output=True, text=True, check=True
    ).stdout.split()
    search_open, next_unread, crossed, peak = float(out[-4]), float(out[-3]), int(out[-2]), float(out[-1])
    print(f"open the oldest article from a search hit: {search_open:.1f} ms (goal < 100)")
    print(f"'n' across {crossed:,} read articles to the next unread: {next_unread:.1f} ms (goal < 100)")
    print(f"peak memory of that run: {peak:.0f} MB")
    for word, ms, hits in search_times(str(library), ["government", "الحكومة", str(args.count // 3)]):
        print(f"search {word!r}: {ms:.1f} ms ({hits} hits shown; goal < 100)")
    print(env_note)
    if not args.keep:
        for path in work.iterdir():
            path.unlink()
        work.rmdir()


if __name__ == "__main__":
    main()
