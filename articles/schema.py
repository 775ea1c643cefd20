"""The library's SQLite schema and its migrations, numbered from the first release on.

``PRAGMA user_version`` holds the schema version and ``PRAGMA application_id`` marks the
file as a newsread library, so a foreign or newer file is recognised before anything is
written to it. A migration runs inside the caller's transaction: it applies whole or not at all.
"""

from __future__ import annotations

import sqlite3

from articles.dates import sort_key

APPLICATION_ID = 0x6E777264  # "nwrd"
SCHEMA_VERSION = 4
PAGE_SIZE = 8192  # rows of a few KB pack better than on 4 KB pages (about 10% smaller files)

# The search index is contentless (it keeps no copy of the text: 40% smaller files). Deleting
# from it needs the indexed values again, recomputed from the article by ``articles.search_text``.
# Its columns and forms belong to that module: when ``search_text.INDEX_VERSION`` changes, the
# store drops the index and builds it afresh (``search_text.FTS_TABLE``), so no migration is needed.

_V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    kicker TEXT,
    paragraphs TEXT NOT NULL,          -- JSON array of strings, logical order, as imported
    pull_quotes TEXT NOT NULL,         -- JSON array of strings (each also one of the paragraphs)
    language TEXT,
    source TEXT,
    published TEXT,
    imported TEXT NOT NULL,            -- ISO 8601, UTC
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    tags TEXT NOT NULL DEFAULT '[]'    -- JSON array of strings
);
CREATE INDEX articles_newest ON articles (imported DESC, id DESC);
CREATE INDEX articles_language ON articles (language, imported DESC, id DESC);
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, content = '', tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TABLE analysis (
    content_hash TEXT NOT NULL,
    analyzer_version TEXT NOT NULL,
    data TEXT NOT NULL,                -- JSON object
    PRIMARY KEY (content_hash, analyzer_version)
) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
"""

# v2: a third search column, ``extra``: Arabic words without their article (see search_text.clitic_form).
_V2 = """
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, extra, content = '', tokenize = 'porter unicode61 remove_diacritics 2'
);
"""

# v3: ids are never reused (AUTOINCREMENT: a script's "@34" keeps naming the same article after the
# newest one is removed), and lists follow publication time: ``sort_key`` is the published date in
# UTC (the import time when there is none), with indexes for each list and filter, so a page, a
# position and the next unread article are found by an index, never by walking rows.
_V3 = """
CREATE TABLE articles_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    kicker TEXT,
    paragraphs TEXT NOT NULL,
    pull_quotes TEXT NOT NULL,
    language TEXT,
    source TEXT,
    published TEXT,
    imported TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    tags TEXT NOT NULL DEFAULT '[]',
    sort_key TEXT NOT NULL             -- published (UTC, ISO 8601) or else imported: the lists' order
);
INSERT INTO articles_v3 (id, content_hash, title, kicker, paragraphs, pull_quotes, language, source, published,
                         imported, read, starred, tags, sort_key)
    SELECT id, content_hash, title, kicker, paragraphs, pull_quotes, language, source, published, imported, read,
           starred, tags, newsread_sort_key(published, imported) FROM articles;
DROP TABLE articles;
ALTER TABLE articles_v3 RENAME TO articles;
CREATE INDEX articles_order ON articles (sort_key DESC, id DESC);
CREATE INDEX articles_unread ON articles (sort_key DESC, id DESC, read) WHERE read = 0;
CREATE INDEX articles_starred ON articles (sort_key DESC, id DESC, starred) WHERE starred = 1;
CREATE INDEX articles_language ON articles (language, sort_key DESC, id DESC)
"""

# v4: the people index (articles/people.py): people, the folded names they are known by, which
# articles each attended (with the name and title written there), and which analyses are indexed.
_V4 = """
CREATE TABLE people (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);
CREATE TABLE person_names (
    name_key TEXT NOT NULL,
    person_id INTEGER NOT NULL,
    PRIMARY KEY (name_key, person_id)
) WITHOUT ROWID;
CREATE TABLE attendance (
    person_id INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    title TEXT,
    PRIMARY KEY (person_id, article_id)
) WITHOUT ROWID;
CREATE INDEX attendance_article ON attendance (article_id, name);
CREATE TABLE people_indexed (content_hash TEXT PRIMARY KEY, analyzer_version TEXT NOT NULL) WITHOUT ROWID
"""

# MIGRATIONS[n] takes a library at version n to n + 1; version 0 is an empty file. A migration that
# changes the search index leaves it empty: the store refills it (search_text.INDEX_VERSION changes too).
MIGRATIONS: dict[int, str] = {0: _V1, 1: _V2, 2: _V3, 3: _V4}


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the schema and the migrations use."""
    conn.create_function("newsread_sort_key", 2, sort_key, deterministic=True)


def migrate(conn: sqlite3.Connection, current: int) -> None:
    """Bring the schema from ``current`` to ``SCHEMA_VERSION``; the caller holds a write transaction."""
    register_functions(conn)
    for version in range(current, SCHEMA_VERSION):
        for statement in MIGRATIONS[version].split(";"):
            if statement.strip():
                conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
