"""The reader app (Textual Pilot) fed hostile articles: nothing crashes, no control reaches the screen,
markup is shown literally, and bidi overrides cannot reorder the lines the app draws."""

from __future__ import annotations

import pytest

from articles.importers.text import parse_text
from articles.store import Library
from tests.app_support import settle
from tests.hostile import PAYLOADS, all_payloads_text, hostile_text, leaks
from tui.screens.main import MainScreen

SIZE = (160, 40)  # wide enough for a whole hostile title in the list


def screen_text(app) -> str:
    """Every character the app would draw now, line by line (the compositor's strips, not SVG)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def library_with(path, texts: list[str]) -> Library:
    library = Library(path)
    library.add_many(parse_text(text, source=f"evil-{n}.txt") for n, text in enumerate(texts))
    return library


async def open_each_article_and_check(app, pilot, count: int) -> list[str]:
    """Open every row in turn, with the analysis panels filled in; the screen text of each."""
    from tui.widgets.article_list import ArticleList

    shown = []
    screen = app.screen
    assert isinstance(screen, MainScreen)
    assert not leaks(screen_text(app))  # the list of titles
    for row in range(count):
        screen.query_one(ArticleList).move_to(row)
        await pilot.press("enter")
        await settle(pilot)
        for key in ("1", "2", "3"):  # each analysis panel
            await pilot.press(key)
            await pilot.pause()
            text = screen_text(app)
            assert "Headline" in text and "paragraph" in text  # the article is really on screen
            assert not leaks(text), (row, key, leaks(text)[:5])
            shown.append(text)
        await pilot.press("escape")
        await pilot.pause()
    return shown


@pytest.mark.parametrize("arabic", [False, True], ids=["en", "ar"])
async def test_app_shows_no_control_from_any_payload(tmp_path, arabic):
    from tui.app import NewsreadApp

    texts = [hostile_text(payload, arabic=arabic) for _, payload in PAYLOADS[:12]]
    library = library_with(tmp_path / "lib.db", texts)
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await open_each_article_and_check(app, pilot, 3)
            assert app.is_running
    finally:
        library.close()


async def test_app_with_every_payload_in_one_article_scrolls_to_the_end_cleanly(tmp_path):
    from tui.app import NewsreadApp

    library = library_with(tmp_path / "lib.db", [all_payloads_text(), all_payloads_text(arabic=True)])
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=SIZE) as pilot:
            for row in range(2):
                app.screen.article_list.move_to(row)
                await pilot.press("enter")
                await settle(pilot)
                for key in ["space"] * 6 + ["G"]:  # page through it, then its end
                    assert not leaks(screen_text(app))
                    await pilot.press(key)
                    await pilot.pause()
                assert not leaks(screen_text(app))
                await pilot.press("escape")
            assert app.is_running
    finally:
        library.close()


async def test_markup_in_articles_is_shown_literally_and_never_acted_on(tmp_path):
    from tui.app import NewsreadApp

    payload = "[bold]B[/bold] [@click=app.quit]Q[/] [link=http://evil.example]L[/link]"
    library = library_with(tmp_path / "lib.db", [hostile_text(payload)])
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=SIZE) as pilot:
            assert "Headline [bold]B[/bold]" in screen_text(app)  # the title in the list, literally
            await pilot.press("enter")
            await settle(pilot)
            text = screen_text(app)
            assert "[@click=app.quit]Q[/]" in text
            assert "[link=http://evil.example]L[/link]" in text
            # No style or link from the article's markup made it into the drawn segments.
            for strip in app.screen._compositor.render_strips():
                for segment in strip:
                    if "B[/bold]" in segment.text or "Q[/]" in segment.text:
                        style = segment.style
                        assert style is None or (not style.link and "quit" not in str(style.meta))
            await pilot.click(offset=(10, 3))  # clicking on it quits nothing
            await pilot.pause()
            assert app.is_running
    finally:
        library.close()


async def test_bidi_override_in_a_title_cannot_flip_the_rest_of_the_list(tmp_path):
    from tui.app import NewsreadApp

    texts = [hostile_text("\u202eABCDEF", title_payload=True), hostile_text("plain", title_payload=True)]
    library = library_with(tmp_path / "lib.db", texts)
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "\u202e" not in text
            assert "Headline ABCDEF" in text  # still in logical (left-to-right) order, not "FEDCBA enildaeH"
            assert "Headline plain here" in text
    finally:
        library.close()


def drawn_links(app) -> list[str]:
    """Every OSC 8 link target the screen would send to the terminal."""
    links = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            if segment.style is not None and segment.style.link:
                links.append(segment.style.link)
    return links


HOSTILE_SOURCE = "http://example.test/a\x1b]52;c;cm0gLXJm\x07b\x1b\\[@click=app.quit]x[/]\u202e"


def library_with_source(path, source: str) -> Library:
    from articles.model import Article

    library = Library(path)
    library.add(Article(title="Linked story", paragraphs=(f"{hostile_text('x')}",), source=source, language="en"))
    return library


async def test_link_screen_shows_a_hostile_source_safely(tmp_path):
    from tui.app import NewsreadApp

    library = library_with_source(tmp_path / "lib.db", HOSTILE_SOURCE)
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await settle(pilot)
            assert not leaks(screen_text(app))
            assert all(not leaks(link) for link in drawn_links(app))
            await pilot.press("o")
            await pilot.pause()
            text = screen_text(app)
            assert "example.test" in text and not leaks(text)
            assert all(not leaks(link) for link in drawn_links(app))  # OSC 8 targets go to the terminal raw
            await pilot.press("escape")
            await pilot.pause()
            assert app.is_running
    finally:
        library.close()


async def test_copy_notification_shows_a_hostile_link_literally(tmp_path):
    from tui.app import NewsreadApp

    # A source with controls is no link to copy at all (issue 17.12): markup alone still must not be read.
    library = library_with_source(tmp_path / "lib.db", "http://example.test/a[@click=app.quit]x[/]")
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("y")  # copies the link and says so in a notification
            await pilot.pause(0.3)
            text = screen_text(app)
            assert "Copied the link" in text
            assert "[@click=app.quit]x[/]" in text  # shown, not interpreted as markup
            assert not leaks(text)
            assert all(not leaks(link) for link in drawn_links(app))
            assert app.is_running
    finally:
        library.close()


async def test_search_screen_lists_hostile_titles_and_snippets_safely(tmp_path):
    from tui.app import NewsreadApp

    texts = [hostile_text(payload, arabic=n % 2 == 1) for n, (_, payload) in enumerate(PAYLOADS[:10])]
    library = library_with(tmp_path / "lib.db", texts)
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("/")
            await pilot.press(*"paragraph")
            for _ in range(40):
                await pilot.pause(0.05)
                await app.workers.wait_for_complete()
                if "found" in screen_text(app):
                    break
            text = screen_text(app)
            assert "10 found" in text and "Headline" in text
            assert not leaks(text)
            await pilot.press("enter")
            await settle(pilot)
            assert not leaks(screen_text(app)) and app.is_running
    finally:
        library.close()
