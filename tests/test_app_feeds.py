"""The app stays live (issue 12): ``R`` refreshes in a worker while the user moves and stars, new articles
appear without moving the selection, and ``f`` filters the list by feed or folder."""

from __future__ import annotations

import asyncio

import pytest

from articles.refresh import refresh
from articles.store import Library, ListFilter
from tests.feed_server import Resource, feed_site, rss
from tui.screens.feeds import FeedsScreen, feed_choices
from tui.screens.main import MainScreen, refresh_minutes

WIDE = (160, 48)


def _items(prefix: str, hours: range):
    return [
        (
            f"{prefix}{h}",
            f"Story {prefix} at hour {h} today",
            f"Text of {prefix} {h}.",
            f"Thu, 03 Dec 2026 {h:02d}:00:00 GMT",
        )
        for h in hours
    ]


@pytest.fixture
def site():
    with feed_site() as served:
        yield served


@pytest.fixture
def library(tmp_path, site, monkeypatch):
    monkeypatch.setenv("NEWSREAD_LIBRARY_ANALYSIS", "off")
    site.resources["/world"] = Resource(rss("World", _items("w", range(1, 6))), etag='"w1"')
    site.resources["/sport"] = Resource(rss("Sport", _items("s", range(1, 4))), etag='"s1"')
    lib = Library(tmp_path / "lib.sqlite3")
    lib.add_feed(site.url("/world"), folder="News")
    lib.add_feed(site.url("/sport"))
    refresh(lib)
    yield lib
    lib.close()


def _main(app) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


async def _wait_refresh(pilot, screen: MainScreen) -> None:
    for _ in range(400):
        await pilot.pause(0.02)
        if not any(w.group == "refresh" and not w.is_finished for w in screen.workers):
            break
    await pilot.pause()


async def test_refresh_while_moving_and_starring_stars_the_article_shown(library, site):
    from tui.app import NewsreadApp

    app = NewsreadApp(library)
    async with app.run_test(size=WIDE) as pilot:
        screen = _main(app)
        await pilot.press("j", "j")
        shown_before = screen.article.id
        assert screen.article_list.current_row.id == shown_before
        # newer stories arrive (on top of the list) while the user keeps moving
        site.resources["/world"] = Resource(rss("World", _items("w", range(1, 12))), etag='"w2"')
        site.delay = 0.2
        await pilot.press("R")
        await pilot.pause(0.05)
        await pilot.press("j")
        shown = screen.article.id
        assert shown != shown_before
        await pilot.press("s")
        for _ in range(3):  # keep moving and starring while the refresh is still storing
            await pilot.pause(0.1)
            assert screen.article_list.current_row.id == screen.article.id
        await _wait_refresh(pilot, screen)
        assert library.count() == 14
        assert [r.id for r in library.rows(ListFilter(starred=True))] == [shown]
        assert screen.article.id == shown and screen.article_list.current_row.id == shown
        assert screen.article_list.cursor == 3 + 6  # six new rows above it: the cursor followed the article
        assert screen.reader.feeds in (("World",), ("Sport",))  # the reader names the feed it came from
        assert screen.reader.feeds == tuple(f.name for f in library.feeds_of_article(shown))
        await pilot.press("s")
        assert not library.get(shown).starred  # still the article shown


async def test_f_filters_by_feed_and_folder(library):
    from tui.app import NewsreadApp

    app = NewsreadApp(library)
    async with app.run_test(size=WIDE) as pilot:
        screen = _main(app)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FeedsScreen)
        for _ in range(100):
            if app.screen.choices:
                break
            await pilot.pause(0.02)
        labels = [c.label.strip() for c in app.screen.choices]
        assert labels == ["All articles", "▸ News", "World", "Sport"]
        assert [c.unread for c in app.screen.choices] == [8, 5, 5, 3]
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()
        assert screen.article_list.row_count == 3
        assert screen.article_list.where.feed is not None
        assert "Sport" in str(screen.query_one("#status").render())
        await pilot.press("f")
        await pilot.pause(0.2)
        await pilot.press("k", "k", "enter")  # the folder
        await pilot.pause()
        assert screen.article_list.where == ListFilter(folder="News") and screen.article_list.row_count == 5
        await pilot.press("f")
        await pilot.pause(0.2)
        await pilot.press("escape")
        assert screen.article_list.row_count == 5


def test_feed_choices_group_feeds_under_their_folders():
    from articles.subscriptions import Feed

    feeds = [Feed(1, "u1", "B", "Z"), Feed(2, "u2", "A", None), Feed(3, "u3", "C", "Z")]
    choices = feed_choices(feeds, {1: 2, 3: 4}, 9)
    assert [(c.label.strip(), c.unread) for c in choices] == [
        ("All articles", 9),
        ("▸ Z", 6),
        ("B", 2),
        ("C", 4),
        ("A", 0),
    ]


def test_the_auto_refresh_setting():
    assert refresh_minutes({"NEWSREAD_REFRESH": "30"}) == 30
    assert refresh_minutes({"NEWSREAD_REFRESH": "0.1"}) == 1
    assert refresh_minutes({"NEWSREAD_REFRESH": "0"}) is None
    assert refresh_minutes({"NEWSREAD_REFRESH": "soon"}) is None
    assert refresh_minutes({}) is None


async def test_auto_refresh_runs_while_the_app_is_open(library, site, monkeypatch):
    from tui.app import NewsreadApp
    from tui.screens import main as main_module

    monkeypatch.setenv("NEWSREAD_REFRESH", "1")
    monkeypatch.setattr(main_module, "refresh_minutes", lambda: 0.5 / 60)  # every half second
    library.conn.execute("UPDATE feeds SET next_fetch = NULL")  # due now
    site.resources["/sport"] = Resource(rss("Sport", _items("s", range(1, 6))), etag='"s2"')
    app = NewsreadApp(library)
    async with app.run_test(size=WIDE) as pilot:
        screen = _main(app)
        for _ in range(100):
            await asyncio.sleep(0.05)
            if screen.article_list.row_count == 10:
                break
        await _wait_refresh(pilot, screen)
        assert screen.article_list.row_count == 10
