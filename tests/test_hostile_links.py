"""Issue 17, links: ``y`` copies only sanitized single-line links (17.12); ``o`` makes only http(s)
sources clickable, and fetches can refuse private addresses on every redirect hop (17.13)."""

from __future__ import annotations

import pytest

from articles.model import Article
from articles.store import Library
from tests.app_support import settle
from tests.hostile import FILLER_EN, hostile_text, leaks

PASTE_JACK = "http://ok.test/a\x1b[201~\nrm -rf ~\n\x1b[200~"
HOSTILE_SOURCES = [
    PASTE_JACK,
    "https://ok.test/\u202egnp.exe",
    "http://ok.test/a\tb",
    "http://ok.test/a\u2028b",
    "file:///etc/passwd",
    "javascript://%0Aalert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
]


def library_of(path, sources: list[str], body: str = FILLER_EN) -> Library:
    library = Library(path)
    for n, source in enumerate(sources):
        library.add(Article(title=f"Linked story {n}", paragraphs=(f"{body} {n}", body), source=source, language="en"))
    return library


def recorder(app) -> list[str]:
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # what would go to the terminal as OSC 52
    return copied


async def test_y_never_copies_a_control_or_a_line_break_of_a_link(tmp_path):
    from tui.app import NewsreadApp

    library = library_of(tmp_path / "lib.db", [*HOSTILE_SOURCES, "https://ok.test/story?id=1"])
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            copied = recorder(app)
            for _ in range(len(HOSTILE_SOURCES) + 1):
                await settle(pilot)
                await pilot.press("y")  # the list has focus: the link, if the source is one
                await pilot.press("o", "y")  # the link screen's own copy
                await pilot.pause()
                await pilot.press("j")
            await pilot.pause()
            assert all(not leaks(text.replace("\n", " ")) for text in copied)
            links = [text for text in copied if "minister" not in text]  # not a link: the summary is copied
            assert links
            for text in links:
                assert "\n" not in text and "\u2028" not in text and "\t" not in text, repr(text)
            assert "https://ok.test/story?id=1" in links
            assert app.is_running
    finally:
        library.close()


async def test_the_copied_summary_has_no_control(tmp_path):
    from tui.app import NewsreadApp

    library = Library(tmp_path / "lib.db")
    library.add_many(
        [Article(title="Story", paragraphs=tuple(hostile_text("\x1b]52;c;cm0=\x07\x1b[201~").split("\n\n")[1:]))]
    )
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            copied = recorder(app)
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("1", "y")  # the Summary panel has focus: the summary is copied
            await pilot.pause()
            assert copied and "minister" in copied[-1]
            assert not leaks(copied[-1].replace("\n", " ")), repr(copied[-1])
    finally:
        library.close()


async def test_o_makes_only_http_sources_clickable(tmp_path):
    from tests.test_hostile_app import drawn_links, screen_text
    from tui.app import NewsreadApp

    library = library_of(tmp_path / "lib.db", [*HOSTILE_SOURCES, "https://ok.test/story?id=1"])
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            seen: list[str] = []
            await settle(pilot)
            for _ in range(len(HOSTILE_SOURCES) + 1):
                await pilot.press("o")
                await pilot.pause()
                assert not leaks(screen_text(app))
                seen += drawn_links(app)
                await pilot.press("escape", "j")
                await pilot.pause()
            assert seen == ["https://ok.test/story?id=1"], seen
    finally:
        library.close()


def serve(host: str, handler):
    """A threaded HTTP server on ``host`` at a free port: (server, base URL)."""
    import threading
    from http.server import ThreadingHTTPServer

    server = ThreadingHTTPServer((host, 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}"


def redirecting_servers(requests: list[str]):
    """Server B (127.0.0.2) answers a feed; server A (127.0.0.1) redirects there. Requests are logged."""
    from tests.local_server import QuietHandler

    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Inner</title>'
        b"<description>Only on the inner server.</description></item></channel></rss>"
    )

    class Inner(QuietHandler):
        def do_GET(self) -> None:
            requests.append(f"inner {self.path}")
            self.reply(200, "application/rss+xml", feed)

    inner, inner_url = serve("127.0.0.2", Inner)

    class Outer(QuietHandler):
        def do_GET(self) -> None:
            requests.append(f"outer {self.path}")
            self.reply(302, "text/plain", b"", {"Location": f"{inner_url}/feed.xml"})

    outer, outer_url = serve("127.0.0.1", Outer)
    return (outer, inner), outer_url


def test_a_redirect_to_another_local_port_is_followed_by_default(monkeypatch):
    from articles.fetch import fetch

    monkeypatch.delenv("NEWSREAD_BLOCK_PRIVATE", raising=False)
    requests: list[str] = []
    servers, url = redirecting_servers(requests)
    try:
        assert b"Only on the inner server" in fetch(url + "/start").data
        assert requests == ["outer /start", "inner /feed.xml"]
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def test_block_private_refuses_a_private_hop_before_any_request(monkeypatch):
    """The first hop is allowed (127.0.0.1 counts as public here), the redirect to 127.0.0.2 is not."""
    from articles import fetch as fetching

    real = fetching.is_public
    monkeypatch.setattr(fetching, "is_public", lambda address: address == "127.0.0.1" or real(address))
    monkeypatch.setenv("NEWSREAD_BLOCK_PRIVATE", "1")
    requests: list[str] = []
    servers, url = redirecting_servers(requests)
    try:
        with pytest.raises(fetching.FetchError, match=r"127\.0\.0\.2 is a private address"):
            fetching.fetch(url + "/start")
        assert requests == ["outer /start"]  # the inner server was never asked
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def test_block_private_checks_the_address_connected_to(monkeypatch):
    """A name that looked public when checked, and led to a private address when connecting (DNS rebinding):
    the check by name is switched off here, the check of the connected socket must still refuse."""
    from articles import fetch as fetching

    requests: list[str] = []
    servers, url = redirecting_servers(requests)
    monkeypatch.setattr(fetching, "_refuse_private", lambda *args: None)
    monkeypatch.setenv("NEWSREAD_BLOCK_PRIVATE", "1")
    try:
        with pytest.raises(fetching.FetchError, match="connected to a private address"):
            fetching.fetch(url + "/start")
        assert requests == []
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


@pytest.mark.parametrize("value", ["1", "yes"])
def test_newsread_add_with_block_private_is_one_line(tmp_path, value):
    from tests.conftest import run_newsread

    requests: list[str] = []
    servers, url = redirecting_servers(requests)
    try:
        env = {"NEWSREAD_LIBRARY": str(tmp_path / "lib.db"), "NEWSREAD_BLOCK_PRIVATE": value}
        result = run_newsread("add", url + "/start", env=env)
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    err = result.stderr.decode()
    assert result.returncode == 1 and len(err.splitlines()) == 1 and "127.0.0.1 is a private address" in err, err
    assert requests == []
