"""The people index: who attended what, across the library, built from each article's analysis.

When an article's analysis is stored, its attendees are written here in the same transaction: each
one joins a person by the folded form of their name, or of a spelling the extraction found beside
it (``جميس جيفري`` for ``جيمس جيفري``); a name of one word joins only a person of that exact name,
so a surname never merges two people. A reader can then follow a person: ``newsread people``,
``newsread search --person``, and ``enter`` on a name in the app's Attendees panel.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from summarize.analysis import Analysis
from summarize.text import normalize, unseat_hamza

_NOT_A_LETTER = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class PersonRow:
    """One person of the index: the name as written most recently, how many articles, the latest title."""

    id: int
    name: str
    articles: int
    title: str | None
    latest: str  # the list key (sort_key) of the newest article they attended


def person_key(name: str) -> str:
    """The folded form that identifies a name: letter forms, hamza seats, punctuation and case folded."""
    folded = unseat_hamza(normalize(name, fold_letters=True))
    return " ".join(_NOT_A_LETTER.sub(" ", folded).split())


def index_analysis(conn: sqlite3.Connection, content_hash: str, analyzer_version: str, analysis: Analysis) -> None:
    """Write the attendees of the articles with ``content_hash`` (the caller holds a write transaction)."""
    articles = [r[0] for r in conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,))]
    for article_id in articles:
        conn.execute("DELETE FROM attendance WHERE article_id = ?", (article_id,))
        for attendee in analysis.attendees:
            person = _person_for(conn, attendee.name, attendee.aliases)
            conn.execute(
                "INSERT OR REPLACE INTO attendance (person_id, article_id, name, title) VALUES (?, ?, ?, ?)",
                (person, article_id, attendee.name, attendee.title),
            )
    conn.execute(
        "INSERT OR REPLACE INTO people_indexed (content_hash, analyzer_version) VALUES (?, ?)",
        (content_hash, analyzer_version),
    )


def _person_for(conn: sqlite3.Connection, name: str, aliases: Iterable[str]) -> int:
    """The person a name (with its other spellings in the same article) belongs to, made if new."""
    key = person_key(name)
    variants = [key, *(person_key(a) for a in aliases if len(person_key(a).split()) >= 2)]
    for variant in variants:
        found = conn.execute("SELECT person_id FROM person_names WHERE name_key = ?", (variant,)).fetchone()
        if found is not None:
            person = int(found[0])
            break
    else:
        person = int(conn.execute("INSERT INTO people (name) VALUES (?)", (name,)).lastrowid or 0)
    conn.execute("UPDATE people SET name = ? WHERE id = ?", (name, person))  # the latest spelling shown
    conn.executemany(
        "INSERT OR IGNORE INTO person_names (name_key, person_id) VALUES (?, ?)", [(v, person) for v in variants]
    )
    return person


def forget_articles(conn: sqlite3.Connection, ids: list[int]) -> None:
    """Drop the attendance of removed articles (the caller holds a write transaction)."""
    marks = ",".join("?" * len(ids))
    conn.execute(f"DELETE FROM attendance WHERE article_id IN ({marks})", ids)


def is_indexed(conn: sqlite3.Connection, content_hash: str, analyzer_version: str) -> bool:
    found = conn.execute(
        "SELECT 1 FROM people_indexed WHERE content_hash = ? AND analyzer_version = ?", (content_hash, analyzer_version)
    ).fetchone()
    return found is not None


def people(conn: sqlite3.Connection, query: str | None = None, *, limit: int = 100) -> list[PersonRow]:
    """People with the number of articles they attended, most followed first; ``query`` filters by any
    of their names (folded, any part of it)."""
    params: list[object] = []
    match = ""
    if query and person_key(query):
        match = "AND p.id IN (SELECT person_id FROM person_names WHERE name_key LIKE ? ESCAPE '\\')"
        params.append("%" + person_key(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    rows = conn.execute(
        f"""
        SELECT p.id, p.name, count(*) AS n, max(a.sort_key) AS latest
        FROM people p JOIN attendance t ON t.person_id = p.id JOIN articles a ON a.id = t.article_id
        WHERE 1 {match}
        GROUP BY p.id ORDER BY n DESC, latest DESC LIMIT ?
        """,
        (*params, limit),
    ).fetchall()
    titles = _latest_titles(conn, [r[0] for r in rows])
    return [PersonRow(r[0], r[1], r[2], titles.get(r[0]), r[3]) for r in rows]


def _latest_titles(conn: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
    """Each person's title in the newest article that gives one."""
    found: dict[int, str] = {}
    for person in ids:
        row = conn.execute(
            "SELECT t.title FROM attendance t JOIN articles a ON a.id = t.article_id"
            " WHERE t.person_id = ? AND t.title IS NOT NULL ORDER BY a.sort_key DESC LIMIT 1",
            (person,),
        ).fetchone()
        if row is not None:
            found[person] = row[0]
    return found


def person_in_article(conn: sqlite3.Connection, article_id: int, name: str) -> int | None:
    """The person an attendee of an article was indexed as, or None (not indexed yet)."""
    row = conn.execute(
        "SELECT person_id FROM attendance WHERE article_id = ? AND name = ?", (article_id, name)
    ).fetchone()
    return None if row is None else int(row[0])


def find_person(conn: sqlite3.Connection, name: str) -> PersonRow | None:
    """The person best known by ``name`` (an exact name or spelling first, then a part of one)."""
    key = person_key(name)
    row = conn.execute("SELECT person_id FROM person_names WHERE name_key = ?", (key,)).fetchone()
    if row is not None:
        return person_row(conn, int(row[0]))
    candidates = people(conn, name, limit=1)
    return candidates[0] if candidates else None


def person_row(conn: sqlite3.Connection, person_id: int) -> PersonRow | None:
    """One person of the index, or None when they attend nothing (any more)."""
    row = conn.execute(
        "SELECT p.id, p.name, count(*), max(a.sort_key) FROM people p JOIN attendance t ON t.person_id = p.id"
        " JOIN articles a ON a.id = t.article_id WHERE p.id = ? GROUP BY p.id",
        (person_id,),
    ).fetchone()
    if row is None:
        return None
    return PersonRow(row[0], row[1], row[2], _latest_titles(conn, [row[0]]).get(row[0]), row[3])
