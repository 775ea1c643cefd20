"""Refreshing subscriptions: due feeds fetched concurrently, each stored in its own short transaction.

Fetching and parsing run in a thread pool (``WORKERS`` at once, at most ``PER_HOST`` on one host, so
a site with many feeds is not hammered); every database write happens in the calling thread, one
transaction per feed holding its entries and its new state together, so a refresh killed at any
moment leaves the library as the last stored feed left it. Each fetch is a conditional GET
(ETag / Last-Modified): a 304 only moves the feed's next due time. A permanent redirect (301, 308)
updates the stored address; 410 Gone disables the feed. The interval honours the feed's ``<ttl>``
or ``sy:updatePeriod``/``sy:updateFrequency`` within ``MIN_INTERVAL_S``..``MAX_INTERVAL_S``, and
after failures the next attempt backs off exponentially (up to ``MAX_BACKOFF_S``). The fetches keep
``articles.fetch``'s limits (timeout, size, redirect policy, ``NEWSREAD_BLOCK_PRIVATE``) and the
feed importer's hostile-input rules.
"""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from articles.dates import iso, parse_date
from articles.feed_entries import FeedEntry
from articles.fetch import Fetched, FetchError, fetch
from articles.importers.feeds import ParsedFeed, parse_feed_entries
from articles.sources import LoadError
from articles.store import Library, article_index_values
from articles.subscriptions import DEFAULT_INTERVAL_S, Feed, FeedState

WORKERS = 8
PER_HOST = 2
PARSE_PROCESSES_MIN_FEEDS = 20  # from this many feeds on, parsing (pure CPU: feedparser, lxml) gets processes
MIN_INTERVAL_S = 15 * 60
MAX_INTERVAL_S = 24 * 3600
MAX_BACKOFF_S = 24 * 3600
MAX_FULL_TEXT = 20  # linked pages fetched per feed and refresh (new entries only)
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"

FETCHED, NOT_MODIFIED, FAILED, GONE = "fetched", "not-modified", "failed", "gone"


@dataclass(frozen=True)
class FeedOutcome:
    """What a refresh did with one feed."""

    feed_id: int
    name: str
    status: str  # FETCHED, NOT_MODIFIED, FAILED or GONE (410: the feed is now disabled)
    new: int = 0
    updated: int = 0
    error: str | None = None
    skipped: tuple[str, ...] = ()  # entries the feed gave that could not be stored, and why
    moved_to: str | None = None


@dataclass(frozen=True)
class RefreshResult:
    """Every feed's outcome, and the totals the summary line gives."""

    outcomes: tuple[FeedOutcome, ...] = ()

    def _count(self, *statuses: str) -> int:
        return sum(1 for o in self.outcomes if o.status in statuses)

    @property
    def fetched(self) -> int:
        return self._count(FETCHED)

    @property
    def not_modified(self) -> int:
        return self._count(NOT_MODIFIED)

    @property
    def failed(self) -> int:
        return self._count(FAILED, GONE)

    @property
    def new(self) -> int:
        return sum(o.new for o in self.outcomes)

    @property
    def updated(self) -> int:
        return sum(o.updated for o in self.outcomes)

    @property
    def all_failed(self) -> bool:
        return bool(self.outcomes) and self.failed == len(self.outcomes)

    def summary(self) -> str:
        return (
            f"feeds: {self.fetched} fetched, {self.not_modified} not modified, {self.failed} failed;"
            f" items: {self.new} new, {self.updated} updated"
        )


@dataclass(frozen=True)
class Download:
    """What a worker brought back for one feed (no database access happened)."""

    feed: Feed
    fetched: Fetched | None = None
    parsed: ParsedFeed | None = None
    error: str | None = None
    status: int | None = None  # the HTTP status of an error answer


class _HostLimit:
    """At most ``limit`` fetches at once per host."""

    def __init__(self, limit: int):
        self._limit = limit
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}

    def __call__(self, url: str) -> threading.BoundedSemaphore:
        host = (urllib.parse.urlsplit(url).hostname or "").lower()
        with self._lock:
            return self._hosts.setdefault(host, threading.BoundedSemaphore(self._limit))


def download(
    feed: Feed, *, known: frozenset[str] = frozenset(), host_limit: _HostLimit | None = None, parse: bool = True
) -> Download:
    """Fetch and (unless not ``parse``) parse one feed, in a worker thread; with ``full_text``, the pages of
    its new entries too. Unparsed, a 200 answer comes back with ``fetched`` only, for a parser process."""
    limit = host_limit or _HostLimit(PER_HOST)
    try:
        with limit(feed.url):
            fetched = fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT)
    except FetchError as exc:
        return Download(feed, error=str(exc), status=exc.status)
    except LoadError as exc:
        return Download(feed, error=str(exc))
    if fetched.status == 304 or not parse:
        return Download(feed, fetched)
    return parse_download(feed, fetched, known=known, host_limit=limit)


def _parse_in_child(feed: Feed, fetched: Fetched) -> Download:
    """``parse_download`` in a parser process, the body not sent back (the parent has it)."""
    result = parse_download(feed, fetched)
    return replace(result, fetched=replace(fetched, data=b""))


def _parser_pool(processes: int) -> ProcessPoolExecutor:
    """Parser processes, started fresh (``spawn``: the caller has threads, which a fork would copy mid-lock);
    made when the first feed that changed arrives, so a refresh of unchanged feeds starts none."""
    import multiprocessing

    return ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"))


def parse_download(
    feed: Feed, fetched: Fetched, *, known: frozenset[str] = frozenset(), host_limit: _HostLimit | None = None
) -> Download:
    """A fetched feed parsed (and completed from the linked pages for a full-text feed)."""
    try:
        parsed = parse_feed_entries(fetched.data, source=fetched.url)
    except (ValueError, LookupError) as exc:
        return Download(feed, fetched, error=f"{feed.url}: {exc}")
    if feed.full_text:
        parsed = _with_full_text(parsed, known, host_limit or _HostLimit(PER_HOST))
    entries = tuple(replace(entry, index=article_index_values(entry.article)) for entry in parsed.entries)
    return Download(feed, fetched, replace(parsed, entries=entries))


def _with_full_text(parsed: ParsedFeed, known: frozenset[str], host_limit: _HostLimit) -> ParsedFeed:
    """New entries' text replaced by the article of the page they link to (the feed's text when that fails)."""
    from articles.importers import with_language
    from articles.importers.html import parse_html_page
    from articles.metadata import checked

    entries: list[FeedEntry] = []
    budget = MAX_FULL_TEXT
    for entry in parsed.entries:
        if budget and entry.link and entry.key not in known:
            budget -= 1
            try:
                with host_limit(entry.link):
                    page = fetch(entry.link, accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                found = parse_html_page(page.data, url=page.url, charset=page.charset)
                article = checked(replace(entry.article, paragraphs=found.paragraphs, language=None))
                entry = replace(entry, article=with_language(article))
            except (LoadError, ValueError, LookupError):
                pass  # the summary the feed gave stays
        entries.append(entry)
    return replace(parsed, entries=tuple(entries))


def _later(now: datetime, seconds: int) -> str:
    return iso(now + timedelta(seconds=seconds))


def interval_of(parsed: ParsedFeed | None, feed: Feed) -> int:
    """Seconds until the feed is due again: what it asks for, within the bounds."""
    wanted = parsed.interval_s if parsed is not None and parsed.interval_s else feed.interval or DEFAULT_INTERVAL_S
    return max(MIN_INTERVAL_S, min(MAX_INTERVAL_S, wanted))


def backoff(feed: Feed, errors: int) -> int:
    """Seconds before trying a failing feed again: its interval doubled for each failure in a row."""
    return min(MAX_BACKOFF_S, max(MIN_INTERVAL_S, feed.interval) * 2 ** min(errors - 1, 16))


def store(library: Library, result: Download, now: datetime | None = None) -> FeedOutcome:
    """Store one feed's download (in the calling thread, one transaction); its outcome."""
    now = now or datetime.now(UTC)
    feed, stamp = result.feed, iso(now)
    if result.error is not None:
        errors = feed.error_count + 1
        gone = result.status == 410
        error = result.error + ("; the feed is gone, it was disabled" if gone else "")
        state = FeedState(stamp, _later(now, backoff(feed, errors)), errors, error, disabled=True if gone else None)
        library.store_fetch(feed.id, state)
        return FeedOutcome(feed.id, feed.name, GONE if gone else FAILED, error=error)
    fetched = result.fetched
    assert fetched is not None
    moved_to = fetched.moved_to
    if fetched.status == 304:
        state = FeedState(stamp, _later(now, interval_of(None, feed)), 0, None, url=moved_to)
        library.store_fetch(feed.id, state)
        return FeedOutcome(feed.id, feed.name, NOT_MODIFIED, moved_to=moved_to)
    parsed = result.parsed
    assert parsed is not None
    interval = interval_of(parsed, feed)
    state = FeedState(
        stamp,
        _later(now, interval),
        0,
        None,
        url=moved_to,
        title=None if feed.title else parsed.title,
        site_url=parsed.site_url,
        etag=fetched.etag or "",
        last_modified=fetched.last_modified or "",
        interval=interval,
    )
    # oldest first: entries without a date then stand in import order, the feed's newest on top
    counts = library.store_fetch(feed.id, state, reversed(parsed.entries))
    return FeedOutcome(
        feed.id, feed.name, FETCHED, counts.new, counts.updated, skipped=parsed.failures, moved_to=moved_to
    )


def due(feeds: Iterable[Feed], now: datetime | None = None) -> list[Feed]:
    """The enabled feeds among ``feeds`` whose time has come."""
    moment = now or datetime.now(UTC)
    found = []
    for feed in feeds:
        next_time = parse_date(feed.next_fetch) if feed.next_fetch else None
        if not feed.disabled and (next_time is None or next_time <= moment):
            found.append(feed)
    return found


def refresh(
    library: Library,
    feeds: list[Feed] | None = None,
    *,
    force: bool = False,
    progress: Callable[[int, int, FeedOutcome], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int = WORKERS,
    per_host: int = PER_HOST,
    processes: int = 0,
) -> RefreshResult:
    """Fetch ``feeds`` (default: every subscription) that are due (all enabled ones with ``force``) and store
    what changed; ``progress(done, total, outcome)`` after each feed is stored, in the calling thread.

    With ``processes`` > 1 and at least ``PARSE_PROCESSES_MIN_FEEDS`` feeds, the feeds are parsed in that
    many processes: parsing is CPU work the GIL would otherwise serialise with the storing (full-text feeds
    stay in the threads, where the per-host limit holds for their pages)."""
    chosen = library.feeds() if feeds is None else feeds
    chosen = [f for f in chosen if not f.disabled] if force else due(chosen)
    if not chosen:
        return RefreshResult()
    host_limit = _HostLimit(per_host)
    outcomes: list[FeedOutcome] = []
    parallel = processes > 1 and len(chosen) >= PARSE_PROCESSES_MIN_FEEDS
    parsers: ProcessPoolExecutor | None = None
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="refresh")
    stopped = False
    try:
        pending: set[Future[Download]] = set()
        for feed in chosen:
            known = library.entry_keys(feed.id) if feed.full_text else frozenset()
            in_thread = not parallel or feed.full_text
            pending.add(pool.submit(download, feed, known=known, host_limit=host_limit, parse=in_thread))
        while pending:
            if cancelled is not None and cancelled():
                stopped = True
                break
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                result = future.result()
                fetched = result.fetched
                if result.error is None and result.parsed is None and fetched is not None and fetched.status != 304:
                    try:
                        parsers = parsers or _parser_pool(processes)
                        pending.add(parsers.submit(_parse_in_child, result.feed, fetched))
                        continue
                    except (OSError, ValueError, RuntimeError):  # no processes here (a closed stderr...): parse here
                        result = parse_download(result.feed, fetched)
                outcome = store(library, result)
                outcomes.append(outcome)
                if progress is not None:
                    progress(len(outcomes), len(chosen), outcome)
    except BaseException:
        stopped = True
        raise
    finally:
        # stopped (quit, Ctrl-C): fetches under way are left to end on their own, nothing more is stored
        pool.shutdown(wait=not stopped, cancel_futures=True)
        if parsers is not None:
            parsers.shutdown(wait=not stopped, cancel_futures=True)
    return RefreshResult(tuple(outcomes))
