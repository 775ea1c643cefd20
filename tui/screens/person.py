"""The articles one person attended (``enter`` on a name in the Attendees panel); ``escape`` comes back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from articles.people import PersonRow
from articles.store import Library, ListFilter
from tui.options import RenderOptions
from tui.widgets.article_list import ArticleList
from tui.widgets.lines_view import layout


class PersonScreen(ModalScreen[int | None]):
    """A list of the person's articles, newest first; ``enter`` opens one in the reader."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape", "close", "Back", id="person-close"),
        Binding("enter", "open", "Open", id="person-open"),
        Binding("j,down", "move(1)", "Down", show=False),
        Binding("k,up", "move(-1)", "Up", show=False),
    ]

    def __init__(self, library: Library, options: RenderOptions, person: PersonRow) -> None:
        super().__init__()
        self.library = library
        self.options = options
        self.person = person

    def compose(self) -> ComposeResult:
        role = f" — {self.person.title}" if self.person.title else ""
        heading = f"{self.person.name}{role}: {self.person.articles} article{'s' if self.person.articles != 1 else ''}"
        with Vertical(id="person-box"):
            yield Static(" ".join(layout(heading, 200, self.options)), id="person-title")
            yield ArticleList(self.library, self.options, where=ListFilter(person=self.person.id), id="person-list")
            yield Static("[dim]enter open · escape back[/dim]")

    def on_mount(self) -> None:
        self.query_one(ArticleList).focus()

    def action_move(self, delta: int) -> None:
        self.query_one(ArticleList).move_by(delta)

    def action_open(self) -> None:
        row = self.query_one(ArticleList).current_row
        self.dismiss(row.id if row is not None else None)

    def on_article_list_selected(self, message: ArticleList.Selected) -> None:
        self.dismiss(message.row.id)

    def action_close(self) -> None:
        self.dismiss(None)
