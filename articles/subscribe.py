"""Subscribing: a feed URL, a web page that advertises its feed, or an OPML list (a file or a URL).

A feed URL is fetched once and checked before it is stored, and its entries go in at once (the same
path a refresh takes, ``articles.refresh``). A page is searched for its ``<link rel="alternate">``
feeds (``articles.discovery``), the first that reads as a feed is taken. An OPML list subscribes to
each of its feeds, folders from its nesting, without fetching them: ``newsread refresh`` does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from articles.discovery import feed_links
from articles.fetch import Fetched, fetch, is_url
from articles.importers import sniff
from articles.opml import Subscription, is_opml, parse_opml
from articles.refresh import FEED_ACCEPT, FeedOutcome, parse_download, store
from articles.sources import LoadError, read_bytes
from articles.store import Library
from articles.subscriptions import Feed

MAX_CANDIDATES = 3  # feeds a page advertises that are tried in turn


class SubscribeError(LoadError):
    """A source that gave no subscription; ``str()`` names it and says why."""


@dataclass(frozen=True)
class Subscribed:
    """One subscription a source gave: the feed, whether it is new, and what its first fetch stored."""

    feed: Feed
    added: bool
    outcome: FeedOutcome | None = None  # None when nothing was fetched (an OPML entry, a known feed)


def subscribe(library: Library, source: str, *, folder: str | None = None, full_text: bool = False) -> list[Subscribed]:
    """Subscribe to what ``source`` names (feed URL, page URL, OPML file or URL); ``SubscribeError`` when nothing."""
    if is_url(source):
        fetched = fetch(source, accept=FEED_ACCEPT + ", text/x-opml, text/html;q=0.7")
        if is_opml(fetched.data):
            return _subscribe_list(library, _opml(fetched.data, source), folder, full_text)
        return [_subscribe_url(library, source, fetched, folder, full_text)]
    if not os.path.exists(source):
        raise SubscribeError(f"{source}: no such file, and not an http(s) address")
    data = read_bytes(source)
    if not is_opml(data):
        raise SubscribeError(f"{source}: not an OPML list (subscribe to a feed by its http(s) address)")
    return _subscribe_list(library, _opml(data, source), folder, full_text)


def _opml(data: bytes, name: str) -> list[Subscription]:
    try:
        found = parse_opml(data)
    except ValueError as exc:
        raise SubscribeError(f"{name}: {exc}") from exc
    if not found:
        raise SubscribeError(f"{name}: the OPML list names no feed")
    return found


def _subscribe_list(
    library: Library, found: list[Subscription], folder: str | None, full_text: bool
) -> list[Subscribed]:
    results = []
    for item in found:
        feed, added = library.add_feed(item.url, title=item.title, folder=folder or item.folder, full_text=full_text)
        results.append(Subscribed(feed, added))
    return results


def _subscribe_url(library: Library, url: str, fetched: Fetched, folder: str | None, full_text: bool) -> Subscribed:
    """A feed at ``url`` (or, for a page, one it advertises): checked, stored, its entries stored."""
    if sniff(fetched.data, content_type=fetched.content_type) == "html":
        candidates = feed_links(fetched.data, fetched.url)
        if not candidates:
            raise SubscribeError(f'{url}: a web page that advertises no feed (no <link rel="alternate">)')
        reasons = []
        for candidate in candidates[:MAX_CANDIDATES]:
            try:
                return _subscribe_feed(library, candidate, fetch(candidate, accept=FEED_ACCEPT), folder, full_text)
            except LoadError as exc:
                reasons.append(str(exc))
        raise SubscribeError(f"{url}: none of the page's feeds could be read ({'; '.join(reasons)})")
    return _subscribe_feed(library, url, fetched, folder, full_text)


def _subscribe_feed(library: Library, url: str, fetched: Fetched, folder: str | None, full_text: bool) -> Subscribed:
    address = fetched.moved_to or url
    known = library.find_feed(address) if address.lower().startswith(("http://", "https://")) else None
    if known is not None and known.url == address:
        return Subscribed(known, False)
    download = parse_download(Feed(id=0, url=address, full_text=full_text), fetched)
    if download.error is not None or download.parsed is None:
        raise SubscribeError(download.error or f"{url}: not a feed")
    feed, added = library.add_feed(
        address, title=download.parsed.title, folder=folder, site_url=download.parsed.site_url, full_text=full_text
    )
    if not added:
        return Subscribed(feed, False)
    outcome = store(library, replace(download, feed=feed, fetched=replace(fetched, moved_to=None)))
    return Subscribed(library.feed(feed.id) or feed, True, outcome)
