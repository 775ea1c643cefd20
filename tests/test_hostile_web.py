"""Hostile web servers (on 127.0.0.1): a URL that never answers, answers a byte at a time, redirects
forever, or sends the wrong content type gives one clear line, in bounded time, and adds nothing."""

from __future__ import annotations

import functools
import random
import time

import pytest

import articles.importers as importers
from articles.fetch import FetchError, fetch
from articles.sources import LoadError
from tests.conftest import run_newsread
from tests.hostile import FILLER_EN, leaks
from tests.local_server import QuietHandler, local_server

PNG = b"\x89PNG\r\n\x1a\n" + random.Random(5).randbytes(20_000)


class Hostile(QuietHandler):
    """Each path is one kind of bad server."""

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        try:
            if path == "/silent":  # accepts the connection, never answers
                time.sleep(2)
                return
            if path == "/dribble":  # headers at once, then one byte every 50 ms, for ever
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                for _ in range(200):
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(0.05)
                return
            if path == "/header-dribble":  # a status line, then header bytes one at a time, for ever
                self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                for _ in range(200):
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(0.05)
                return
            if path == "/not-http":  # answers, but not in HTTP
                self.wfile.write(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")
                return
            if path == "/long-header":  # one header line longer than any HTTP client accepts
                self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n")
                return
            if path.startswith("/loop"):  # redirects for ever, to a new address each time
                n = int(path[5:] or 0)
                self.send_response(302)
                self.send_header("Location", f"/loop{n + 1}")
                self.end_headers()
                return
            if path == "/to-file":
                self.send_response(301)
                self.send_header("Location", "file:///etc/passwd")
                self.end_headers()
                return
            kinds = {
                "/png": ("image/png", PNG),
                "/png-as-html": ("text/html", PNG),
                "/octet": ("application/octet-stream", random.Random(6).randbytes(30_000)),
                "/json-as-feed": ("application/rss+xml", b'{"not": "a feed"}'),
                "/empty": ("text/html", b""),
                "/evil-page": (
                    "text/html; charset=utf-8",
                    (
                        "<html><head><title>Evil \x1b]0;pwned\x07 page</title></head><body><article>"
                        f"<p>{FILLER_EN} \x1b[2J\x9b31m \u202eolleh</p><p>{FILLER_EN}</p></article></body></html>"
                    ).encode(),
                ),
            }
            ctype, body = kinds.get(path, ("text/plain", b"not found"))
            self.reply(200 if path in kinds else 404, ctype, body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def base():
    with local_server(Hostile) as url:
        yield url


def one_line_error(exc: BaseException, url: str) -> str:
    text = str(exc)
    assert "\n" not in text and text.startswith(url), text
    return text


@pytest.mark.parametrize("path", ["/silent", "/dribble", "/header-dribble"])
def test_a_server_that_stalls_times_out_within_the_limit(base, path):
    start = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch(base + path, timeout=0.5)
    assert time.monotonic() - start < 3
    assert "timed out" in one_line_error(caught.value, base + path)


@pytest.mark.parametrize("path", ["/not-http", "/long-header"])
def test_a_server_that_does_not_speak_http_gives_one_line(base, path):
    with pytest.raises(FetchError) as caught:
        fetch(base + path, timeout=5)
    assert "not a valid HTTP answer" in one_line_error(caught.value, base + path)


def test_redirecting_forever_stops_with_one_line(base):
    start = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch(base + "/loop", timeout=5)
    assert time.monotonic() - start < 5
    assert "redirected too many times" in one_line_error(caught.value, base + "/loop")


def test_redirect_to_a_local_file_is_not_followed(base):
    with pytest.raises(FetchError) as caught:
        fetch(base + "/to-file", timeout=5)
    message = one_line_error(caught.value, base + "/to-file")
    assert "not followed" in message or "not allowed" in message


@pytest.mark.parametrize("path", ["/png", "/png-as-html", "/octet", "/json-as-feed", "/empty"])
def test_wrong_content_is_refused_with_one_line(base, path, monkeypatch):
    monkeypatch.setattr(importers, "fetch", functools.partial(fetch, timeout=5))
    with pytest.raises(LoadError) as caught:
        importers.load(base + path)
    one_line_error(caught.value, base + path)


def test_slow_url_through_load_gives_one_line(base, monkeypatch):
    monkeypatch.setattr(importers, "fetch", functools.partial(fetch, timeout=0.5))
    results = list(importers.load_all([base + "/silent", base + "/evil-page"]))
    assert isinstance(results[0][1], LoadError) and "timed out" in str(results[0][1])
    assert results[1][1].articles  # the other input is still read


def test_cli_add_of_hostile_urls_one_line_each_nothing_added(base, tmp_path):
    env = {"NEWSREAD_LIBRARY": str(tmp_path / "lib.db")}
    paths = ("/loop", "/to-file", "/png", "/octet", "/json-as-feed", "/empty", "/nothing", "/not-http", "/long-header")
    urls = [base + p for p in paths]
    result = run_newsread("add", *urls, env=env, timeout=60)
    err = result.stderr.decode()
    assert result.returncode == 1
    assert result.stdout.decode().strip() == f"added 0, skipped 0 duplicates, failed {len(urls)}"
    assert len(err.splitlines()) == len(urls) and "Traceback" not in err
    assert not leaks(err)


def test_cli_add_of_a_hostile_page_stores_it_and_shows_it_safely(base, tmp_path):
    env = {"NEWSREAD_LIBRARY": str(tmp_path / "lib.db")}
    result = run_newsread("add", base + "/evil-page", env=env)
    assert result.returncode == 0, result.stderr.decode()
    shown = run_newsread("list", "-n", "1", env=env).stdout.decode()
    assert "Evil" in shown and not leaks(shown)
    article_id = shown.split()[0]
    shown = run_newsread("show", article_id, env=env).stdout.decode()
    assert FILLER_EN[:40] in shown and not leaks(shown)


def test_a_tls_handshake_sent_a_byte_at_a_time_times_out():
    """The TLS handshake is inside the time limit too, before any HTTP is spoken."""
    import socket
    import threading

    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def dribble() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.sendall(b"\x16\x03\x01\x00\xff")  # a TLS record header promising 255 bytes
            while not stop.wait(0.2):
                try:
                    conn.sendall(b"\x02")
                except OSError:
                    return

    threading.Thread(target=dribble, daemon=True).start()
    url = f"https://127.0.0.1:{listener.getsockname()[1]}/"
    start = time.monotonic()
    try:
        with pytest.raises(FetchError) as caught:
            fetch(url, timeout=0.5)
    finally:
        stop.set()
        listener.close()
    assert time.monotonic() - start < 3
    assert "timed out" in one_line_error(caught.value, url)
