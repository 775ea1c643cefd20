"""The feeds filter (``f``): all articles, each folder and each feed with its unread count; ``enter`` shows
only those in the list, ``escape`` leaves the list as it was.

The feeds and their counts are read by a worker thread (the unread count walks the (feed, read) index:
cheap, but not the UI thread's to wait on); the rows appear when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from articles.store import EVERYTHING, Library, ListFilter
from articles.subscriptions import Feed
from tui.sanitize import for_terminal


@dataclass(frozen=True)
class FeedChoice:
    """One row of the filter: what it shows and the list filter it stands for."""

    label: str
    where: ListFilter
    unread: int


def feed_choices(feeds: list[Feed], unread: dict[int, int], total_unread: int | None = None) -> list[FeedChoice]:
    """All articles, then each folder (its feeds' unread summed) followed by its feeds, then feeds without one."""
    choices = [FeedChoice("All articles", EVERYTHING, total_unread if total_unread is not None else -1)]
    folders: dict[str, list[Feed]] = {}
    loose: list[Feed] = []
    for feed in feeds:
        (folders.setdefault(feed.folder, []) if feed.folder else loose).append(feed)
    for folder, members in sorted(folders.items(), key=lambda item: item[0].casefold()):
        choices.append(FeedChoice(f"▸ {folder}", ListFilter(folder=folder), sum(unread.get(f.id, 0) for f in members)))
        choices += [FeedChoice(f"    {f.name}", ListFilter(feed=f.id), unread.get(f.id, 0)) for f in members]
    choices += [FeedChoice(f"  {f.name}", ListFilter(feed=f.id), unread.get(f.id, 0)) for f in loose]
    return choices


class FeedsScreen(ModalScreen[ListFilter | None]):
    """Choose what the list shows: everything, a folder or one feed."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape", "close", "Back", id="feeds-close"),
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
    ]

    def __init__(self, open_library: Callable[[], Library], current: ListFilter = EVERYTHING) -> None:
        super().__init__()
        self._open_library = open_library
        self.current = current
        self.choices: list[FeedChoice] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="feeds-box"):
            yield Static("Feeds", id="feeds-title")
            yield OptionList(id="feeds-options")
            yield Static("[dim]enter show · escape back · R refresh[/dim]")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="feeds")
    def load(self) -> None:
        library = self._open_library()
        try:
            feeds = library.feeds()
            unread = library.unread_by_feed()
            total = library.count(ListFilter(unread=True))
        finally:
            library.close()
        self.app.call_from_thread(self._show, feed_choices(feeds, unread, total))

    def _show(self, choices: list[FeedChoice]) -> None:
        self.choices = choices
        options = self.query_one(OptionList)
        options.clear_options()
        for choice in choices:
            count = f"{choice.unread:>6}  " if choice.unread >= 0 else " " * 8
            options.add_option(Option(for_terminal(f"{count}{choice.label}", one_line=True)))
        chosen = next((n for n, c in enumerate(choices) if c.where == self.current), 0)
        options.highlighted = chosen

    def action_move(self, delta: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = max(0, min(options.option_count - 1, (options.highlighted or 0) + delta))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self.choices):
            self.dismiss(self.choices[event.option_index].where)

    def action_close(self) -> None:
        self.dismiss(None)
