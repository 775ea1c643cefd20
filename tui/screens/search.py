"""``/``: full-text search over the library; ``enter`` opens the chosen hit."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from articles.store import Library, SearchHit
from tui.options import RenderOptions
from tui.widgets.article_list import fit_title
from tui.widgets.lines_view import is_rtl

MAX_HITS = 50


class SearchScreen(ModalScreen[int | None]):
    BINDINGS = [  # noqa: RUF012
        Binding("escape", "close", "Close", id="search-close"),
        Binding("down", "to_results", "Results", show=False, id="search-results"),
    ]

    def __init__(self, library: Library, options: RenderOptions, worker_library: Callable[[], Library]) -> None:
        super().__init__()
        self.library = library
        self.options = options
        self._worker_library = worker_library

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(placeholder='Search the library (words, "a phrase", prefix*)', id="search-input")
            yield Static("", id="search-status")
            yield OptionList(id="search-hits")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_to_results(self) -> None:
        hits = self.query_one(OptionList)
        if hits.option_count:
            hits.focus()
            hits.highlighted = hits.highlighted or 0

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in the box opens the best hit (``down`` walks the list to pick another)."""
        hits = self.query_one(OptionList)
        if hits.option_count:
            option = hits.get_option_at_index(hits.highlighted or 0)
            self.dismiss(int(option.id)) if option.id else None
            return
        if not event.value.strip():
            return
        try:
            found = self.library.search(event.value, limit=1)
        except Exception as exc:  # a bad query: say so and stay
            self.query_one("#search-status", Static).update(str(exc).splitlines()[0] if str(exc) else "bad query")
            return
        if found:
            self.dismiss(found[0].id)
        else:
            self.query_one("#search-status", Static).update("nothing found")

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id)) if event.option.id else None

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def run_search(self, query: str) -> None:
        worker = get_current_worker()
        if not query.strip():
            self.app.call_from_thread(self._show, query, [], None)
            return
        library = self._worker_library()
        try:
            hits = library.search(query, limit=MAX_HITS)
            error = None
        except Exception as exc:  # a bad FTS query is the user's to fix: say so, in one line
            hits, error = [], str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        finally:
            library.close()
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, query, hits, error)

    def _show(self, query: str, hits: list[SearchHit], error: str | None) -> None:
        if self.query_one(Input).value != query:
            return  # a newer query is on its way
        width = max(10, self.query_one(OptionList).scrollable_content_region.width - 2)
        options = []
        for hit in hits:
            prompt = Text(no_wrap=True, overflow="crop")
            for n, (text, style) in enumerate(((hit.title or "", "bold"), (hit.snippet or "", "dim"))):
                line, rtl = fit_title(" ".join(text.split()), width, self.options)
                if line:
                    prompt.append("\n" if n else "")
                    prompt.append(line.rjust(width) if rtl else line, style=style)
            options.append(Option(prompt, id=str(hit.id)))
        hits_list = self.query_one(OptionList)
        hits_list.clear_options()
        hits_list.add_options(options)
        status = error or (f"{len(hits)} found" if query.strip() else "")
        if query.strip() and is_rtl(query):
            # the input box draws Arabic in logical order, unjoined: echo the query as it should read
            shaped, _ = fit_title(query.strip(), max(10, width - len(status) - 4), self.options)
            status = f"{status} · {shaped}"
        self.query_one("#search-status", Static).update(Text(status))
