"""The main screen: article list, reader and the Summary / Attendees / Objectives panels.

Wide terminals (>= ``WIDE`` columns) show all three side by side. Narrower ones show one pane
at a time: the list, then (``enter``) the reader, then (``1``/``2``/``3``) the panels as tabs;
``escape`` steps back. The heavy analysis runs in a thread worker and posts its result back;
moving through the list never waits for it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import get_current_worker

from articles.model import Article
from articles.store import EVERYTHING, ArticleRow, Library, LibraryError, ListFilter
from summarize.analysis import Analysis
from tui.analysis_process import AnalysisProcess
from tui.keymap import MAIN_BINDINGS
from tui.options import RenderOptions
from tui.widgets.analysis_panel import AnalysisPanel
from tui.widgets.article_list import ArticleList
from tui.widgets.attendees_panel import AttendeesPanel
from tui.widgets.key_bar import KeyBar
from tui.widgets.objectives_panel import ObjectivesPanel
from tui.widgets.panel_tabs import PanelTabs
from tui.widgets.reader import ReaderView
from tui.widgets.summary_panel import SummaryPanel

WIDE = 120
ANALYSIS_DELAY = 0.2  # seconds the cursor must rest on a row before its analysis starts
LIBRARY_ANALYSIS_DELAY = 5.0  # seconds after start-up before the whole library is analysed in the background
IDLE_BEFORE_BACKGROUND = 2.0  # seconds without moving before the background analysis goes on
PANELS = ("summary", "attendees", "objectives")


class MainScreen(Screen):
    AUTO_FOCUS = "ArticleList"
    BINDINGS = MAIN_BINDINGS  # type: ignore[assignment]  # Textual's list type is invariant

    def __init__(
        self,
        library: Library,
        options: RenderOptions = RenderOptions(),
        *,
        worker_library: Callable[[], Library] | None = None,
        on_first_paint: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.options = options
        self._worker_library = worker_library or (lambda: Library(library.path))
        self._on_first_paint = on_first_paint
        self._background = AnalysisProcess(niceness=10)  # the whole library, when the reader is idle
        self._busy_until = 0.0  # monotonic time until which the user counts as active
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.analyzer_version: str | None = None  # known once a worker has computed it: the cache is then read here
        self._analyses = AnalysisProcess()
        self._unread: int | None = None
        self._library_progress = ""  # what the library analysis in the background has done, for the status line
        self._painted = False
        self._analysis_timer: Timer | None = None

    # layout
    def compose(self) -> ComposeResult:
        # width class, status text and focus are settled here, before the first layout, so the
        # first frame is drawn once rather than redrawn for each of them
        self.set_class(self.app.size.width < WIDE, "narrow")
        articles = ArticleList(self.library, self.options, id="list")
        yield Static(self._status_text(articles.row_count, None, highlights=False), id="status")
        with Horizontal(id="body"):
            yield articles
            yield ReaderView(self.options, id="reader")
            with Vertical(id="panels"):
                yield PanelTabs(id="panel-tabs")
                yield SummaryPanel(self.options, id="summary-panel")
                yield AttendeesPanel(self.options, id="attendees-panel", classes="-hidden")
                yield ObjectivesPanel(self.options, id="objectives-panel", classes="-hidden")
        yield KeyBar(id="keys")

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> ReaderView:
        return self.query_one(ReaderView)

    def panel(self, name: str) -> AnalysisPanel:
        return self.query_one(f"#{name}-panel", AnalysisPanel)

    @property
    def active_panel(self) -> str:
        return self.query_one(PanelTabs).active

    @property
    def wide(self) -> bool:
        return self.size.width >= WIDE

    def on_mount(self) -> None:
        self.call_after_refresh(self._first_paint_done)

    def on_unmount(self) -> None:
        self.workers.cancel_group(self, "analysis")
        self.workers.cancel_group(self, "library-analysis")
        self._analyses.close()  # a running analysis is killed, never waited for
        self._background.close()

    def _first_paint_done(self) -> None:
        """The screen is up: only now may the analysis (and its heavy imports) start."""
        self._painted = True
        if self._on_first_paint is not None:
            self._on_first_paint()
        self.update_status()
        if self.wide and self.article is None and self.article_list.current_row is not None:
            self.show_row(self.article_list.current_row)
        if os.environ.get("NEWSREAD_LIBRARY_ANALYSIS", "on").lower() not in ("off", "0", "no"):
            self.set_timer(LIBRARY_ANALYSIS_DELAY, self.analyse_library)

    def on_resize(self, event: Any) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.set_class(width < WIDE, "narrow")
        if width >= WIDE and self.article is None and self._painted and self.article_list.current_row is not None:
            self.show_row(self.article_list.current_row)

    def set_mode(self, mode: str) -> None:
        """``list``, ``reading`` or ``panels``: which pane a narrow terminal shows."""
        self.set_class(mode == "reading", "-reading")
        self.set_class(mode == "panels", "-panels")

    @property
    def mode(self) -> str:
        return "panels" if self.has_class("-panels") else "reading" if self.has_class("-reading") else "list"

    @staticmethod
    def _status_text(total: int, unread: int | None, *, highlights: bool) -> str:
        parts = [" newsread", f"{total} articles"]
        if unread is not None:
            parts.append(f"{unread} unread")
        return " · ".join([*parts, f"highlights {'on' if highlights else 'off'}", "? help"])

    def update_status(self) -> None:
        """The top line now, with the last unread count; a worker counts again (counting walks an index:
        at a million articles the UI thread would wait for it)."""
        self._show_status()
        self._count_unread()

    def _show_status(self) -> None:
        text = self._status_text(self.article_list.row_count, self._unread, highlights=self.reader.show_highlights)
        if self._library_progress:
            text = text.replace(" · ? help", f" · {self._library_progress} · ? help")
        self.query_one("#status", Static).update(text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="status")
    def _count_unread(self) -> None:
        worker = get_current_worker()
        library = self._worker_library()
        try:
            unread = library.count(ListFilter(unread=True))
        finally:
            library.close()
        if not worker.is_cancelled:
            self.app.call_from_thread(self._set_unread, unread)

    def _set_unread(self, unread: int) -> None:
        self._unread = unread
        self._show_status()

    # showing an article
    def on_article_list_highlighted(self, message: ArticleList.Highlighted) -> None:
        if self.wide and message.row is not None:
            self.show_row(message.row)

    def on_article_list_selected(self, message: ArticleList.Selected) -> None:
        self.open_row(message.row)

    def show_row(self, row: ArticleRow) -> None:
        if self.article is not None and self.article.id == row.id:
            return
        try:
            article = self.library.get(row.id)
        except KeyError:
            self.notify("That article is gone from the library.", severity="warning")
            return
        self.show_article(article)

    def show_article(self, article: Article) -> None:
        self._busy_until = time.monotonic() + IDLE_BEFORE_BACKGROUND
        self.article = article
        self.analysis = None
        self.reader.show_article(article)
        if self._analysis_timer is not None:
            self._analysis_timer.stop()
        self.workers.cancel_group(self, "analysis")
        cached = self._cached_analysis(article)
        if cached is not None:
            self._analysis_ready(article.id, cached)
            return
        for name in PANELS:
            self.panel(name).show_pending(article.id)
        # held-down j/k must not start (and pile up) an analysis per row passed: wait for the cursor to rest
        self._analysis_timer = self.set_timer(ANALYSIS_DELAY, partial(self._start_analysis, article))

    def _start_analysis(self, article: Article) -> None:
        self._analysis_timer = None
        self.analyse(article)

    @property
    def analysis_pending(self) -> bool:
        """An analysis is waiting for the cursor to rest, or running (tests and benchmarks wait on it)."""
        running = any(w.group == "analysis" and not w.is_finished for w in self.workers)
        return self._analysis_timer is not None or running or not self._painted

    def _cached_analysis(self, article: Article) -> Analysis | None:
        """A cached result, looked up on the UI thread once a worker has told us the analyzer version."""
        if not self.analyzer_version:
            return None
        try:
            return self.library.cached_analysis(article.content_hash, self.analyzer_version)
        except Exception:
            return None

    def open_row(self, row: ArticleRow) -> None:
        self.show_row(row)
        self.open_current()

    def open_current(self) -> None:
        if self.article is None:
            return
        if not self.article.read and self.article.id is not None:
            article_id = self.article.id
            if self._write("mark it read", lambda: self.library.set_read([article_id], True)):
                self._refresh_row(article_id)
        self.set_mode("reading")
        self.reader.focus()

    def _refresh_row(self, article_id: int) -> None:
        """After a mark: the article and its row again (the whole list only when a filter may drop it)."""
        if self.article is not None and self.article.id == article_id:
            self.article = self.library.get(article_id)
        row = self.library.row(article_id)
        if row is not None and self.article_list.where == EVERYTHING:
            self.article_list.replace_row(row)
        else:
            self.article_list.reload()
        self.update_status()

    # analysis
    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def analyse(self, article: Article) -> None:
        worker = get_current_worker()
        from articles.analysis_cache import analysis_of, analyzer_version
        from summarize.analysis import Cancelled

        def in_child(text: str, language: str | None) -> Analysis:
            def progress(steps: int) -> None:
                self.app.call_from_thread(self._analysis_progress, article.id, steps)

            return self._analyses.analyse(text, language, cancelled=lambda: worker.is_cancelled, progress=progress)

        library = None
        try:
            library = self._worker_library()
            self.analyzer_version = analyzer_version()
            result = analysis_of(library, article, analyse=in_child)
        except Cancelled:
            return
        except Exception as exc:  # the panels say what went wrong; the app keeps running
            if not worker.is_cancelled:
                self.app.call_from_thread(self._analysis_failed, article.id, f"analysis failed: {exc}")
            return
        finally:
            if library is not None:
                library.close()
        if not worker.is_cancelled:
            self.app.call_from_thread(self._analysis_ready, article.id, result)

    @work(thread=True, exclusive=True, exit_on_error=False, group="library-analysis")
    def analyse_library(self) -> None:
        """Every article analysed, newest first, while the reader is idle: the people index fills up
        (resumable: the next start skips what is done). ``NEWSREAD_LIBRARY_ANALYSIS=off`` turns it off."""
        worker = get_current_worker()
        from articles.analysis_cache import analyse_library

        def analyse(text: str, language: str | None) -> Analysis:
            while time.monotonic() < self._busy_until and not worker.is_cancelled:
                time.sleep(0.2)  # the reader is moving: give it the cores
            return self._background.analyse(text, language, cancelled=lambda: worker.is_cancelled)

        def progress(done: int, total: int) -> None:
            text = f"library analysed {done:,}/{total:,}" if done < total else ""
            self.app.call_from_thread(self._set_library_progress, text)

        library = self._worker_library()
        try:
            analyse_library(library, analyse=analyse, cancelled=lambda: worker.is_cancelled, progress=progress)
        except Exception as exc:  # the library analysis is a convenience: say it stopped, keep reading
            if not worker.is_cancelled:
                self.app.call_from_thread(self._set_library_progress, f"library analysis stopped: {exc}")
        finally:
            library.close()

    def _set_library_progress(self, text: str) -> None:
        self._library_progress = text
        self._show_status()

    def _analysis_progress(self, article_id: int | None, steps: int) -> None:
        if self.article is not None and self.article.id == article_id and self.analysis is None:
            for name in PANELS:
                self.panel(name).show_pending(article_id, steps=steps)

    def _analysis_ready(self, article_id: int | None, analysis: Analysis) -> None:
        if self.article is None or self.article.id != article_id:
            return  # the selection moved on
        self.analysis = analysis
        from summarize.analysis import analysed_part

        text = self.article.text
        analysed = len(analysed_part(text))
        for name in PANELS:
            self.panel(name).show_analysis(analysis, text_length=len(text), analysed=analysed)
        self.reader.set_highlights((s.start, s.end) for s in analysis.sentences)

    def _analysis_failed(self, article_id: int | None, message: str) -> None:
        if self.article is not None and self.article.id == article_id:
            for name in PANELS:
                self.panel(name).show_error(message)

    # actions
    def _scroller(self) -> Any:
        focused = self.focused
        if isinstance(focused, ArticleList | ReaderView | AnalysisPanel):
            return focused
        if self.mode == "panels":
            return self.panel(self.active_panel)
        return self.reader if self.mode == "reading" else self.article_list

    def _move(self, lines: int = 0, pages: int = 0, end: int = 0) -> None:
        target = self._scroller()
        if isinstance(target, ArticleList):
            if end:
                target.move_to(0 if end < 0 else target.row_count - 1)
            elif pages:
                target.page_by(pages)
            else:
                target.move_by(lines)
        elif isinstance(target, AttendeesPanel) and target.people and lines and not pages and not end:
            target.choose(lines)  # j/k choose a person to follow
        elif end:
            target.scroll_to(y=0 if end < 0 else target.max_scroll_y, animate=False)
        elif pages:
            target.scroll_pages(pages)
        else:
            target.scroll_lines(lines)

    def action_cursor_down(self) -> None:
        self._move(lines=1)

    def action_cursor_up(self) -> None:
        self._move(lines=-1)

    def action_cursor_top(self) -> None:
        self._move(end=-1)

    def action_cursor_bottom(self) -> None:
        self._move(end=1)

    def action_page_down(self) -> None:
        self._move(pages=1)

    def action_page_up(self) -> None:
        self._move(pages=-1)

    def action_open(self) -> None:
        attendees = self.panel("attendees")
        if self.focused is attendees and isinstance(attendees, AttendeesPanel) and attendees.chosen is not None:
            self.follow_person(attendees.chosen.name)
            return
        row = self.article_list.current_row
        if row is not None:
            self.open_row(row)

    def follow_person(self, name: str) -> None:
        """The other articles the person attended, from the people index; ``escape`` comes back here."""
        from tui.screens.person import PersonScreen

        article = self.article
        person_id = self.library.person_in_article(article.id, name) if article and article.id is not None else None
        person = self.library.person(person_id) if person_id is not None else None
        if person is None:
            self.notify("Not in the people index yet: the analysis of this article is still running.")
            return
        self.app.push_screen(PersonScreen(self.library, self.options, person), self._search_done)

    def action_back(self) -> None:
        if self.mode == "panels":
            self.set_mode("reading")
            self.reader.focus()
        else:
            self.set_mode("list")
            self.article_list.focus()

    def action_panel(self, name: str) -> None:
        if self.article is None and self.article_list.current_row is not None:
            self.show_row(self.article_list.current_row)
        self.query_one(PanelTabs).active = name
        for other in PANELS:
            self.panel(other).set_class(other != name, "-hidden")
        if not self.wide:
            self.set_mode("panels")
        self.panel(name).focus()

    def action_toggle_highlights(self) -> None:
        on = self.reader.toggle_highlights()
        summary = self.panel("summary")
        if isinstance(summary, SummaryPanel):
            summary.explain(on)  # the scores and reasons of the highlighted sentences
        self.update_status()
        if on and self.analysis is None and self.article is not None:
            self.notify("Highlights appear when the summary is ready.")

    def _target_ids(self) -> list[int]:
        row = self.article_list.current_row
        if isinstance(self.focused, ArticleList) or self.article is None:
            return [row.id] if row is not None else []
        return [self.article.id] if self.article.id is not None else []

    def _flag_state(self, article_id: int, flag: str) -> bool:
        if self.article is not None and self.article.id == article_id:
            return getattr(self.article, flag)
        return bool(getattr(self.library.get(article_id), flag))

    def _write(self, what: str, write: Callable[[], object]) -> bool:
        """Run a write to the library; if it fails (disk full, another process holding the lock past the
        short UI timeout), a one-line notice and False: the app keeps running and the user tries again."""
        try:
            write()
        except LibraryError as exc:
            self.notify(f"Could not {what}: {exc}. Try again later.", severity="error", markup=False)
            return False
        return True

    def action_toggle_read(self) -> None:
        for article_id in self._target_ids():
            read = not self._flag_state(article_id, "read")
            if self._write(
                f"mark it {'read' if read else 'unread'}", partial(self.library.set_read, [article_id], read)
            ):
                self._refresh_row(article_id)

    def action_toggle_star(self) -> None:
        for article_id in self._target_ids():
            starred = not self._flag_state(article_id, "starred")
            if self._write(
                "star it" if starred else "unstar it", partial(self.library.set_starred, [article_id], starred)
            ):
                self._refresh_row(article_id)

    def _jump_unread(self, backwards: bool) -> None:
        row = self.article_list.current_row
        found = self.library.next_unread(row.id if row else None, backwards=backwards)
        if found is None:
            self.notify("No more unread articles.")
            return
        if self.article_list.move_to_article(found):
            row = self.article_list.current_row
            if row is not None and (self.mode != "list" or self.wide):
                self.open_row(row)

    def action_next_unread(self) -> None:
        self._jump_unread(False)

    def action_previous_unread(self) -> None:
        self._jump_unread(True)

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.library, self.options, self._worker_library), self._search_done)

    def _search_done(self, article_id: int | None) -> None:
        if article_id is None:
            return
        self.article_list.move_to_article(article_id)
        try:
            article = self.library.get(article_id)
        except KeyError:
            return
        if self.article is None or self.article.id != article_id:
            self.show_article(article)
        self.open_current()

    def source_link(self) -> str | None:
        """The article's source if it is a clean http(s) link (``tui.sanitize.web_link``)."""
        from tui.sanitize import web_link

        return web_link(self.article.source if self.article else None)

    def action_show_link(self) -> None:
        from tui.screens.link import LinkScreen

        if self.article is None:
            self.notify("Open an article first.")
            return
        self.app.push_screen(LinkScreen(self.article.title, self.article.source))

    def action_copy(self) -> None:
        summary = self.panel("summary")
        link = self.source_link()
        if link and not isinstance(self.focused, SummaryPanel):
            self.app.copy_to_clipboard(link)
            from tui.sanitize import for_terminal

            self.notify(f"Copied the link: {for_terminal(link, one_line=True)}", markup=False)  # article text
        elif self.analysis and self.analysis.sentences and isinstance(summary, SummaryPanel):
            from tui.sanitize import for_terminal

            self.app.copy_to_clipboard(for_terminal(summary.summary_text()))  # article text: no controls
            self.notify("Copied the summary.")
        else:
            self.notify("Nothing to copy yet.")
