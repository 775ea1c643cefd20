"""Feed commands: ``feeds add|list|rm|rename|set-full-text|export`` and ``refresh``.

The work is in ``articles`` (``subscribe``, ``refresh``, ``opml``); these print what happened, one
line per problem on stderr, and return the exit status.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from articles.store import Library
from articles.subscriptions import Feed
from tui import errors
from tui.library_access import library_errors, open_library
from tui.options import GlobalOptions
from tui.output import Output

MAX_PARSERS = 4  # parser processes for a large refresh (one per core, up to this)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def resolve_feed(library: Library, ref: str) -> Feed:
    """The feed ``ref`` names (id, URL or title), or a one-line ``UserError``."""
    feed = library.find_feed(ref)
    if feed is None:
        raise errors.UserError(
            f"no feed {ref!r} in the library (see 'newsread feeds list'; a title shared by several feeds needs the id)"
        )
    return feed


def add(options: GlobalOptions, *, sources: Sequence[str], folder: str | None, full_text: bool) -> int:
    """Subscribe to feeds, pages' feeds and OPML lists."""
    from articles.sources import LoadError
    from articles.subscribe import subscribe

    failures = 0
    added = known = items = 0
    out = Output(options.render)
    with library_errors(), open_library(options.library, seed=False) as library:
        for source in sources:
            try:
                results = subscribe(
                    library, source, folder=folder.strip() or None if folder else None, full_text=full_text
                )
            except LoadError as exc:
                errors.report(str(exc))
                failures += 1
                continue
            for result in results:
                if not result.added:
                    known += 1
                    errors.report(f"already subscribed: {result.feed.url} (feed {result.feed.id})")
                    continue
                added += 1
                got = result.outcome.new if result.outcome else 0
                items += got
                detail = f"{_plural(got, 'item')}" if result.outcome else "fetched on the next refresh"
                out.row(f"subscribed {result.feed.id:>4}  ", f"{result.feed.name}  ({detail})")
    print(f"added {_plural(added, 'feed')} ({_plural(items, 'item')}), {known} already subscribed, failed {failures}")
    return 1 if failures else 0


def list_feeds(options: GlobalOptions, *, output_format: str) -> int:
    """List subscriptions with their fetch state and counts."""
    out = Output(options.render)
    with library_errors(), open_library(options.library, seed=False) as library:
        feeds = library.feeds()
        counts = library.feed_counts()
    if not feeds and output_format == "text":
        errors.report("no subscriptions yet: 'newsread feeds add URL' subscribes to one")
        return 0
    for feed in feeds:
        count = counts.get(feed.id)
        items, unread = (count.items, count.unread) if count else (0, 0)
        if output_format == "json":
            out.json(
                {
                    "id": feed.id,
                    "title": feed.title,
                    "url": feed.url,
                    "folder": feed.folder,
                    "site_url": feed.site_url,
                    "last_fetch": feed.last_fetch,
                    "next_fetch": feed.next_fetch,
                    "last_error": feed.last_error,
                    "error_count": feed.error_count,
                    "interval": feed.interval,
                    "disabled": feed.disabled,
                    "full_text": feed.full_text,
                    "items": items,
                    "unread": unread,
                }
            )
            continue
        when = (feed.last_fetch or "never")[:16].replace("T", " ")
        flags = "".join(mark for on, mark in ((feed.disabled, " [disabled]"), (feed.full_text, " [full text]")) if on)
        folder = f"{feed.folder}/" if feed.folder else ""
        out.row(f"{feed.id:>4} {unread:>5}/{items:<5} {when:<16}  ", f"{folder}{feed.name}{flags}")
        out.line(f"{'':29}{feed.url}")
        if feed.last_error:
            out.line(f"{'':29}error: {feed.last_error}")
    return 0


def rm(options: GlobalOptions, *, feeds: Sequence[str]) -> int:
    """Unsubscribe (the articles stay)."""
    with library_errors(), open_library(options.library, seed=False) as library:
        chosen = {feed.id: feed for feed in (resolve_feed(library, ref) for ref in feeds)}
        for feed in chosen.values():
            library.remove_feed(feed.id)
    print(f"removed {_plural(len(chosen), 'feed')} (their articles stay in the library)")
    return 0


def rename(options: GlobalOptions, *, feed: str, title: str | None, folder: str | None) -> int:
    """Retitle a feed, or move it to another folder."""
    if title is None and folder is None:
        raise errors.UsageError("say what to change: a new TITLE, --folder FOLDER, or both")
    if title is not None and not " ".join(title.split()):
        raise errors.UsageError("the new title is empty")
    values: dict[str, str | None] = {}
    if title is not None:
        values["title"] = " ".join(title.split())
    if folder is not None:
        values["folder"] = "/".join(part.strip() for part in folder.split("/") if part.strip()) or None
    with library_errors(), open_library(options.library, seed=False) as library:
        found = resolve_feed(library, feed)
        library.update_feed(found.id, **values)
    print(f"feed {found.id} updated")
    return 0


def set_full_text(options: GlobalOptions, *, feeds: Sequence[str], off: bool) -> int:
    """Turn full-text fetching on (or off) for feeds."""
    with library_errors(), open_library(options.library, seed=False) as library:
        chosen = [resolve_feed(library, ref) for ref in feeds]
        for feed in chosen:
            library.update_feed(feed.id, full_text=int(not off))
    print(f"full text {'off' if off else 'on'} for {_plural(len(chosen), 'feed')}")
    return 0


def export(options: GlobalOptions, *, output_format: str, output: str | None) -> int:
    """The subscriptions as OPML 2.0."""
    from pathlib import Path

    from articles.opml import to_opml
    from tui.commands.library_cmd import _write_atomically

    with library_errors(), open_library(options.library, seed=False) as library:
        feeds = library.feeds()
    document = to_opml(feeds)
    if output is None:
        sys.stdout.write(document)
        return 0
    _write_atomically(Path(output), document)
    errors.say(f"exported {_plural(len(feeds), 'feed')} to {output}")
    return 0


def refresh(options: GlobalOptions, *, feeds: Sequence[str], force: bool) -> int:
    """Fetch due subscriptions concurrently; one summary line; status 1 only when every feed failed."""
    from articles.refresh import FAILED, GONE
    from articles.refresh import refresh as run_refresh
    from tui.progress import progress_bar

    with library_errors(), open_library(options.library, seed=False) as library:
        chosen = [resolve_feed(library, ref) for ref in feeds] if feeds else None
        if chosen is None and not library.feeds():
            errors.report("no subscriptions yet: 'newsread feeds add URL' subscribes to one")
            return 0
        with progress_bar("Refreshing") as advance:
            result = run_refresh(
                library,
                chosen,
                force=force,
                progress=lambda done, total, _: advance(done, total),
                processes=min(os.cpu_count() or 1, MAX_PARSERS),
            )
    for outcome in result.outcomes:
        if outcome.status in (FAILED, GONE):
            errors.report(outcome.error or f"{outcome.name}: failed")
        elif outcome.moved_to:
            errors.report(f"{outcome.name}: moved permanently to {outcome.moved_to} (address updated)")
    print(result.summary())
    return 1 if result.all_failed else 0
