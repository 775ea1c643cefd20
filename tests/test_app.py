"""The reader app driven with Textual's Pilot: every key, resizing, analysis panels, the worker."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import replace

import pytest

from articles.model import Article
from tests.app_support import FIXED_IMPORTED, FakeRows, index_of_title, make_app, make_library, settle
from tui.options import GlobalOptions
from tui.screens.main import PANELS, MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import ReaderView

NARROW, WIDE = (80, 24), (160, 48)


@pytest.fixture
def library(tmp_path):
    lib = make_library(tmp_path / "lib.db")
    yield lib
    lib.close()


def main(app) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


async def test_j_k_arrows_g_G_space_b_move_the_cursor(library):
    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        lst = main(app).article_list
        assert lst.cursor == 0 and app.focused is lst
        await pilot.press("j", "j", "down")
        assert lst.cursor == 3
        await pilot.press("k", "up")
        assert lst.cursor == 1
        await pilot.press("G")
        assert lst.cursor == library.count() - 1
        await pilot.press("g")
        assert lst.cursor == 0
        await pilot.press("space")
        assert lst.cursor == library.count() - 1  # fewer rows than a page
        await pilot.press("b")
        assert lst.cursor == 0


async def test_enter_opens_and_marks_read_escape_goes_back(library):
    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        screen = main(app)
        row = screen.article_list.current_row
        assert not row.read
        await pilot.press("enter")
        assert screen.mode == "reading"
        assert isinstance(app.focused, ReaderView)
        assert screen.reader.display and not screen.article_list.display
        assert library.get(row.id).read
        assert screen.article.id == row.id
        await pilot.press("escape")
        assert screen.mode == "list" and app.focused is screen.article_list
        await settle(pilot)


async def test_reader_shows_arabic_headline_shaped_and_in_visual_order(library):
    from tui.rendering import render_text

    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("enter")
        screen = main(app)
        article = screen.article
        lines = screen.reader.line_texts
        width = screen.reader.scrollable_content_region.width
        expected = [line.strip() for line in render_text(article.title, width)]
        assert all(line in [t.strip() for t in lines] for line in expected)
        if any("\u0600" <= ch <= "\u06ff" for ch in article.title):  # Arabic: presentation forms, not logical
            assert article.title not in "\n".join(lines)
        assert all(len(line) <= width for line in lines)
        await settle(pilot)


async def test_j_k_space_scroll_the_reader_when_it_has_focus(library):
    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("enter")
        reader = main(app).reader
        assert reader.max_scroll_y > 0
        await pilot.press("j", "j")
        assert reader.scroll_y == 2
        await pilot.press("k")
        assert reader.scroll_y == 1
        await pilot.press("space")
        assert reader.scroll_y > 2
        await pilot.press("G")
        assert reader.scroll_y == reader.max_scroll_y
        await pilot.press("g")
        assert reader.scroll_y == 0
        await settle(pilot)


async def test_tab_cycles_focus_on_a_wide_terminal(library):
    app = make_app(library)
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        assert app.focused is screen.article_list
        seen = set()
        for _ in range(4):
            await pilot.press("tab")
            seen.add(type(app.focused).__name__)
        assert "ReaderView" in seen
        await settle(pilot)


@pytest.mark.parametrize(("key", "tab"), [("1", "summary"), ("2", "attendees"), ("3", "objectives")])
async def test_number_keys_jump_to_the_panels(library, key, tab):
    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        screen = main(app)
        await pilot.press("enter", key)
        assert screen.active_panel == tab
        assert screen.panel(tab).display and all(not screen.panel(o).display for o in PANELS if o != tab)
        assert screen.mode == "panels"
        assert app.focused is screen.panel(tab)
        await pilot.press("escape")
        assert screen.mode == "reading"
        await pilot.press("escape")
        assert screen.mode == "list"
        await settle(pilot)


async def test_panels_fill_in_after_the_analysis_and_it_is_cached(library):
    from articles.analysis_cache import analyzer_version

    app = make_app(library)
    seed = index_of_title(library, "جيفري")
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        screen.article_list.move_to(seed)
        await pilot.press("enter")
        await settle(pilot)
        data = screen.analysis
        assert data is not None and data.sentences
        summary_lines = "\n".join(screen.panel("summary").line_texts)
        assert "Analysing" not in summary_lines and summary_lines.strip()
        await pilot.press("3")
        objectives = screen.panel("objectives").line_texts
        assert data.objectives and len(data.objectives[0].items) == 3
        assert any("3." in line or ".3" in line for line in objectives)
        article = screen.article
        assert library.cached_analysis(article.content_hash, analyzer_version()) == data


async def test_moving_fast_shows_the_analysis_of_the_article_under_the_cursor(library):
    app = make_app(library)
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("j", "j", "j", "j")
        await settle(pilot)
        assert screen.article.id == screen.article_list.current_row.id
        assert screen.analysis is not None
        first = screen.analysis.sentences[0].text if screen.analysis.sentences else ""
        assert first in screen.article.text


async def test_h_toggles_summary_highlights_in_the_reader(library):
    app = make_app(library)
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("enter")
        await settle(pilot)
        assert not any(b.kind == "highlight" for b in screen.reader.blocks)
        await pilot.press("h")
        marked = [b.text for b in screen.reader.blocks if b.kind == "highlight"]
        chosen = [s.text for s in screen.analysis.sentences]
        assert marked and all(any(m in c or c in m for c in chosen) for m in marked)
        await pilot.press("h")
        assert not any(b.kind == "highlight" for b in screen.reader.blocks)


async def test_r_and_s_toggle_read_and_star(library):
    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        screen = main(app)
        row = screen.article_list.current_row
        await pilot.press("r")
        assert library.get(row.id).read and screen.article_list.current_row.read
        await pilot.press("r")
        assert not library.get(row.id).read
        await pilot.press("s")
        assert library.get(row.id).starred and screen.article_list.current_row.starred
        await pilot.press("s")
        assert not library.get(row.id).starred
        await settle(pilot)


async def test_n_and_N_jump_between_unread_articles(library):
    ids = [r.id for r in library.rows(limit=100)]
    library.set_read(ids, True)
    library.set_read([ids[2], ids[5]], False)
    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        lst = main(app).article_list
        await pilot.press("n")
        assert lst.cursor == 2
        await pilot.press("n")
        assert lst.cursor == 5
        await pilot.press("N")
        assert lst.cursor == 2
        await settle(pilot)


async def test_slash_searches_the_library_and_opens_a_hit(library):
    from tui.screens.search import SearchScreen

    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"Gusenbauer")
        await settle(pilot)
        hits = app.screen.query_one("#search-hits")
        assert hits.option_count >= 1
        await pilot.press("enter")
        await pilot.pause()
        screen = main(app)
        assert "Gusenbauer" in screen.article.title
        assert screen.mode == "reading"
        assert screen.article_list.current_row.id == screen.article.id
        await settle(pilot)


async def test_search_down_picks_another_hit_and_enter_before_results_still_opens(library):
    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", *"Brazil")
        await settle(pilot)
        hits = app.screen.query_one("#search-hits")
        assert hits.option_count >= 2
        second = int(hits.get_option_at_index(1).id)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert main(app).article.id == second
        await pilot.press("slash")
        app.screen.query_one("#search-input").value = "Gusenbauer"
        await pilot.press("enter")  # no results listed yet: the best hit opens anyway
        await pilot.pause()
        assert "Gusenbauer" in main(app).article.title
        await settle(pilot)


async def test_escape_closes_search(library):
    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", "escape")
        assert isinstance(app.screen, MainScreen)


async def test_question_mark_shows_help_with_every_binding_id(library):
    from tui.keymap import binding_ids
    from tui.screens.help import HelpScreen

    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.export_screenshot()
        for binding_id in ("cursor-down", "panel-objectives", "toggle-highlights"):
            assert binding_id in binding_ids() and binding_id in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_q_quits(library):
    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_p_opens_the_command_palette_with_the_actions(library):
    from textual.command import CommandPalette

    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for wanted in ("Next unread", "Objectives", "Search", "Highlight", "Help"):
            assert wanted in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_o_shows_the_link_and_y_copies_it(library):
    from textual.geometry import Region

    from tui.screens.link import LinkScreen

    url = "https://example.org/news/1"
    article_id, _ = library.add(Article(title="Linked story", paragraphs=("Body text here.",), source=url))
    library.conn.execute("UPDATE articles SET imported = '2099-01-01' WHERE id = ?", (article_id,))
    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("enter")
        assert main(app).article.source == url
        await pilot.press("o")
        assert isinstance(app.screen, LinkScreen)
        widget = app.screen.query_one("#link")
        drawn = widget.render_lines(Region(0, 0, widget.size.width, 1))[0].render(app.console)
        assert "\x1b]8;" in drawn and url in drawn  # an OSC 8 hyperlink reaches the terminal
        await pilot.press("escape", "y")
        assert app.clipboard == url
        await settle(pilot)


async def test_y_copies_the_summary_when_there_is_no_link(library):
    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("1", "y")
        chosen = main(app).analysis.sentences
        assert chosen and app.clipboard.splitlines()[0] == chosen[0].text


async def test_resizing_reflows_list_reader_and_panels(library):
    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        screen = main(app)
        assert screen.has_class("narrow")
        await pilot.press("enter")
        narrow_lines = screen.reader.line_texts
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert not screen.has_class("narrow")
        assert screen.article_list.display and screen.reader.display and screen.query_one("#panels").display
        wide_lines = screen.reader.line_texts
        assert wide_lines != narrow_lines
        width = screen.reader.scrollable_content_region.width
        assert all(len(line.rstrip()) <= width for line in wide_lines)
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert screen.reader.line_texts == narrow_lines
        await settle(pilot)


async def test_analysis_failure_is_shown_in_the_panels_not_raised(library):
    def broken():
        raise RuntimeError("disk on fire")

    app = make_app(library, worker_library=broken)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.is_running
        assert any("disk on fire" in line for line in main(app).panel("summary").line_texts)


async def test_user_keymap_rebinds_by_id(library):
    app = make_app(library, keymap={"cursor-down": "x"})
    async with app.run_test(size=NARROW) as pilot:
        lst = main(app).article_list
        await pilot.press("x")
        assert lst.cursor == 1
        await pilot.press("j")
        assert lst.cursor == 1  # j was replaced, not added
        await settle(pilot)


async def test_no_color_is_respected(library, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(library)
    async with app.run_test(size=NARROW):
        assert app.no_color


async def test_list_is_virtualized_for_ten_thousand_rows():
    from textual.app import App, ComposeResult

    source = FakeRows(10_000)

    class ListApp(App):
        def compose(self) -> ComposeResult:
            yield ArticleList(source)

    app = ListApp()
    async with app.run_test(size=NARROW) as pilot:
        lst = app.query_one(ArticleList)
        assert lst.row_count == 10_000 and lst.virtual_size.height == 10_000
        assert source.fetched == [("keyset", 0, 200)]  # one page, not 10,000 rows
        assert len(list(app.screen.walk_children())) < 20
        lst.focus()
        lst.move_to(9_999)
        await pilot.pause()
        assert lst.current_row.id == 9_999
        assert source.fetched[1:] == [("keyset", 9_800, 200)]  # the last page from the bottom, no OFFSET
        lst.move_by(-200)
        assert lst.current_row.id == 9_799 and source.fetched[-1] == ("keyset", 9_600, 200)  # from its neighbour


async def until(pilot, condition, seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the condition never held")


async def test_the_list_builds_fences_in_a_worker_and_finds_rows_from_them(tmp_path, monkeypatch):
    from textual.app import App, ComposeResult

    from articles.store import Library, ListFilter

    monkeypatch.setattr("tui.widgets.article_list.FENCE_STEP", 4)  # fences from 9 rows on
    path = tmp_path / "library.sqlite3"
    with Library(path) as writer:
        ids = [i for i, _ in writer.add_many(Article(f"t{k}", (f"body {k}",)) for k in range(60))]
    library = Library(path)
    built: list[ListFilter] = []

    def fences(where: ListFilter):
        with Library(path) as own:  # the worker's own connection, as the reader's screen does
            built.append(where)
            return own.fences(where, step=4)

    class ListApp(App):
        def compose(self) -> ComposeResult:
            yield ArticleList(library, fence_source=fences)

    app = ListApp()
    async with app.run_test(size=NARROW) as pilot:
        lst = app.query_one(ArticleList)
        await until(pilot, lambda: lst.fences_ready)
        order = library.ids()
        for article_id in (order[-1], order[31], order[0]):
            assert lst.move_to_article(article_id) and lst.current_row.id == article_id
            assert lst.cursor == order.index(article_id)
        library.set_read(ids[:30], True)
        lst.where = ListFilter(unread=True)
        lst.reload()
        assert not lst.fences_ready  # the old list's fences are gone at once
        await until(pilot, lambda: lst.fences_ready)
        assert built == [ListFilter(), ListFilter(unread=True)]
        unread = [i for i in order if i not in ids[:30]]
        assert lst.move_to_article(unread[-1]) and lst.cursor == len(unread) - 1
        assert not lst.move_to_article(ids[0])  # read: not in this list
    library.close()


async def test_an_article_far_down_is_found_by_one_count_and_fetched_around_it():
    from textual.app import App, ComposeResult

    source = FakeRows(1_000_000)

    class ListApp(App):
        def compose(self) -> ComposeResult:
            yield ArticleList(source)

    app = ListApp()
    async with app.run_test(size=NARROW) as pilot:
        lst = app.query_one(ArticleList)
        assert lst.move_to_article(654_321)
        await pilot.pause()
        assert lst.cursor == 654_321 and lst.current_row.id == 654_321
        assert all(how == "keyset" for how, _, _ in source.fetched), source.fetched
        fetched = sum(rows for _, _, rows in source.fetched)
        assert fetched <= 3 * 200  # the first page and the one around the article: nothing walked
        assert not lst.move_to_article(2_000_000)


@pytest.mark.parametrize("size", [NARROW, WIDE])
def test_first_paint_comes_before_any_analysis_import(tmp_path, size):
    make_library(tmp_path / "lib.db").close()
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        sys.path.insert(0, {str(tmp_path)!r})
        from articles.store import Library
        from tui.app import NewsreadApp

        class Probe(NewsreadApp):
            def painted(self):
                super().painted()
                self.loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("sumy", "nltk")
                                     or m in ("summarize.summary", "summarize.objectives", "summarize.attendees",
                                              "articles.analysis_cache"))

        async def main():
            app = Probe(Library({str(tmp_path / "lib.db")!r}))
            async with app.run_test(size={size!r}) as pilot:
                await pilot.pause()
                print("LOADED", app.loaded)
                await app.workers.wait_for_complete()

        asyncio.run(main())
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "LOADED []" in out.stdout


def test_launch_needs_a_terminal(capsys, monkeypatch):
    from tui.entry import main as cli_main

    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)  # even under pytest -s
    code = cli_main([])
    assert code != 0
    err = capsys.readouterr().err
    assert err.startswith("newsread: ") and len(err.strip().splitlines()) == 1


def test_a_bad_keymap_file_is_one_line_error(tmp_path, monkeypatch):
    from tui.commands import app_cmd

    bad = tmp_path / "keymap.toml"
    bad.write_text('[keys]\nno-such-action = "x"\n')
    monkeypatch.setenv("NEWSREAD_KEYMAP", str(bad))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    with pytest.raises(app_cmd.UserError, match="no-such-action"):
        app_cmd.launch(GlobalOptions())


def test_fixed_import_time_keeps_rows_stable(library):
    rows = library.rows(limit=100)
    assert all(r.imported == FIXED_IMPORTED for r in rows)
    assert replace(rows[0]) == rows[0]


async def test_revisiting_an_article_fills_the_panels_from_the_cache_at_once(library):
    app = make_app(library)
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await settle(pilot)
        first = screen.analysis
        assert first is not None and screen.analyzer_version
        await pilot.press("j")
        await settle(pilot)
        assert screen.analysis is not None and screen.analysis != first
        await pilot.press("k")
        assert screen.analysis == first  # straight from the store, no worker, no wait
        assert not [w for w in app.workers if w.group == "analysis" and w.is_running]


async def test_mouse_click_selects_and_double_click_opens(library):
    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        screen = main(app)
        await pilot.click(ArticleList, offset=(10, 3))
        assert screen.article_list.cursor == 3
        await pilot.click(ArticleList, offset=(10, 3), times=2)
        assert screen.mode == "reading" and screen.article.id == screen.article_list.current_row.id
        await settle(pilot)


async def test_key_bar_shows_the_keys_as_bound(library):
    from tui.widgets.key_bar import KeyBar

    app = make_app(library, keymap={"search": "f"})
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        shown = app.screen.query_one(KeyBar).render().plain
        assert "f Search" in shown and "/ Search" not in shown
        assert "? Help" in shown and "Commands" in shown
        assert len(shown) <= NARROW[0]


async def test_an_empty_library_shows_an_empty_list_and_keys_do_nothing_harmful(tmp_path):
    from articles.store import Library

    with Library(tmp_path / "empty.db") as empty:
        app = make_app(empty)
        async with app.run_test(size=WIDE) as pilot:
            screen = main(app)
            await pilot.press("j", "G", "enter", "r", "s", "n", "1", "h", "o", "y", "escape")
            assert screen.article is None and screen.article_list.row_count == 0
            assert "0 articles" in str(screen.query_one("#status").render())
            assert app.is_running


async def test_an_arabic_query_is_echoed_shaped_under_the_search_box(library):
    from tui.rendering import render_text

    app = make_app(library)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash")
        app.screen.query_one("#search-input").value = "سوريا"
        await settle(pilot)
        status = str(app.screen.query_one("#search-status").render())
        assert "found" in status and render_text("سوريا", 40)[0].strip() in status


@pytest.mark.parametrize("width", [120, 140, 160, 200])
async def test_the_reader_is_the_widest_pane_and_every_row_shows_its_date(library, width):
    app = make_app(library)
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.pause()
        screen = main(app)
        reader, panels = screen.reader.size.width, screen.query_one("#panels").size.width
        assert reader > screen.article_list.size.width and reader > panels
        lines = [screen.article_list.render_line(y).text for y in range(screen.article_list.row_count)]
        dates = [line.split()[1] for line in lines]
        starts = {line.index(date) for line, date in zip(lines, dates, strict=True)}
        assert all(d[:2] in ("20", "19") or d[2:3] == " " or ":" in d for d in dates), dates
        assert len(starts) == 1  # every date in the same column, partial ones ("2004-12") included
        await settle(pilot)


async def test_enter_on_a_name_lists_the_other_articles_with_that_person(tmp_path):
    from articles.analysis_cache import analyzer_version
    from summarize.analysis import analyze

    library = make_library(tmp_path / "lib.db")
    seed = library.get(library.rows(limit=1)[0].id)  # the seed: five attendees
    other = library.add(Article(title="Later talks", paragraphs=("Jeffrey met them again.",)))[0]
    seen = analyze(seed.text, seed.language)
    library.store_analysis(seed.content_hash, analyzer_version(), seen)
    library.store_analysis(library.get(other).content_hash, "another version", seen)  # the same people
    app = make_app(library)
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        screen.article_list.move_to(screen.article_list.index_of(seed.id))
        await settle(pilot)
        await pilot.press("2")
        await pilot.press("j")  # the second person
        assert screen.panel("attendees").chosen == seen.attendees[1]
        await pilot.press("enter")
        await pilot.pause()
        from tui.screens.person import PersonScreen

        assert isinstance(app.screen, PersonScreen)
        listed = app.screen.query_one(ArticleList)
        assert {listed.row_at(i).id for i in range(listed.row_count)} == {seed.id, other}
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.article.id == seed.id
        await pilot.press("enter")
        await pilot.pause()
        listed = app.screen.query_one(ArticleList)
        listed.move_to(next(i for i in range(listed.row_count) if listed.row_at(i).id == other))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.article.id == other
        await settle(pilot)


@pytest.mark.slow
async def test_the_whole_library_is_analysed_in_the_background_while_reading_goes_on(tmp_path, monkeypatch):
    """Issue 13: the people index fills from a worker; keys keep moving the reader meanwhile."""
    import time

    import tui.screens.main as main_screen
    from articles.analysis_cache import analyzer_version

    monkeypatch.setattr(main_screen, "LIBRARY_ANALYSIS_DELAY", 0.1)
    monkeypatch.setattr(main_screen, "IDLE_BEFORE_BACKGROUND", 0.2)
    monkeypatch.delenv("NEWSREAD_LIBRARY_ANALYSIS", raising=False)
    library = make_library(tmp_path / "lib.db")
    version = analyzer_version()

    def all_indexed() -> bool:
        return all(library.people_indexed(library.get(i).content_hash, version) for i in library.ids())

    assert not all_indexed() and library.people() == []
    app = make_app(library)
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        deadline = time.monotonic() + 120
        moves = 0
        while not all_indexed() and time.monotonic() < deadline:
            before = screen.article_list.cursor
            await pilot.press("j" if before + 1 < screen.article_list.row_count else "g")
            await pilot.pause(0.3)
            moves += screen.article_list.cursor != before
        assert all_indexed()
        assert moves > 0  # reading went on while the library was being analysed
    assert library.people()  # the seed's attendees, at least
