"""Feeds benchmark (issue 12): refreshing 200 feeds x 50 items served from 127.0.0.1, and the store
queries the reader runs on a library of 100,000 feed articles.

Part 1 serves 200 RSS feeds (generated Arabic and English stories, ETag on each) from a local HTTP
server and times ``newsread refresh`` as a user runs it (a new process): the first refresh (every
item new), then a second one with ``--force`` (every feed answers 304), with the peak memory of the
refresh process. Baselines measured in the same run: the bare fetch of the same 200 URLs with urllib
in a pool of 8 threads, unconditional (200s) and conditional (304s). Goals: first < 10 s, second < 2 s.

Part 2 builds a library of ``--articles`` feed articles across 200 feeds through the store's own feed
path (``Library.store_fetch``) and times, as medians, what the reader runs when the user switches
feed (count, first page, position of an article) and the unread counts per feed. Goal: < 50 ms each.

    python benchmarks/bench_feeds.py [--feeds 200] [--items 50] [--articles 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_articles import article_parts

from articles.feed_entries import FeedEntry
from articles.model import Article
from articles.store import Library, ListFilter
from articles.subscriptions import FeedState

NOW = datetime(2026, 12, 1, tzinfo=UTC)


def feed_xml(number: int, items: int) -> bytes:
    rng = random.Random(number)
    parts = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {number}</title>']
    parts.append(f"<link>http://site{number}.test/</link>")
    for item in range(items):
        _, _, title, body, _ = article_parts(rng, number * 1000 + item)
        date = format_datetime(NOW - timedelta(minutes=number * 7 + item * 37), usegmt=True)
        text = escape("".join(f"<p>{p}</p>" for p in body))
        parts.append(
            f"<item><guid>f{number}-i{item}</guid><title>{escape(title)}</title>"
            f"<link>http://site{number}.test/story/{item}</link><pubDate>{date}</pubDate>"
            f"<description>{text}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def serve(feeds: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = feeds.get(self.path)
            if body is None:
                self.send_response(404)
                self.end_headers()
                return
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.request_queue_size = 256
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def bare_fetch(urls: list[str], etags: dict[str, str] | None = None) -> tuple[float, dict[str, str]]:
    """The baseline: GET every URL with urllib, 8 at a time; wall seconds and the ETags seen."""
    found: dict[str, str] = {}

    def get(url: str) -> None:
        request = urllib.request.Request(url, headers={"If-None-Match": etags[url]} if etags else {})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                response.read()
                found[url] = response.headers.get("ETag", "")
        except urllib.error.HTTPError as exc:
            if exc.code != 304:
                raise

    start = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(get, urls))
    return time.perf_counter() - start, found


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(library: Path, *args: str) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the process and its parser processes) and the summary line."""
    start, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(
        [sys.executable, "-m", "tui.entry", "--library", str(library), *args], check=True, capture_output=True
    )
    return time.perf_counter() - start, children_cpu() - cpu, done.stdout.decode().strip()


def refresh_part(work: Path, feed_count: int, items: int) -> None:
    feeds = {f"/feed{n}.xml": feed_xml(n, items) for n in range(feed_count)}
    server, base = serve(feeds)
    urls = [base + path for path in feeds]
    size = sum(map(len, feeds.values()))
    print(f"feeds: {feed_count} x {items} items, {size / 1e6:.1f} MB of RSS served from 127.0.0.1")
    library = work / "feeds.sqlite3"
    with Library(library) as lib:
        for url in urls:
            lib.add_feed(url)
    plain, etags = bare_fetch(urls)
    conditional, _ = bare_fetch(urls, etags)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    load = os.getloadavg()[0]
    first, first_cpu, first_line = run_cli(library, "refresh")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    second, second_cpu, second_line = run_cli(library, "refresh", "--force")
    server.shutdown()
    print(
        f"baseline: bare urllib fetch of the {feed_count} URLs (8 threads): {plain:.2f} s; conditional (304): "
        f"{conditional:.2f} s"
    )
    print(f"load average before the refresh: {load:.1f} on {os.cpu_count()} cores (wall times stretch with it)")
    print(
        f"first refresh:  {first:.2f} s wall, {first_cpu:.1f} s CPU ({first / plain:.1f}x the bare fetch's wall)"
        f" -> {first_line}"
    )
    print(
        f"second refresh: {second:.2f} s wall, {second_cpu:.1f} s CPU ({second / conditional:.1f}x the bare 304"
        f" fetch's wall) -> {second_line}"
    )
    print(f"peak memory of the first refresh process: {max(peak, before) / 1024:.0f} MB (ru_maxrss)")
    print(
        f"goals: first < 10 s: {'met' if first < 10 else 'MISSED'}; second < 2 s: {'met' if second < 2 else 'MISSED'}"
    )


def build_library(path: Path, articles: int, feed_count: int) -> None:
    """``articles`` feed articles across ``feed_count`` feeds, through the store's feed path, a third read."""
    rng = random.Random(7)
    per_feed = articles // feed_count
    state = FeedState(last_fetch="", next_fetch="", error_count=0, last_error=None)
    start = time.perf_counter()
    with Library(path) as library:
        for number in range(feed_count):
            feed, _ = library.add_feed(
                f"http://site{number}.test/feed.xml", title=f"Feed {number}", folder=f"Folder {number % 10}"
            )
            entries = []
            for item in range(per_feed):
                language, kicker, title, body, _ = article_parts(rng, number * 100_000 + item)
                published = (NOW - timedelta(minutes=rng.randint(0, 60 * 24 * 365))).isoformat()
                article = Article(
                    title=title,
                    paragraphs=tuple(body),
                    kicker=kicker,
                    language=language,
                    published=published,
                    read=rng.random() < 0.33,
                )
                entries.append(FeedEntry(article, guid=f"f{number}-{item}", link=f"http://site{number}.test/{item}"))
            library.store_fetch(feed.id, state, entries)
    print(f"built {articles:,} articles in {feed_count} feeds in {time.perf_counter() - start:.0f} s")


def timed_ms(action, repeat: int = 20) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def ui_part(work: Path, articles: int, feed_count: int) -> None:
    path = work / "big.sqlite3"
    if not path.exists():
        build_library(path, articles, feed_count)
    with Library(path) as library:
        total = library.count()
        feeds = library.feeds()
        rng = random.Random(3)
        chosen = [rng.choice(feeds) for _ in range(20)]

        def switch(feed_id: int) -> None:
            where = ListFilter(feed=feed_id)
            library.count(where)
            page = library.page(where, limit=200)
            library.position(page[len(page) // 2].id, where)

        def switch_folder(folder: str) -> None:
            where = ListFilter(folder=folder)
            library.count(where)
            library.page(where, limit=200)

        iterator = iter(chosen * 10)
        folders = iter([f"Folder {n % 10}" for n in range(200)])
        figures = {
            "switch to a feed (count + first page + position)": timed_ms(lambda: switch(next(iterator).id)),
            "switch to a folder of 20 feeds (count + first page)": timed_ms(lambda: switch_folder(next(folders))),
            "unread counts of every feed (one grouped index count)": timed_ms(library.unread_by_feed),
            "items and unread of every feed (feeds list)": timed_ms(library.feed_counts),
            "unread count of the whole library (status line)": timed_ms(lambda: library.count(ListFilter(unread=True))),
            "count of the whole library (list reload)": timed_ms(library.count),
            "the feeds filter's list (feeds + unread counts)": timed_ms(
                lambda: (library.feeds(), library.unread_by_feed())
            ),
        }
    print(f"library: {total:,} articles, {len(feeds)} feeds; medians of 20 runs")
    for name, ms in figures.items():
        print(f"  {name}: {ms:.1f} ms{'' if ms < 50 else '  (over the 50 ms goal)'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep the files (the big library is reused)")
    parser.add_argument("--skip-refresh", action="store_true")
    parser.add_argument("--skip-ui", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        (work / "feeds.sqlite3").unlink(missing_ok=True)
        if not args.skip_refresh:
            refresh_part(work, args.feeds, args.items)
        if not args.skip_ui:
            ui_part(work, args.articles, args.feeds)


if __name__ == "__main__":
    main()
