"""The article library: one SQLite file (WAL, busy timeout, versioned schema) with FTS5 search.

Safety rules (issue 7): a file that is not a newsread library, is corrupt, was written by a
newer newsread or is read-only raises ``LibraryError`` with a one-line message and is never
written to; every write is one ``BEGIN IMMEDIATE`` transaction, so an article goes in whole or
not at all and a kill mid-import leaves the last committed state. One ``Library`` object
belongs to one thread; other threads open their own (opening is cheap).
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from articles import people
from articles.dates import now_iso, sort_key
from articles.model import Article
from articles.people import PersonRow
from articles.schema import APPLICATION_ID, PAGE_SIZE, SCHEMA_VERSION, migrate
from articles.search_text import (
    FTS_TABLE,
    FTS_VOCABULARY,
    INDEX_VERSION,
    PHRASE_CANDIDATES,
    RANKING,
    Query,
    index_values,
    parse_query,
    snippet,
)
from summarize.analysis import Analysis

BUSY_TIMEOUT_S = 60.0
RANK_ALL_LIMIT = 10_000  # articles a word may stand in and still be ranked by relevance rather than date
_FTS_INSERT = (
    "INSERT INTO articles_fts (rowid, title, body, title_words, body_words, title_stems, body_stems)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_FTS_DELETE = (
    "INSERT INTO articles_fts (articles_fts, rowid, title, body, title_words, body_words, title_stems, body_stems)"
    " VALUES ('delete', ?, ?, ?, ?, ?, ?, ?)"
)
_SQLITE_MAGIC = b"SQLite format 3\x00"
_CHUNK = 500

# Closing any file descriptor on a file drops every POSIX lock this process holds on it, SQLite's too:
# the header check (which opens and closes the file) must not run while this process has a connection
# to it, or another process could take the library for unused and delete its WAL under our feet.
_OPENING = threading.Lock()
_CONNECTED: dict[str, int] = {}  # real path -> open connections in this process

P = ParamSpec("P")
R = TypeVar("R")


class LibraryError(Exception):
    """A library problem the user can act on; ``str()`` is one line naming the file."""


@dataclass(frozen=True)
class ArticleRow:
    """A light row for lists: everything but the body."""

    id: int
    title: str
    kicker: str | None
    language: str | None
    source: str | None
    published: str | None
    imported: str
    read: bool
    starred: bool
    sort_key: str = ""  # where it stands in the lists (see ``articles.dates.sort_key``)
    tags: tuple[str, ...] = ()

    @property
    def key(self) -> RowKey:
        return (self.sort_key, self.id)


RowKey = tuple[str, int]  # (sort_key, id): a row's place in every list, newest first


@dataclass(frozen=True)
class ListFilter:
    """Which articles a list shows; each filter has an index that starts in list order."""

    unread: bool = False
    starred: bool = False
    language: str | None = None
    person: int | None = None  # articles this person of the people index attended

    def where(self) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.person is not None:
            clauses.append("id IN (SELECT article_id FROM attendance WHERE person_id = ?)")
            params.append(self.person)
        if self.unread:
            clauses.append("read = 0")
        if self.starred:
            clauses.append("starred = 1")
        if self.language:
            clauses.append("language = ?")
            params.append(self.language)
        return clauses, params


EVERYTHING = ListFilter()
_ROW_COLUMNS = "id, title, kicker, language, source, published, imported, read, starred, sort_key, tags"


def _row(r: tuple[Any, ...]) -> ArticleRow:
    return ArticleRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), bool(r[8]), r[9], tuple(json.loads(r[10])))


@dataclass(frozen=True)
class SearchHit:
    """One search result; ``snippet`` is plain text in logical order; lower ``rank`` is better (bm25)."""

    id: int
    title: str
    snippet: str
    rank: float


def default_path() -> Path:
    """Where the library lives when no path is given: the user's data directory."""
    import platformdirs

    return platformdirs.user_data_path("newsread", appauthor=False) / "library.sqlite3"


def _is_busy(exc: sqlite3.Error) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def _describe(path: Path, exc: sqlite3.Error | UnicodeDecodeError) -> LibraryError:
    if isinstance(exc, UnicodeDecodeError):  # text (or SQLite's message about it) that is not UTF-8: damage
        return LibraryError(
            f"{path}: the library file is damaged or unreadable (text that is not UTF-8); left as it is"
        )
    message = str(exc)
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        return LibraryError(f"{path}: the library is busy (another newsread is writing); try again")
    if "readonly" in lowered or "read-only" in lowered:
        return LibraryError(f"{path}: the library file is read-only")
    if "disk is full" in lowered:
        return LibraryError(f"{path}: the disk is full; nothing was written")
    if "unable to open" in lowered:
        return LibraryError(f"{path}: cannot open the library file (check the folder's permissions)")
    return LibraryError(f"{path}: the library file is damaged or unreadable ({message}); it was left as it is")


def _guarded(method: Callable[P, R]) -> Callable[P, R]:
    """Turn any SQLite error into a one-line ``LibraryError``."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except sqlite3.ProgrammingError:
            raise  # misuse (wrong thread, closed cursor) is a bug, not a problem with the user's file
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            library = args[0]
            raise _describe(library.path, exc) from exc  # type: ignore[attr-defined]

    return wrapper


def _check_regular(path: Path) -> None:
    """Refuse a pipe, device or socket (as the library or beside it as its ``-wal``, ``-shm`` or
    ``-journal``): opening a FIFO waits for a writer that never comes, and SQLite would block on it too."""
    for candidate in (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))):
        try:
            mode = candidate.stat().st_mode
        except OSError:
            continue  # absent (or unreadable: opening it reports that)
        if not stat.S_ISREG(mode):
            raise LibraryError(
                f"{candidate}: not a regular file (a pipe, device or socket), not a library; it was left as it is"
            )


def _check_header(path: Path) -> None:
    """Refuse, before SQLite touches it, a file that is not an SQLite database or not ours."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except PermissionError as exc:
        raise LibraryError(f"{path}: permission denied") from exc
    except OSError as exc:
        raise LibraryError(f"{path}: {exc.strerror or exc}") from exc
    if not header:
        return  # an empty file: a new library
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise LibraryError(f"{path}: not a newsread library (not an SQLite database); it was left as it is")
    schema_cookie = int.from_bytes(header[40:44], "big")
    user_version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    _check_identity(path, application_id, user_version, has_schema=schema_cookie != 0)


def _check_wal_identity(path: Path) -> None:
    """Refuse a file whose un-checkpointed ``-wal`` makes it newer or another program's, read read-only.

    The header check reads the main file only, and a read-write connection that then refused the file
    would, on closing, checkpoint the WAL into it and delete the WAL: the file would not be left as it was.
    A read-only connection cannot checkpoint; with ``readonly_shm`` it writes no byte at all (without a
    ``-shm``, SQLite needs to create one to read the WAL: that index file is all it adds).
    """
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.stat().st_size == 0:
            return
    except OSError:
        return
    uri = path.resolve().as_uri() + "?mode=ro"
    if path.with_name(path.name + "-shm").exists():
        uri += "&readonly_shm=1"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        try:
            version, application_id, tables = _read_identity(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if _is_busy(exc):
            return  # a live writer is at it: the read-write open below waits its turn and checks again
        raise _describe(path, exc) from exc
    _check_identity(path, application_id, version, has_schema=tables > 0 and version == 0)


def _check_identity(path: Path, application_id: int, user_version: int, *, has_schema: bool) -> None:
    if application_id not in (0, APPLICATION_ID) or (application_id == 0 and has_schema):
        raise LibraryError(f"{path}: an SQLite database of another program, not a newsread library; left as it is")
    if user_version > SCHEMA_VERSION:
        raise LibraryError(
            f"{path}: written by a newer newsread (library schema {user_version}, this one reads up to "
            f"{SCHEMA_VERSION}); upgrade newsread, the file was left as it is"
        )


def _read_identity(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """``(user_version, application_id, table count)`` from one snapshot.

    One statement is one read transaction: read one by one, another process creating the
    library in between could show tables without the version and id that came with them.
    """
    row = conn.execute(
        "SELECT (SELECT user_version FROM pragma_user_version),"
        " (SELECT application_id FROM pragma_application_id),"
        " (SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


class Library:
    """The article store. ``Library(path)``; ``None`` means ``default_path()``."""

    def __init__(self, path: str | os.PathLike[str] | None = None):
        self.path = Path(path).expanduser() if path is not None else default_path()
        self._conn: sqlite3.Connection | None = None
        self._conn = self._open()

    # -- opening -----------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        with _OPENING:
            conn = self._connect()
            self._key = os.path.realpath(self.path)
            _CONNECTED[self._key] = _CONNECTED.get(self._key, 0) + 1
        try:
            self._prepare_patiently(conn)
        except LibraryError:
            self._release(conn)
            raise
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            self._release(conn)
            raise _describe(self.path, exc) from exc
        return conn

    def _release(self, conn: sqlite3.Connection) -> None:
        conn.close()
        with _OPENING:
            _CONNECTED[self._key] -= 1
            if not _CONNECTED[self._key]:
                del _CONNECTED[self._key]

    def _connect(self) -> sqlite3.Connection:
        path = self.path
        if path.exists():
            if path.is_dir():
                raise LibraryError(f"{path}: is a directory, not a library file")
            _check_regular(path)
            if not _CONNECTED.get(os.path.realpath(path)):  # checked already, and closing a file would drop locks
                _check_header(path)
                _check_wal_identity(path)
            if not os.access(path, os.W_OK):
                raise LibraryError(f"{path}: the library file is read-only; it was left as it is")
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(f"{path.parent}: cannot create the library folder ({exc.strerror or exc})") from exc
        try:
            return sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise _describe(path, exc) from exc

    def _prepare_patiently(self, conn: sqlite3.Connection) -> None:
        """``_prepare``, retried while another process holds a lock SQLite will not wait for.

        Creating a library (switching to WAL) and WAL recovery can answer "busy" at once,
        without calling the busy handler; several processes opening a new library together see it.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        delay = 0.005
        while True:
            try:
                self._prepare(conn)
                return
            except sqlite3.OperationalError as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if not _is_busy(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.25)

    def _prepare(self, conn: sqlite3.Connection) -> None:
        """Check identity with reads only; then WAL and, for a new or older file, the schema."""
        version, application_id, tables = _read_identity(conn)
        _check_identity(self.path, application_id, version, has_schema=tables > 0 and version == 0)
        if version == 0 and tables == 0:
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # only takes effect on a new, empty file
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            try:
                current = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have done it
                if current < SCHEMA_VERSION:
                    migrate(conn, current)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        if conn.execute("SELECT value FROM meta WHERE key = 'index_version'").fetchone() != (INDEX_VERSION,):
            conn.execute("BEGIN IMMEDIATE")
            try:
                if conn.execute("SELECT value FROM meta WHERE key = 'index_version'").fetchone() != (INDEX_VERSION,):
                    self._rebuild_index(conn)  # (unless another process just did)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @staticmethod
    def _rebuild_index(conn: sqlite3.Connection) -> None:
        """Build the search index afresh in the current layout (a new library, or the forms or columns of
        ``articles.search_text`` changed since it was built), one article at a time."""
        conn.execute("DROP TABLE IF EXISTS articles_vocab")
        conn.execute("DROP TABLE IF EXISTS articles_fts")
        conn.execute(FTS_TABLE)
        conn.execute(FTS_VOCABULARY)
        for row in conn.execute("SELECT id, title, kicker, paragraphs FROM articles"):
            conn.execute(_FTS_INSERT, (row[0], *_index_values(row[1], row[2], json.loads(row[3]))))
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('index_version', ?)", (INDEX_VERSION,))

    def set_busy_timeout(self, seconds: float) -> None:
        """Wait at most ``seconds`` for another writer's lock (the app's UI thread cannot wait a minute)."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def close(self) -> None:
        if self._conn is not None:
            self._release(self._conn)
            self._conn = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise LibraryError(f"{self.path}: the library is closed")
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (``IMMEDIATE``) so the busy timeout covers it."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # -- writing articles ----------------------------------------------------------------------

    @_guarded
    def add(self, article: Article) -> tuple[int, bool]:
        """Store ``article``; ``(id, added)``, ``added`` False when the same content is already there."""
        return self.add_many([article])[0]

    @_guarded
    def add_many(self, articles: Iterable[Article]) -> list[tuple[int, bool]]:
        """Store many articles in one transaction (all of them or none); ``(id, added)`` for each."""
        with self._write() as conn:
            return [self._insert(conn, article) for article in articles]

    @_guarded
    def restore_many(self, articles: Iterable[Article]) -> tuple[list[tuple[int, bool]], int]:
        """Store articles from newsread's own export, in one transaction: ``(id, added)`` for each,
        and how many already stored took different marks from the export.

        One already stored takes the export's read and starred flags and gains its tags, so a
        backup restored into a library that already holds the samples keeps its marks."""
        results = []
        changed = 0
        with self._write() as conn:
            for article in articles:
                article_id, added = self._insert(conn, article)
                if not added:
                    changed += self._restore_marks(conn, article_id, article)
                results.append((article_id, added))
        return results, changed

    @staticmethod
    def _restore_marks(conn: sqlite3.Connection, article_id: int, article: Article) -> bool:
        """Give a stored article the export's marks; True when that changed them."""
        read, starred, tags = conn.execute(
            "SELECT read, starred, tags FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        stored_tags = json.loads(tags)
        merged = list(dict.fromkeys([*stored_tags, *article.tags]))
        if (bool(read), bool(starred), stored_tags) == (article.read, article.starred, merged):
            return False
        conn.execute(
            "UPDATE articles SET read = ?, starred = ?, tags = ? WHERE id = ?",
            (int(article.read), int(article.starred), json.dumps(merged, ensure_ascii=False), article_id),
        )
        return True

    def _insert(self, conn: sqlite3.Connection, article: Article) -> tuple[int, bool]:
        content_hash = article.content_hash
        imported = article.imported or now_iso()
        cursor = conn.execute(
            "INSERT OR IGNORE INTO articles (content_hash, title, kicker, paragraphs, pull_quotes, language, source,"
            " published, imported, read, starred, tags, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                content_hash,
                article.title,
                article.kicker,
                json.dumps(list(article.paragraphs), ensure_ascii=False),
                json.dumps(list(article.pull_quotes), ensure_ascii=False),
                article.language,
                article.source,
                article.published,
                imported,
                int(article.read),
                int(article.starred),
                json.dumps(list(article.tags), ensure_ascii=False),
                sort_key(article.published, imported),
            ),
        )
        if cursor.rowcount != 1:
            row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
            return int(row[0]), False
        article_id = int(cursor.lastrowid or 0)
        conn.execute(_FTS_INSERT, (article_id, *_index_values(article.title, article.kicker, article.paragraphs)))
        return article_id, True

    @_guarded
    def set_read(self, ids: Iterable[int], read: bool = True) -> int:
        """Mark articles read (or unread); how many exist among ``ids``."""
        return self._update_flag("read", ids, read)

    @_guarded
    def set_starred(self, ids: Iterable[int], starred: bool = True) -> int:
        """Star (or unstar) articles; how many exist among ``ids``."""
        return self._update_flag("starred", ids, starred)

    def _update_flag(self, column: str, ids: Iterable[int], value: bool) -> int:
        changed = 0
        with self._write() as conn:
            for chunk in _chunks(ids):
                marks = ",".join("?" * len(chunk))
                cursor = conn.execute(f"UPDATE articles SET {column} = ? WHERE id IN ({marks})", (int(value), *chunk))
                changed += cursor.rowcount
        return changed

    @_guarded
    def remove(self, ids: Iterable[int]) -> int:
        """Delete articles (and their search entries and cached analyses); how many were there."""
        removed = 0
        with self._write() as conn:
            for chunk in _chunks(ids):
                marks = ",".join("?" * len(chunk))
                conn.execute(
                    "DELETE FROM analysis WHERE content_hash IN"
                    f" (SELECT content_hash FROM articles WHERE id IN ({marks}))",
                    chunk,
                )
                for row in conn.execute(
                    f"SELECT id, title, kicker, paragraphs FROM articles WHERE id IN ({marks})", chunk
                ).fetchall():
                    conn.execute(_FTS_DELETE, (row[0], *_index_values(row[1], row[2], json.loads(row[3]))))
                people.forget_articles(conn, chunk)
                removed += conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk).rowcount
        return removed

    # -- reading -------------------------------------------------------------------------------

    @_guarded
    def count(self, where: ListFilter = EVERYTHING) -> int:
        clauses, params = where.where()
        sql = "SELECT count(*) FROM articles" + (" WHERE " + " AND ".join(clauses) if clauses else "")
        return int(self.conn.execute(sql, params).fetchone()[0])

    @_guarded
    def rows(self, where: ListFilter = EVERYTHING, *, offset: int = 0, limit: int = 100) -> list[ArticleRow]:
        """Rows ``offset`` to ``offset + limit`` of the list, newest first (for ``newsread list --offset``;
        the app pages with ``page``, which does not rescan what comes before)."""
        clauses, params = where.where()
        sql = (
            f"SELECT {_ROW_COLUMNS} FROM articles"
            + (" WHERE " + " AND ".join(clauses) if clauses else "")
            + " ORDER BY sort_key DESC, id DESC LIMIT ? OFFSET ?"
        )
        return [_row(r) for r in self.conn.execute(sql, (*params, limit, offset))]

    @_guarded
    def page(
        self, where: ListFilter = EVERYTHING, *, after: RowKey | None = None, limit: int = 100, backwards: bool = False
    ) -> list[ArticleRow]:
        """Up to ``limit`` rows that follow the row keyed ``after`` in list order (from the top when None),
        or that precede it with ``backwards`` (from the bottom when None; returned in list order).

        Keyset paging: the index starts at ``after``, so the cost does not grow with the position."""
        clauses, params = where.where()
        if after is not None:
            clauses.append("(sort_key, id) > (?, ?)" if backwards else "(sort_key, id) < (?, ?)")
            params.extend(after)
        order = "sort_key ASC, id ASC" if backwards else "sort_key DESC, id DESC"
        sql = (
            f"SELECT {_ROW_COLUMNS} FROM articles"
            + (" WHERE " + " AND ".join(clauses) if clauses else "")
            + f" ORDER BY {order} LIMIT ?"
        )
        found = [_row(r) for r in self.conn.execute(sql, (*params, limit))]
        return found[::-1] if backwards else found

    @_guarded
    def row(self, article_id: int) -> ArticleRow | None:
        """The light row of one article, or None."""
        found = self.conn.execute(f"SELECT {_ROW_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if found is None else _row(found)

    @_guarded
    def key_of(self, article_id: int) -> RowKey | None:
        """The list key of an article, or None when there is no such article."""
        found = self.conn.execute("SELECT sort_key, id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if found is None else (found[0], int(found[1]))

    @_guarded
    def position(self, article_id: int, where: ListFilter = EVERYTHING) -> int | None:
        """The article's row number in the list (0 at the top), or None when it is not in this list.

        One indexed count of the rows before it: opening a search hit or the next unread article
        at the bottom of a million rows does not walk the list."""
        key = self.key_of(article_id)
        if key is None:
            return None
        clauses, params = where.where()
        member = self.conn.execute(
            "SELECT 1 FROM articles WHERE id = ?" + "".join(f" AND {c}" for c in clauses), (article_id, *params)
        ).fetchone()
        if member is None:
            return None
        clauses.append("(sort_key, id) > (?, ?)")
        sql = "SELECT count(*) FROM articles WHERE " + " AND ".join(clauses)
        return int(self.conn.execute(sql, (*params, *key)).fetchone()[0])

    @_guarded
    def ids(self) -> list[int]:
        """Every article id, in list order (newest first)."""
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY sort_key DESC, id DESC")]

    @_guarded
    def existing(self, ids: Iterable[int]) -> set[int]:
        """Which of ``ids`` the library holds (one indexed look-up per chunk, not a walk over every row)."""
        found: set[int] = set()
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    @_guarded
    def get(self, article_id: int) -> Article:
        """The whole article; ``KeyError`` when there is none with that id."""
        row = self.conn.execute(
            "SELECT id, title, kicker, paragraphs, pull_quotes, language, source, published, imported, read, starred,"
            " tags FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise KeyError(article_id)
        return Article(
            id=row[0],
            title=row[1],
            kicker=row[2],
            paragraphs=tuple(json.loads(row[3])),
            pull_quotes=tuple(json.loads(row[4])),
            language=row[5],
            source=row[6],
            published=row[7],
            imported=row[8],
            read=bool(row[9]),
            starred=bool(row[10]),
            tags=tuple(json.loads(row[11])),
        )

    @_guarded
    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        """The best ``limit`` hits, with snippets: articles with the words as typed first, then those
        with them in another accepted form (``articles.search_text``); each group ranked by bm25.

        FTS5 ranks with ``ORDER BY rank LIMIT``: only the best rows are kept while matching, and only
        they are read back and cut into snippets. A query whose every word stands in more than
        ``RANK_ALL_LIMIT`` articles lists the most recently added first instead: ranking them all costs
        time that grows with the library, and a word that common ranks nothing apart. ``count_hits``
        counts, when a caller wants it."""
        parsed = self._parse(query)
        if parsed.empty:
            return []
        newest_first = self._common(parsed)
        found = self._ranked(parsed.match_expression(loose=False), limit, newest_first=newest_first)
        if len(found) < limit:
            seen = {article_id for article_id, _ in found}
            wanted = limit - len(found) if not parsed.phrases else PHRASE_CANDIDATES
            more = self._ranked(parsed.match_expression(loose=True), wanted + len(found), newest_first=newest_first)
            found += [hit for hit in more if hit[0] not in seen]
        return self._hits(found, parsed, limit)

    def _common(self, parsed: Query) -> bool:
        """Whether every word of the query stands in more than ``RANK_ALL_LIMIT`` articles (as written)."""
        words = [t.exact for t in parsed.terms if not t.prefix] + [t.exact for p in parsed.phrases for t in p]
        if not words:
            return False
        for word in words:
            row = self.conn.execute(
                "SELECT max(doc) FROM articles_vocab WHERE term = ? AND col IN ('title', 'body')", (word,)
            ).fetchone()
            if row[0] is None or row[0] <= RANK_ALL_LIMIT:
                return False
        return True

    def _parse(self, query: str) -> Query:
        return parse_query(query, known=self._known_word)

    def _known_word(self, form: str) -> bool:
        """Whether some article holds ``form`` as a word of its own (the index's vocabulary says)."""
        return (
            self.conn.execute(
                "SELECT 1 FROM articles_vocab WHERE term = ? AND col IN ('title_words', 'body_words') LIMIT 1",
                (form,),
            ).fetchone()
            is not None
        )

    def _ranked(self, expression: str, limit: int, *, newest_first: bool = False) -> list[tuple[int, float]]:
        if newest_first:  # rowid order is the index's own: the first rows found are the ones returned
            sql = "SELECT rowid, 0.0 FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
            return [(int(r[0]), float(r[1])) for r in self.conn.execute(sql, (expression, limit))]
        return [
            (int(r[0]), float(r[1]))
            for r in self.conn.execute(
                "SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? AND rank MATCH ?"
                " ORDER BY rank LIMIT ?",
                (expression, RANKING, limit),
            )
        ]

    def _hits(self, found: list[tuple[int, float]], parsed: Query, limit: int) -> list[SearchHit]:
        """Hits with snippets, in ``found`` order; with phrases, only articles that hold them in order."""
        hits: list[SearchHit] = []
        for start in range(0, len(found), _CHUNK):
            chunk = found[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            texts = {
                row[0]: row[1:]
                for row in self.conn.execute(
                    f"SELECT id, title, kicker, paragraphs FROM articles WHERE id IN ({marks})", [f[0] for f in chunk]
                )
            }
            for article_id, score in chunk:
                if article_id not in texts:
                    continue
                title, kicker, paragraphs = texts[article_id]
                blocks = [*json.loads(paragraphs), title, kicker or ""]
                if parsed.phrases and not parsed.phrases_in(blocks):
                    continue
                hits.append(SearchHit(article_id, title, snippet(blocks, parsed), score))
                if len(hits) == limit:
                    return hits
        return hits

    @_guarded
    def count_hits(self, query: str) -> int:
        """How many articles hold every word of ``query`` in an accepted form (phrases as their words)."""
        parsed = self._parse(query)
        if parsed.empty:
            return 0
        sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
        return int(self.conn.execute(sql, (parsed.match_expression(loose=True),)).fetchone()[0])

    @_guarded
    def next_unread(self, after_id: int | None, *, backwards: bool = False) -> int | None:
        """The next (or previous) unread article after ``after_id`` in list order; ``None`` at the end.

        The partial index of unread articles holds only those: read ones in between cost nothing."""
        key = self.key_of(after_id) if after_id is not None else None
        found = self.page(ListFilter(unread=True), after=key, limit=1, backwards=backwards)
        return found[0].id if found else None

    # -- analysis cache ------------------------------------------------------------------------

    @_guarded
    def cached_analysis(self, content_hash: str, analyzer_version: str) -> Analysis | None:
        """The stored analysis of this content by this analyzer version, or ``None`` (also for one
        that does not read as this newsread's ``Analysis``: it is recomputed, never guessed at)."""
        row = self.conn.execute(
            "SELECT data FROM analysis WHERE content_hash = ? AND analyzer_version = ?",
            (content_hash, analyzer_version),
        ).fetchone()
        if row is None:
            return None
        try:
            return Analysis.from_json(json.loads(row[0]))
        except (ValueError, TypeError):  # AnalysisFormatError, or not JSON at all
            return None

    @_guarded
    def store_analysis(self, content_hash: str, analyzer_version: str, analysis: Analysis) -> None:
        """Keep an analysis for this content and analyzer version."""
        payload = json.dumps(analysis.to_json(), ensure_ascii=False)
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO analysis (content_hash, analyzer_version, data) VALUES (?, ?, ?)",
                (content_hash, analyzer_version, payload),
            )
            people.index_analysis(conn, content_hash, analyzer_version, analysis)

    @_guarded
    def index_people(self, content_hash: str, analyzer_version: str, analysis: Analysis) -> None:
        """Index the attendees of a cached analysis (one stored before the people index existed)."""
        with self._write() as conn:
            people.index_analysis(conn, content_hash, analyzer_version, analysis)

    @_guarded
    def people_indexed(self, content_hash: str, analyzer_version: str) -> bool:
        return people.is_indexed(self.conn, content_hash, analyzer_version)

    @_guarded
    def people(self, query: str | None = None, *, limit: int = 100) -> list[PersonRow]:
        """People who attended the library's events, most followed first (``articles.people``)."""
        return people.people(self.conn, query, limit=limit)

    @_guarded
    def find_person(self, name: str) -> PersonRow | None:
        return people.find_person(self.conn, name)

    @_guarded
    def person(self, person_id: int) -> PersonRow | None:
        return people.person_row(self.conn, person_id)

    @_guarded
    def person_in_article(self, article_id: int, name: str) -> int | None:
        return people.person_in_article(self.conn, article_id, name)

    # -- samples -------------------------------------------------------------------------------

    @_guarded
    def seed_once(self, make_articles: Callable[[], Iterable[Article]]) -> int:
        """On an empty library never seeded before, import ``make_articles()`` (the bundled samples);
        how many were added. A library is seeded once: samples a user removed do not come back."""
        if self.conn.execute("SELECT 1 FROM meta WHERE key = 'seeded'").fetchone():
            return 0
        articles = list(make_articles())
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM meta WHERE key = 'seeded'").fetchone():
                return 0  # another process seeded it meanwhile
            added = 0
            if conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0:
                added = sum(1 for article in articles if self._insert(conn, article)[1])
            conn.execute("INSERT INTO meta (key, value) VALUES ('seeded', ?)", (now_iso(),))
        return added


def _index_values(title: str, kicker: str | None, paragraphs: Iterable[str]) -> tuple[str, ...]:
    """What the contentless index holds for an article (``search_text.index_values``): the kicker
    is searched with the body."""
    return index_values(title, "\n".join([kicker or "", *paragraphs]))


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    chunk: list[int] = []
    for value in ids:
        chunk.append(int(value))
        if len(chunk) == _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
