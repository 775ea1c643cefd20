"""Feed subscriptions in the library: the ``feeds`` table, its fetch state and per-feed counts.

A subscription lives in the library file itself (no extra config file): its URL, title, folder,
the validators of its last answer (ETag, Last-Modified) for conditional GET, and its schedule
(``next_fetch``, ``interval``, ``error_count`` for the backoff). Functions take the caller's
connection; ``articles.store.Library`` wraps them in its transactions and error handling.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from articles.dates import now_iso

DEFAULT_INTERVAL_S = 3600
_FEED_COLUMNS = (
    "id, url, title, folder, site_url, etag, last_modified, last_fetch, last_error, error_count, next_fetch,"
    " interval, disabled, full_text, added"
)


@dataclass(frozen=True)
class Feed:
    """One subscription and its fetch state."""

    id: int
    url: str
    title: str | None = None
    folder: str | None = None
    site_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: str | None = None
    last_error: str | None = None
    error_count: int = 0
    next_fetch: str | None = None
    interval: int = DEFAULT_INTERVAL_S
    disabled: bool = False
    full_text: bool = False
    added: str = ""

    @property
    def name(self) -> str:
        """What lists call it: its title, else its URL."""
        return self.title or self.url


@dataclass(frozen=True)
class FeedCounts:
    """How many articles a feed brought (as the first feed to carry them) and how many are unread."""

    items: int = 0
    unread: int = 0


@dataclass(frozen=True)
class FeedState:
    """What one fetch changes in a subscription (``None``: leave as it is, except where said)."""

    last_fetch: str
    next_fetch: str
    error_count: int
    last_error: str | None  # None clears it
    url: str | None = None  # a permanent redirect's new address
    title: str | None = None
    site_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    interval: int | None = None
    disabled: bool | None = None


def _feed(row: tuple[Any, ...]) -> Feed:
    return Feed(
        id=row[0],
        url=row[1],
        title=row[2],
        folder=row[3],
        site_url=row[4],
        etag=row[5],
        last_modified=row[6],
        last_fetch=row[7],
        last_error=row[8],
        error_count=int(row[9]),
        next_fetch=row[10],
        interval=int(row[11]),
        disabled=bool(row[12]),
        full_text=bool(row[13]),
        added=row[14],
    )


def add_feed(
    conn: sqlite3.Connection,
    url: str,
    *,
    title: str | None = None,
    folder: str | None = None,
    site_url: str | None = None,
    full_text: bool = False,
) -> tuple[Feed, bool]:
    """Subscribe to ``url``; ``(feed, added)``, ``added`` False when it was subscribed already (left as it was)."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO feeds (url, title, folder, site_url, full_text, added) VALUES (?, ?, ?, ?, ?, ?)",
        (url, title, folder or None, site_url, int(full_text), now_iso()),
    )
    feed = feed_by_url(conn, url)
    assert feed is not None
    return feed, cursor.rowcount == 1


def feed_by_url(conn: sqlite3.Connection, url: str) -> Feed | None:
    row = conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url = ?", (url,)).fetchone()
    return None if row is None else _feed(row)


def feed_by_id(conn: sqlite3.Connection, feed_id: int) -> Feed | None:
    row = conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE id = ?", (feed_id,)).fetchone()
    return None if row is None else _feed(row)


def all_feeds(conn: sqlite3.Connection) -> list[Feed]:
    """Every subscription, by folder then title."""
    sql = f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY coalesce(folder, ''), lower(coalesce(title, url)), id"
    return [_feed(r) for r in conn.execute(sql)]


def find_feed(conn: sqlite3.Connection, ref: str) -> Feed | None:
    """The feed a user means by ``ref``: its id, its URL, or its title (exactly, then ignoring case)."""
    text = ref.strip()
    if text.isascii() and text.isdigit():
        return feed_by_id(conn, int(text))
    found = feed_by_url(conn, text)
    if found is not None:
        return found
    rows = conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE title = ?", (text,)).fetchall()
    if not rows:
        folded = text.casefold()
        rows = [r for r in conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds") if (r[2] or "").casefold() == folded]
    return _feed(rows[0]) if len(rows) == 1 else None


def due_feeds(conn: sqlite3.Connection, now: str) -> list[Feed]:
    """Enabled feeds whose next fetch time has come (or was never set)."""
    sql = (
        f"SELECT {_FEED_COLUMNS} FROM feeds WHERE disabled = 0 AND (next_fetch IS NULL OR next_fetch <= ?)"
        " ORDER BY id"
    )
    return [_feed(r) for r in conn.execute(sql, (now,))]


def remove_feed(conn: sqlite3.Connection, feed_id: int) -> None:
    """Unsubscribe: the feed goes; its articles stay in the library (they may be starred), each kept under
    another feed that carried it, if any."""
    conn.execute("DELETE FROM article_feeds WHERE feed_id = ?", (feed_id,))
    conn.execute(
        "UPDATE articles SET feed_id = (SELECT min(feed_id) FROM article_feeds WHERE article_id = articles.id)"
        " WHERE feed_id = ?",
        (feed_id,),
    )
    conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))


def update_feed(conn: sqlite3.Connection, feed_id: int, **values: Any) -> None:
    """Set some columns of a feed (``title``, ``folder``, ``full_text``, ``disabled``, ``next_fetch`` ...)."""
    allowed = {"title", "folder", "full_text", "disabled", "next_fetch", "error_count", "last_error", "url"}
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"not a feed setting: {', '.join(sorted(unknown))}")
    if values:
        assignments = ", ".join(f"{name} = ?" for name in values)
        conn.execute(f"UPDATE feeds SET {assignments} WHERE id = ?", (*values.values(), feed_id))


def record_state(conn: sqlite3.Connection, feed_id: int, state: FeedState) -> None:
    """Store what a fetch learned about the feed (in the caller's transaction, with its entries)."""
    values: dict[str, Any] = {
        "last_fetch": state.last_fetch,
        "next_fetch": state.next_fetch,
        "error_count": state.error_count,
        "last_error": state.last_error,
    }
    for name in ("title", "site_url", "etag", "last_modified", "interval"):
        if getattr(state, name) is not None:
            values[name] = getattr(state, name)
    if state.disabled is not None:
        values["disabled"] = int(state.disabled)
    if state.url is not None and feed_by_url(conn, state.url) is None:  # never two subscriptions to one address
        values["url"] = state.url
    assignments = ", ".join(f"{name} = ?" for name in values)
    conn.execute(f"UPDATE feeds SET {assignments} WHERE id = ?", (*values.values(), feed_id))


def unread_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """Unread articles per feed: one pass over the unread entries of the (feed_id, read) index."""
    sql = "SELECT feed_id, count(*) FROM articles WHERE feed_id IS NOT NULL AND read = 0 GROUP BY feed_id"
    return {int(r[0]): int(r[1]) for r in conn.execute(sql)}


def feed_counts(conn: sqlite3.Connection) -> dict[int, FeedCounts]:
    """Items and unread per feed, from the (feed_id, read) index alone (no article row is read)."""
    sql = (
        "SELECT feed_id, count(*), sum(read = 0) FROM articles INDEXED BY articles_feed_read"
        " WHERE feed_id IS NOT NULL GROUP BY feed_id"
    )
    return {int(r[0]): FeedCounts(int(r[1]), int(r[2] or 0)) for r in conn.execute(sql)}


def feeds_of_article(conn: sqlite3.Connection, article_id: int) -> list[Feed]:
    """Every subscribed feed that carried the article, the first one first."""
    sql = (
        f"SELECT {', '.join('f.' + c.strip() for c in _FEED_COLUMNS.split(','))} FROM article_feeds a"
        " JOIN feeds f ON f.id = a.feed_id WHERE a.article_id = ? ORDER BY"
        " (f.id = (SELECT feed_id FROM articles WHERE id = ?)) DESC, f.id"
    )
    return [_feed(r) for r in conn.execute(sql, (article_id, article_id))]
