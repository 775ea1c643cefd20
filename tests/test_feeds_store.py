"""The library's side of feeds (issue 12): schema v5 migration, entries stored once and updated in place,
the same story from two feeds held once, feed and folder lists by index."""

from __future__ import annotations

import sqlite3

from articles import schema
from articles.feed_entries import FeedEntry, canonical_link, title_key
from articles.model import Article
from articles.store import Library, ListFilter
from articles.subscriptions import FeedState

NOW = "2026-12-04T09:00:00.000000+00:00"


def _state(**values) -> FeedState:
    return FeedState(last_fetch=NOW, next_fetch=NOW, error_count=0, last_error=None, **values)


def _entry(guid: str | None, title: str, text: str, *, link: str | None = None, published: str | None = None):
    article = Article(title=title, paragraphs=(text,), language="en", published=published)
    return FeedEntry(article, guid=guid, link=link)


def _v4_library(path) -> None:
    """A library as newsread wrote it at schema 4 (the migrations up to 4 are the ones that ran then)."""
    conn = sqlite3.connect(path)
    schema.register_functions(conn)
    for version in range(4):
        for statement in schema.MIGRATIONS[version].split(";"):
            if statement.strip():
                conn.execute(statement)
    conn.execute(
        "INSERT INTO articles (id, content_hash, title, paragraphs, pull_quotes, published, imported, read, starred,"
        " sort_key) VALUES (3, 'h3', 'Old article', '[\"text\"]', '[]', NULL, ?, 1, 1, ?)",
        (NOW, NOW),
    )
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()


def test_a_schema_4_library_is_migrated_and_keeps_its_articles_and_marks(tmp_path):
    path = tmp_path / "v4.sqlite3"
    _v4_library(path)
    with Library(path) as library:
        assert library.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 5
        row = library.row(3)
        assert row is not None and row.read and row.starred and row.feed_id is None
        assert library.feeds() == []
        feed, added = library.add_feed("http://example.test/feed.xml", title="Example", folder="News")
        assert added and library.rows(ListFilter(feed=feed.id)) == []
        assert [h.id for h in library.search("Old")] == [3]
        assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_an_entry_seen_again_is_updated_in_place_and_keeps_its_marks(tmp_path):
    with Library(tmp_path / "l.sqlite3") as library:
        feed, _ = library.add_feed("http://a.test/feed")
        first = library.store_fetch(feed.id, _state(), [_entry("g1", "Budget vote delayed again", "First text.")])
        assert (first.new, first.updated) == (1, 0)
        (article_id,) = library.ids()
        library.set_starred([article_id])
        library.set_read([article_id])
        same = library.store_fetch(feed.id, _state(), [_entry("g1", "Budget vote delayed again", "First text.")])
        assert (same.new, same.updated) == (0, 0)
        edited = library.store_fetch(feed.id, _state(), [_entry("g1", "Budget vote delayed again", "Edited text.")])
        assert (edited.new, edited.updated) == (0, 1)
        assert library.ids() == [article_id]
        article = library.get(article_id)
        assert article.paragraphs == ("Edited text.",) and article.starred and article.read
        assert [h.id for h in library.search("Edited")] == [article_id]
        assert library.search("First") == []  # the old text left the search index


def test_a_removed_entry_does_not_come_back_on_the_next_fetch(tmp_path):
    with Library(tmp_path / "l.sqlite3") as library:
        feed, _ = library.add_feed("http://a.test/feed")
        library.store_fetch(feed.id, _state(), [_entry("g1", "Some story title here", "Text.")])
        library.remove(library.ids())
        again = library.store_fetch(feed.id, _state(), [_entry("g1", "Some story title here", "Text.")])
        assert again.new == 0 and library.ids() == []


def test_the_same_story_in_two_feeds_is_stored_once_and_shows_both_feeds(tmp_path):
    with Library(tmp_path / "l.sqlite3") as library:
        a, _ = library.add_feed("http://a.test/feed", title="A")
        b, _ = library.add_feed("http://b.test/feed", title="B")
        c, _ = library.add_feed("http://c.test/feed", title="C")
        day = "2026-12-03T10:00:00+00:00"
        library.store_fetch(
            a.id,
            _state(),
            [
                _entry(
                    "a1", "Ministers agree new water plan", "A's text.", link="https://x.test/story?id=4", published=day
                )
            ],
        )
        by_link = library.store_fetch(
            b.id,
            _state(),
            [_entry("b7", "Water plan agreed", "B's text.", link="https://X.test/story?id=4&utm_source=rss#top")],
        )
        by_title = library.store_fetch(
            c.id,
            _state(),
            [_entry("c9", "Ministers agree new WATER plan!", "C's text.", published="2026-12-03T18:00:00+00:00")],
        )
        assert by_link.new == 0 and by_title.new == 0
        (article_id,) = library.ids()
        assert [f.title for f in library.feeds_of_article(article_id)] == ["A", "B", "C"]
        later = library.store_fetch(
            c.id,
            _state(),
            [_entry("c10", "Ministers agree new water plan", "Later.", published="2026-11-28T18:00:00+00:00")],
        )
        assert later.new == 1  # the same title days apart is another story


def test_link_and_title_keys():
    assert canonical_link("HTTPS://News.test/a?utm_medium=x&id=2#frag") == "https://news.test/a?id=2"
    assert canonical_link("ftp://news.test/a") is None
    assert title_key("Weather today") is None  # too short to name one story
    assert title_key("وزير الخارجية يزور القاهرة اليوم") == title_key("وَزيرُ الخارجية يزور القاهرة اليوم")


def test_feed_and_folder_lists_follow_the_indexes(tmp_path):
    with Library(tmp_path / "l.sqlite3") as library:
        a, _ = library.add_feed("http://a.test/feed", folder="World")
        b, _ = library.add_feed("http://b.test/feed", folder="Sport")
        library.store_fetch(
            a.id,
            _state(),
            [
                _entry(f"a{n}", f"World story number {n} today", f"A {n}.", published=f"2026-12-0{n}T10:00:00+00:00")
                for n in range(1, 4)
            ],
        )
        library.store_fetch(b.id, _state(), [_entry("b1", "Sport story number one today", "B 1.")])
        assert library.rows(ListFilter(feed=a.id))[0].title == "World story number 3 today"
        assert library.count(ListFilter(folder="Sport")) == 1
        assert library.unread_by_feed() == {a.id: 3, b.id: 1}
        assert library.feed_counts()[a.id].items == 3
        first = library.page(ListFilter(feed=a.id), limit=2)
        assert [r.title for r in library.page(ListFilter(feed=a.id), after=first[-1].key)] == [
            "World story number 1 today"
        ]
        plan = " ".join(
            str(r[-1])
            for r in library.conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE feed_id = ? AND (sort_key, id) < (?, ?)"
                " ORDER BY sort_key DESC, id DESC LIMIT 100",
                (a.id, "z", 1),
            )
        )
        assert "articles_feed" in plan and "TEMP B-TREE" not in plan
        counts_plan = " ".join(
            str(r[-1])
            for r in library.conn.execute(
                "EXPLAIN QUERY PLAN SELECT feed_id, count(*) FROM articles WHERE feed_id IS NOT NULL AND read = 0"
                " GROUP BY feed_id"
            )
        )
        assert "COVERING INDEX articles_feed_read" in counts_plan
