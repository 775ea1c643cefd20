"""The help screen: every key, as currently bound (keymap file included), and where that file is."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.keymap import APP_BINDINGS, MAIN_BINDINGS, keymap_path

EXTRA = [("tab / shift+tab", "Cycle focus"), ("mouse", "Click a row to select it, double-click to open")]


def key_label(binding: Binding, keymap: Mapping[str, str]) -> str:
    keys = keymap.get(binding.id or "", binding.key)
    names = []
    for key in keys.split(","):
        key = key.strip()
        names.append({"question_mark": "?", "slash": "/"}.get(key, key))
    return " / ".join(names)


def help_table(keymap: Mapping[str, str]) -> Table:
    table = Table(box=None, show_header=False, pad_edge=False, expand=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for binding in (*MAIN_BINDINGS, *APP_BINDINGS):
        table.add_row(key_label(binding, keymap), f"{binding.description}  [dim]({binding.id})[/]")
    for keys, what in EXTRA:
        table.add_row(keys, what)
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [  # noqa: RUF012
        Binding("escape,q,question_mark", "dismiss", "Close", id="help-close"),
        Binding("j", "scroll(1)", "Down", show=False),
        Binding("k", "scroll(-1)", "Up", show=False),
        Binding("space", "scroll(10)", "Page down", show=False),
        Binding("b", "scroll(-10)", "Page up", show=False),
    ]

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("[b]newsread keys[/b]", id="help-title")
            yield Static(help_table(self.keymap))
            yield Static(f'Rebind keys by id in {keymap_path()}, e.g.\n[keys]\ncursor-down = "j,down,ctrl+n"')

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        box.scroll_to(y=box.scroll_y + lines, animate=False)
