"""Fetching pages and feeds over HTTP, from a server the tests start on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from articles.fetch import FetchError, fetch
from articles.importers import load
from tests.local_server import QuietHandler, local_server

Route = tuple[int, str, bytes, float]  # status, content type, body, delay in seconds


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[str]:
    """Serve ``routes`` on 127.0.0.1 (a free port) while the block runs; yields the base URL."""

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            status, ctype, body, delay = routes.get(self.path, (404, "text/plain", b"not found", 0.0))
            if delay:
                time.sleep(delay)
            redirect = {"Location": body.decode()} if 300 <= status < 400 else None  # its body names its target
            self.reply(status, ctype, body, redirect)

    with local_server(Handler) as url:
        yield url


PAGE = (
    b"<!DOCTYPE html><html><head><title>Harbour reopens after storm</title></head><body>"
    b"<nav>Home | Sport | Weather menu</nav><article><h1>Harbour reopens after storm</h1>"
    b"<p>The harbour of the town reopened on Friday after a storm closed it for four days.</p>"
    b"<p>Fishing boats left at dawn, and the ferry service will resume on Monday morning.</p></article>"
    b"</body></html>"
)

FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
    b"<item><title>Storm over</title><link>http://x.test/1</link>"
    b"<description>The storm is over now.</description></item>"
    b"<item><title>Ferry back</title><link>http://x.test/2</link>"
    b"<description>The ferry runs again.</description></item>"
    b"</channel></rss>"
)


def test_fetch_page_and_content_type():
    with serve({"/a": (200, "text/html; charset=utf-8", PAGE, 0)}) as base:
        fetched = fetch(base + "/a")
    assert fetched.data == PAGE and fetched.content_type == "text/html" and fetched.charset == "utf-8"


def test_fetch_http_error_is_one_line():
    with serve({}) as base, pytest.raises(FetchError) as info:
        fetch(base + "/missing")
    assert "404" in str(info.value) and "/missing" in str(info.value)


def test_fetch_refuses_oversized_body():
    with serve({"/big": (200, "text/plain", b"x" * 5000, 0)}) as base, pytest.raises(FetchError) as info:
        fetch(base + "/big", max_bytes=1000)
    assert "larger than" in str(info.value)


def test_fetch_times_out():
    with serve({"/slow": (200, "text/plain", b"late", 2.0)}) as base, pytest.raises(FetchError) as info:
        fetch(base + "/slow", timeout=0.3)
    assert "timed out" in str(info.value)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.test/x", "javascript:alert(1)"])
def test_fetch_refuses_other_schemes(url):
    with pytest.raises(FetchError):
        fetch(url)


def test_fetch_connection_refused_is_one_line():
    with serve({}) as base:
        pass  # the server is gone: its port refuses connections
    with pytest.raises(FetchError) as info:
        fetch(base + "/x", timeout=2)
    assert "\n" not in str(info.value)


def test_load_url_page_extracts_article():
    with serve({"/story": (200, "text/html", PAGE, 0)}) as base:
        (article,) = load(base + "/story").articles
    assert article.title == "Harbour reopens after storm"
    assert article.source == base + "/story"
    assert article.paragraphs[0].startswith("The harbour of the town")
    assert "menu" not in " ".join(article.paragraphs)


def test_load_url_feed_gives_each_entry():
    with serve({"/feed": (200, "application/rss+xml", FEED, 0)}) as base:
        loaded = load(base + "/feed")
    assert [a.title for a in loaded.articles] == ["Storm over", "Ferry back"]
    assert [a.source for a in loaded.articles] == [
        "http://x.test/1",
        "http://x.test/2",
    ]


def test_fetch_follows_web_redirects_only():
    routes = {
        "/old": (302, "text/plain", b"/new", 0),
        "/new": (200, "text/html", PAGE, 0),
        "/sneaky": (302, "text/plain", b"ftp://127.0.0.1/secret", 0),
    }
    with serve(routes) as base:
        fetched = fetch(base + "/old")
        assert fetched.url == base + "/new" and fetched.data == PAGE
        with pytest.raises(FetchError) as info:
            fetch(base + "/sneaky")
    assert "not followed" in str(info.value)
