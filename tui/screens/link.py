"""The source link as an OSC 8 hyperlink: over SSH a browser on the remote host is no use,
so the link travels to the local terminal, which opens it (``y`` copies it with OSC 52)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.sanitize import for_terminal, web_link


def link_text(source: str | None) -> Text:
    """The source as shown: controls neutralized; a link only for a clean http(s) address (the OSC 8
    target is written as is: an ESC or BEL in it would end the sequence; file: and javascript: are no links)."""
    if not source:
        return Text("This article has no source link.", style="italic")
    shown = for_terminal(source, one_line=True)
    link = web_link(source)
    if link:
        return Text(shown, style=Style(link=link, underline=True))
    return Text(shown)


class LinkScreen(ModalScreen[None]):
    BINDINGS = [  # noqa: RUF012
        Binding("escape,q,o,enter", "close", "Close", id="link-close"),
        Binding("y", "copy", "Copy", id="link-copy"),
    ]

    def __init__(self, title: str, source: str | None) -> None:
        super().__init__()
        self.title_text = title
        self.source = source

    def compose(self) -> ComposeResult:
        with Vertical(id="link-box"):
            yield Static("Source", id="link-title")
            yield Static(link_text(self.source), id="link")
            yield Static("[dim]y copy · escape close[/dim]")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_copy(self) -> None:
        if self.source:  # what is shown: one line, controls neutralized (never a paste-jacking payload)
            self.app.copy_to_clipboard(web_link(self.source) or for_terminal(self.source, one_line=True))
            self.notify("Copied the link.")
        self.dismiss(None)
