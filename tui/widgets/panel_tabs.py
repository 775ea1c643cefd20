"""The one-line tab bar over the side panels: '1 Summary  2 Attendees  3 Objectives'.

Lighter than Textual's TabbedContent (one widget instead of eight, which start-up paid for):
the keys 1/2/3 switch panels, and a click on a label does the same.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.widgets import Static

TABS = (("summary", "1", "Summary"), ("attendees", "2", "Attendees"), ("objectives", "3", "Objectives"))


class PanelTabs(Static):
    active: reactive[str] = reactive("summary")

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for name, key, label in TABS:
            style = "bold reverse" if name == self.active else ""
            text.append(f" {key} ", style="dim" if name != self.active else style)
            text.append(f"{label} ", style=style)
            text.append(" ")
        return text

    async def on_click(self, event: events.Click) -> None:
        x = 0
        for name, key, label in TABS:
            width = len(key) + len(label) + 4
            if x <= event.x < x + width:
                await self.screen.run_action(f"panel('{name}')")
                return
            x += width
