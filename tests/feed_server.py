"""A feed site on 127.0.0.1 for the feed tests: resources that answer conditional GETs as real servers do.

Each path holds a ``Resource``; a test changes them between refreshes (an edited entry, a new ETag, a
redirect, a 410) and reads ``hits`` to see what was asked for.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer

from tests.local_server import QuietHandler


@dataclass
class Resource:
    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None  # for a redirect status
    gzip: bool = False


@dataclass
class FeedSite:
    resources: dict[str, Resource] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    not_modified: Counter = field(default_factory=Counter)
    base: str = ""
    delay: float = 0.0  # seconds each answer waits (a slow site)

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site: FeedSite) -> type[QuietHandler]:
    class Handler(QuietHandler):
        def do_GET(self) -> None:
            path = self.path
            site.hits[path] += 1
            if site.delay:
                time.sleep(site.delay)
            resource = site.resources.get(path)
            if resource is None:
                self.reply(404, "text/plain", b"not found")
                return
            if resource.location is not None:
                self.reply(resource.status, "text/plain", b"", {"Location": resource.location})
                return
            if resource.status != 200:
                self.reply(resource.status, "text/plain", b"gone" if resource.status == 410 else b"error")
                return
            validators = {}
            if resource.etag:
                validators["ETag"] = resource.etag
            if resource.last_modified:
                validators["Last-Modified"] = resource.last_modified
            match = resource.etag and self.headers.get("If-None-Match") == resource.etag
            since = resource.last_modified and self.headers.get("If-Modified-Since") == resource.last_modified
            if match or (since and not resource.etag):
                site.not_modified[path] += 1
                self.reply(304, resource.content_type, b"", validators)
                return
            body = resource.body
            if resource.gzip and "gzip" in (self.headers.get("Accept-Encoding") or ""):
                body = gzip.compress(body)
                validators["Content-Encoding"] = "gzip"
            self.reply(200, resource.content_type, body, validators)

    return Handler


@contextmanager
def feed_site() -> Iterator[FeedSite]:
    site = FeedSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def rss(title: str, items: list[tuple[str, str, str, str | None]], *, extra: str = "") -> bytes:
    """An RSS 2.0 feed; each item is (guid, title, text, RFC 822 date or None); links are http://news.test/GUID."""
    parts = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{title}</title>']
    parts.append(f"<link>http://news.test/</link>{extra}")
    for guid, item_title, text, date in items:
        parts.append(
            f"<item><guid>{guid}</guid><title>{item_title}</title><link>http://news.test/{guid}</link>"
            f"<description>{text}</description>" + (f"<pubDate>{date}</pubDate>" if date else "") + "</item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")
