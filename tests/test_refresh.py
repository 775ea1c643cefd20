"""Refreshing subscriptions against a feed site the tests serve on 127.0.0.1 (issue 12): conditional GET,
redirects, 410, backoff, poll intervals, edited entries, a story in two feeds, hostile feeds, full text."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta

import pytest

from articles.dates import parse_date
from articles.refresh import MIN_INTERVAL_S, refresh
from articles.store import Library, ListFilter
from tests.feed_server import Resource, feed_site, rss

DAY = "Thu, 03 Dec 2026"


def _items(prefix: str, count: int) -> list[tuple[str, str, str, str | None]]:
    return [
        (f"{prefix}{n}", f"Story {prefix} number {n} of the day", f"Text {prefix} {n}.", f"{DAY} {n:02d}:00:00 GMT")
        for n in range(count)
    ]


@pytest.fixture
def site():
    with feed_site() as served:
        yield served


@pytest.fixture
def library(tmp_path):
    with Library(tmp_path / "lib.sqlite3") as opened:
        yield opened


def test_a_feed_is_fetched_then_answers_304_and_nothing_is_written(site, library):
    site.resources["/a"] = Resource(
        rss("A", _items("a", 3)), etag='"v1"', last_modified="Thu, 03 Dec 2026 10:00:00 GMT"
    )
    feed, _ = library.add_feed(site.url("/a"))
    first = refresh(library)
    assert (first.fetched, first.new) == (1, 3)
    assert library.rows(ListFilter(feed=feed.id))[0].title == "Story a number 2 of the day"  # newest first
    changes = library.conn.total_changes
    second = refresh(library)
    assert second.outcomes == ()  # not due yet
    third = refresh(library, force=True)
    assert (third.not_modified, third.new, third.updated) == (1, 0, 0)
    assert site.not_modified["/a"] == 1
    assert library.conn.total_changes - changes == 1  # the feed's schedule only
    assert library.count(ListFilter(feed=feed.id)) == 3


def test_last_modified_alone_gives_304_and_gzip_bodies_are_read(site, library):
    site.resources["/lm"] = Resource(
        rss("LM", _items("l", 2)), last_modified="Thu, 03 Dec 2026 10:00:00 GMT", gzip=True
    )
    library.add_feed(site.url("/lm"))
    assert refresh(library).new == 2
    assert refresh(library, force=True).not_modified == 1


def test_an_edited_entry_is_updated_in_place_and_keeps_its_star(site, library):
    items = _items("e", 2)
    site.resources["/e"] = Resource(rss("E", items), etag='"1"')
    library.add_feed(site.url("/e"))
    refresh(library)
    starred = library.rows()[0].id
    library.set_starred([starred])
    edited = [(items[0][0], items[0][1], "Corrected text.", items[0][3]), items[1]]
    site.resources["/e"] = Resource(rss("E", edited), etag='"2"')
    result = refresh(library, force=True)
    assert (result.new, result.updated) == (0, 1)
    assert library.count() == 2
    article = next(library.get(r.id) for r in library.rows() if r.title == items[0][1])
    assert article.paragraphs == ("Corrected text.",)
    assert library.get(starred).starred
    assert [h.id for h in library.search("Corrected")] == [article.id]  # index values computed by the parser
    library.remove([article.id])
    assert library.search("Corrected") == [] and library.search("Story") != []
    assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_story_in_two_feeds_is_stored_once(site, library):
    site.resources["/one"] = Resource(rss("One", [("x1", "Parliament passes the water law", "One's copy.", None)]))
    site.resources["/two"] = Resource(rss("Two", [("y9", "Parliament passes the water law", "Two's copy.", None)]))
    site.resources["/two"].body = site.resources["/two"].body.replace(b"news.test/y9", b"news.test/x1?utm_source=two")
    _one, _ = library.add_feed(site.url("/one"), title="One")
    _two, _ = library.add_feed(site.url("/two"), title="Two")
    result = refresh(library)
    assert result.new == 1 and library.count() == 1
    assert {f.title for f in library.feeds_of_article(library.ids()[0])} == {"One", "Two"}


def test_a_permanent_redirect_updates_the_address_and_a_temporary_one_does_not(site, library):
    site.resources["/new"] = Resource(rss("Moved", _items("m", 1)))
    site.resources["/old"] = Resource(status=301, location=site.url("/new"))
    site.resources["/tmp"] = Resource(status=302, location=site.url("/new"))
    moved, _ = library.add_feed(site.url("/old"))
    temporary, _ = library.add_feed(site.url("/tmp"))
    refresh(library)
    assert library.feed(moved.id).url == site.url("/new")
    assert library.feed(temporary.id).url == site.url("/tmp")


def test_410_disables_the_feed_and_errors_back_off(site, library):
    site.resources["/gone"] = Resource(status=410)
    site.resources["/broken"] = Resource(status=500)
    gone, _ = library.add_feed(site.url("/gone"))
    broken, _ = library.add_feed(site.url("/broken"))
    result = refresh(library)
    assert result.failed == 2 and result.all_failed
    assert library.feed(gone.id).disabled
    state = library.feed(broken.id)
    assert state.error_count == 1 and "HTTP 500" in state.last_error
    first_wait = parse_date(state.next_fetch) - parse_date(state.last_fetch)
    refresh(library, force=True)
    state = library.feed(broken.id)
    assert state.error_count == 2
    assert parse_date(state.next_fetch) - parse_date(state.last_fetch) == 2 * first_wait
    assert site.hits["/gone"] == 1  # a disabled feed is not fetched again


def test_the_poll_interval_follows_ttl_and_sy_update_within_bounds(site, library):
    site.resources["/ttl"] = Resource(rss("T", _items("t", 1), extra="<ttl>120</ttl>"))
    site.resources["/fast"] = Resource(rss("F", _items("f", 1), extra="<ttl>1</ttl>"))
    sy = ' xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"'
    body = rss(
        "S", _items("s", 1), extra="<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>"
    )
    site.resources["/sy"] = Resource(body.replace(b'<rss version="2.0"', b'<rss version="2.0"' + sy.encode()))
    ids = {path: library.add_feed(site.url(path))[0].id for path in ("/ttl", "/fast", "/sy")}
    refresh(library)
    assert library.feed(ids["/ttl"]).interval == 7200
    assert library.feed(ids["/fast"]).interval == MIN_INTERVAL_S
    assert library.feed(ids["/sy"]).interval == 1800
    due = parse_date(library.feed(ids["/ttl"]).next_fetch)
    assert timedelta(minutes=119) < due - datetime.now(UTC) <= timedelta(minutes=120)


def test_malformed_and_hostile_feeds_fail_alone(site, library):
    site.resources["/good"] = Resource(rss("G", _items("g", 2)))
    site.resources["/junk"] = Resource(b"\x00\x01 this is no feed", content_type="application/octet-stream")
    site.resources["/entities"] = Resource(
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b"<rss><channel><item><title>&b;</title><description>&b;</description></item></channel></rss>"
    )
    for path in ("/good", "/junk", "/entities"):
        library.add_feed(site.url(path))
    result = refresh(library)
    assert (result.fetched, result.failed, result.new) == (1, 2, 2)
    errors = {o.name: o.error for o in result.outcomes if o.error}
    assert "entities" in errors[site.url("/entities")]
    assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_gzip_bomb_is_refused_within_the_size_limit():
    from articles.fetch import FetchError, _Inflater

    inflater = _Inflater("http://x.test/feed", 1024 * 1024)
    bomb = gzip.compress(b" " * (8 * 1024 * 1024))
    with pytest.raises(FetchError, match="once unpacked"):
        inflater.feed(bomb)


def test_full_text_feeds_take_the_linked_page(site, library):
    page = (
        "<html><head><title>Long story</title></head><body><article><h1>Long story</h1>"
        + "".join(f"<p>Paragraph {n} of the whole article, with enough words to be kept as text.</p>" for n in range(8))
        + "</article></body></html>"
    ).encode()
    site.resources["/page"] = Resource(page, content_type="text/html; charset=utf-8")
    body = rss("FT", [("p1", "Long story about the budget", "Only a summary.", None)])
    site.resources["/ft"] = Resource(body.replace(b"http://news.test/p1", site.url("/page").encode()))
    library.add_feed(site.url("/ft"), full_text=True)
    assert refresh(library).new == 1
    article = library.get(library.ids()[0])
    assert len(article.paragraphs) >= 8 and "Paragraph 7" in article.paragraphs[-1]
    refresh(library, force=True)
    assert site.hits["/page"] == 1  # a known entry's page is not fetched again


def test_many_feeds_are_parsed_in_processes_with_the_same_result(site, library):
    for n in range(20):
        site.resources[f"/p{n}"] = Resource(rss(f"P{n}", _items(f"p{n}x", 3)), etag=f'"{n}"')
        library.add_feed(site.url(f"/p{n}"))
    site.resources["/p0"] = Resource(status=500)
    result = refresh(library, processes=2)
    assert (result.fetched, result.failed, result.new) == (19, 1, 57)
    again = refresh(library, force=True, processes=2)
    assert (again.not_modified, again.failed, again.new) == (19, 1, 0)


def test_an_entrys_html_gives_only_its_text(site, library):
    html = (
        "&lt;p&gt;Kept text.&lt;/p&gt;&lt;script&gt;evil()&lt;/script&gt;&lt;style&gt;p{}&lt;/style&gt;"
        "&lt;applet&gt;applet text&lt;/applet&gt;"
        "&lt;p onclick='x()'&gt;More &lt;a href='javascript:x'&gt;text&lt;/a&gt;&lt;/p&gt;"
    )
    site.resources["/h"] = Resource(rss("H", [("h1", "A story with markup inside", html, None)]))
    library.add_feed(site.url("/h"))
    refresh(library)
    assert library.get(library.ids()[0]).paragraphs == ("Kept text.", "More text")
