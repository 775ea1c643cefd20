"""The feed commands as a user runs them (issue 12): subscribe by feed, page or OPML; list, rename, rm,
export; refresh's summary and exit status; errors are one line; an OPML list survives a round trip;
a refresh killed with kill -9 leaves a library that is whole and consistent."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, assert_one_line_error, run_newsread
from tests.feed_server import Resource, feed_site, rss
from tui.entry import main

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>mine</title></head><body>
  <outline text="World"><outline text="Middle East">
    <outline text="Arabic news" type="rss" xmlUrl="http://ar.test/rss.xml" htmlUrl="http://ar.test/"/>
  </outline></outline>
  <outline text="Tech" title="Tech"><outline text="Blog" xmlUrl="http://blog.test/atom"/></outline>
  <outline text="Loose" xmlUrl="https://loose.test/feed"/>
</body></opml>"""


@pytest.fixture
def site():
    with feed_site() as served:
        yield served


@pytest.fixture
def cli(tmp_path, capsys):
    library = str(tmp_path / "lib.sqlite3")

    def run(*args: str) -> tuple[int, str, str]:
        status = main(["--library", library, *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    run.library = library  # type: ignore[attr-defined]
    return run


def _items(count: int, prefix: str = "i"):
    return [(f"{prefix}{n}", f"Headline {prefix} number {n} here", f"Body {n}.", None) for n in range(count)]


def test_subscribe_by_page_list_filter_and_refresh(site, cli):
    site.resources["/feed.xml"] = Resource(rss("Daily", _items(3)), etag='"a"')
    page = '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>x</body>'
    site.resources["/"] = Resource(page.encode(), content_type="text/html")
    status, out, err = cli("feeds", "add", site.url("/"), "--folder", "Local")
    assert status == 0 and "Daily" in out and "3 items" in out, err
    status, out, _ = cli("feeds", "list", "--format", "json")
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert (row["title"], row["url"], row["folder"], row["items"], row["unread"]) == (
        "Daily",
        site.url("/feed.xml"),
        "Local",
        3,
        3,
    )
    status, out, _ = cli("list", "--feed", "Daily", "--format", "json")
    assert [json.loads(line)["title"] for line in out.splitlines()] == [
        "Headline i number 0 here",
        "Headline i number 1 here",
        "Headline i number 2 here",
    ]  # undated entries keep the feed's order, its first on top
    assert cli("list", "--folder", "Elsewhere")[1] == ""
    status, out, err = cli("refresh", "--force")
    assert status == 0 and out.strip() == "feeds: 0 fetched, 1 not modified, 0 failed; items: 0 new, 0 updated"
    status, out, _ = cli("feeds", "rename", "Daily", "Daily news", "--folder", "Town/Centre")
    assert status == 0
    _, out, _ = cli("feeds", "list")
    assert "Town/Centre/Daily news" in out and site.url("/feed.xml") in out
    assert cli("feeds", "set-full-text", "1")[0] == 0
    assert json.loads(cli("feeds", "list", "-f", "json")[1])["full_text"] is True
    assert cli("feeds", "rm", "1")[0] == 0
    assert cli("feeds", "list", "-f", "json")[1] == ""
    assert len(cli("list", "--format", "json")[1].splitlines()) >= 3  # the articles stay


def test_show_names_every_feed_that_carried_the_story(site, cli):
    site.resources["/a"] = Resource(rss("Alpha", [("a1", "Parliament passes the water law", "A's copy.", None)]))
    site.resources["/b"] = Resource(rss("Beta", [("b1", "Parliament passes the water law", "B's copy.", None)]))
    assert cli("feeds", "add", site.url("/a"), site.url("/b"))[0] == 0
    (row,) = [json.loads(line) for line in cli("list", "--feed", "Alpha", "-f", "json")[1].splitlines()]
    assert "feeds: Alpha, Beta" in cli("show", str(row["id"]))[1]


def test_refresh_exits_1_only_when_every_feed_failed(site, cli):
    site.resources["/ok"] = Resource(rss("Ok", _items(1)))
    cli("feeds", "add", site.url("/ok"))
    cli("feeds", "add", "--folder", "x", site.url("/ok"))  # already subscribed: said, not an error
    site.resources["/bad"] = Resource(status=500)
    opml = f'<opml version="2.0"><body><outline text="Bad" xmlUrl="{site.url("/bad")}"/></body></opml>'
    site.resources["/list.opml"] = Resource(opml.encode(), content_type="text/x-opml")
    assert cli("feeds", "add", site.url("/list.opml"))[0] == 0
    status, out, err = cli("refresh", "--force")
    assert status == 0 and "1 fetched, 0 not modified, 1 failed" in out and "HTTP 500" in err
    site.resources["/ok"] = Resource(status=404)
    status, out, err = cli("refresh", "--force")
    assert status == 1 and "0 fetched, 0 not modified, 2 failed" in out
    status, out, err = cli("refresh", "Ok")
    assert status == 0 and "0 fetched" in out  # not due: backing off


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("feeds", "add", "/nonexistent/list.opml"), "no such file"),
        (("feeds", "rm", "42"), "no feed '42'"),
        (("feeds", "rename", "1"), "say what to change"),
        (("list", "--feed", "Nope"), "no feed 'Nope'"),
        (("refresh", "nope"), "no feed 'nope'"),
    ],
)
def test_errors_are_one_line_without_a_traceback(tmp_path, args, fragment):
    result = run_newsread("--library", str(tmp_path / "lib.sqlite3"), *args)
    assert_one_line_error(result, fragment)


def test_a_page_without_a_feed_and_a_feed_file_are_one_line_errors(site, tmp_path, cli):
    site.resources["/plain"] = Resource(b"<html><head></head><body>nothing</body></html>", content_type="text/html")
    status, _, err = cli("feeds", "add", site.url("/plain"))
    assert status == 1 and "advertises no feed" in err and len(err.strip().splitlines()) == 1
    feed_file = tmp_path / "feed.xml"
    feed_file.write_bytes(rss("F", _items(1)))
    status, _, err = cli("feeds", "add", str(feed_file))
    assert status == 1 and "not an OPML list" in err


def test_opml_round_trip_through_a_second_library(tmp_path, capsys):
    source = tmp_path / "mine.opml"
    source.write_bytes(OPML)
    first_lib, second_lib = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")

    def listing(library: str) -> set[tuple]:
        capsys.readouterr()
        assert main(["--library", library, "feeds", "list", "--format", "json"]) == 0
        return {(r["url"], r["title"], r["folder"]) for r in map(json.loads, capsys.readouterr().out.splitlines())}

    assert main(["--library", first_lib, "feeds", "add", str(source)]) == 0
    exported = tmp_path / "out.opml"
    assert main(["--library", first_lib, "feeds", "export", "-o", str(exported)]) == 0
    assert main(["--library", second_lib, "feeds", "add", str(exported)]) == 0
    assert listing(first_lib) == {
        ("http://ar.test/rss.xml", "Arabic news", "World/Middle East"),
        ("http://blog.test/atom", "Blog", "Tech"),
        ("https://loose.test/feed", "Loose", None),
    }
    assert listing(second_lib) == listing(first_lib)


def test_an_opml_list_declaring_entities_is_refused(tmp_path, cli):
    hostile = tmp_path / "evil.opml"
    hostile.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<opml version="2.0"><body><outline text="&x;" xmlUrl="http://a.test/"/></body></opml>'
    )
    status, _, err = cli("feeds", "add", str(hostile))
    assert status == 1 and "entities" in err and cli("feeds", "list", "-f", "json")[1] == ""


@pytest.mark.slow
def test_a_refresh_killed_with_kill_9_leaves_the_library_whole(tmp_path):
    """Many feeds, a slow server; the refresh is killed mid-way. Every feed marked fetched has all its
    entries, every other feed none; SQLite's own check passes; a second refresh completes the rest."""
    library = tmp_path / "lib.sqlite3"
    with feed_site() as site:
        site.delay = 0.05
        for n in range(60):
            site.resources[f"/f{n}"] = Resource(rss(f"F{n}", _items(20, f"f{n}x")))
        opml = "".join(f'<outline text="F{n}" xmlUrl="{site.url(f"/f{n}")}"/>' for n in range(60))
        (tmp_path / "all.opml").write_text(f'<opml version="2.0"><body>{opml}</body></opml>')
        assert run_newsread("--library", str(library), "feeds", "add", str(tmp_path / "all.opml")).returncode == 0
        process = subprocess.Popen(
            [sys.executable, "-m", "tui.entry", "--library", str(library), "refresh"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            conn = sqlite3.connect(library, timeout=10)
            done = conn.execute("SELECT count(*) FROM feeds WHERE last_fetch IS NOT NULL").fetchone()[0]
            conn.close()
            if done >= 5:
                break
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        conn = sqlite3.connect(library)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        fetched = conn.execute("SELECT count(*) FROM feeds WHERE last_fetch IS NOT NULL").fetchone()[0]
        assert 5 <= fetched < 60, fetched
        per_feed = dict(
            conn.execute(
                "SELECT f.id, count(a.article_id) FROM feeds f LEFT JOIN article_feeds a ON a.feed_id = f.id"
                " GROUP BY f.id"
            ).fetchall()
        )
        states = dict(conn.execute("SELECT id, last_fetch IS NOT NULL FROM feeds").fetchall())
        assert all(per_feed[i] == (20 if states[i] else 0) for i in states)
        assert conn.execute("SELECT count(*) FROM articles WHERE feed_id IS NOT NULL").fetchone()[0] == 20 * fetched
        conn.close()
        result = run_newsread("--library", str(library), "refresh", timeout=120)
        assert result.returncode == 0 and f"{60 - fetched} fetched" in result.stdout.decode()


def test_a_large_refresh_with_standard_error_closed_still_stores_everything(site, tmp_path):
    library = tmp_path / "lib.sqlite3"
    lines = []
    for n in range(22):  # enough feeds for parser processes
        site.resources[f"/f{n}"] = Resource(rss(f"F{n}", _items(2, f"f{n}x")))
        lines.append(f'<outline text="F{n}" xmlUrl="{site.url(f"/f{n}")}"/>')
    (tmp_path / "all.opml").write_text(f'<opml version="2.0"><body>{"".join(lines)}</body></opml>')
    assert run_newsread("--library", str(library), "feeds", "add", str(tmp_path / "all.opml")).returncode == 0
    result = subprocess.run(
        f"{sys.executable} -m tui.entry --library {library} refresh 2>&-", shell=True, cwd=ROOT, capture_output=True
    )
    assert result.returncode == 0
    assert result.stdout.decode().strip() == "feeds: 22 fetched, 0 not modified, 0 failed; items: 44 new, 0 updated"
