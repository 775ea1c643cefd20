"""The footer: one line of the main keys, as currently bound (a user keymap shows through).

A single widget that renders text, in place of Textual's Footer (a widget per key), which cost
the start-up a few tens of milliseconds. Clicking a key runs its action; ``?`` lists them all.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Static

KEY_NAMES = {"question_mark": "?", "slash": "/", "enter": "⏎", "escape": "esc", "ctrl+p": "^p"}


def key_label(key: str) -> str:
    return KEY_NAMES.get(key, key)


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar { height: 1; dock: bottom; background: $panel; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []  # (start, end, action) for clicks

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _changed(self, _screen: object) -> None:
        self.refresh()

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        seen: set[str] = set()
        self._spans = []
        palette = None
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if binding.action == "command_palette":
                palette = key_label(key)
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            start = len(text)
            text.append(" ")
            text.append(key_label(binding.key_display or key), style="bold reverse")
            text.append(f" {binding.description}")
            self._spans.append((start, len(text), binding.action))
        if palette:
            text.append(" ")
            text.append(palette, style="bold reverse")
            text.append(" Commands")
        return text

    def on_click(self, event: events.Click) -> None:
        for start, end, action in self._spans:
            if start <= event.x < end:
                self.screen.run_action(action)
                return
