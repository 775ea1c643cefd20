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
        self._shown: tuple[tuple[str, str, str], ...] | None = None  # what the last render showed

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _changed(self, _screen: object) -> None:
        # the signal fires on every focus change; repaint only when the keys shown differ
        # (at start-up it fired right after the first frame and cost a second repaint)
        if self._shown_keys() != self._shown:
            self.refresh()

    def _shown_keys(self) -> tuple[tuple[str, str, str], ...]:
        """(key label, action, description) of what the bar shows; the palette key has action ''."""
        shown: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        palette = None
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if binding.action == "command_palette":
                palette = key_label(key)
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            shown.append((key_label(binding.key_display or key), binding.action, binding.description))
        if palette:
            shown.append((palette, "", "Commands"))
        return tuple(shown)

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        self._shown = self._shown_keys()
        for label, action, description in self._shown:
            start = len(text)
            text.append(" ")
            text.append(label, style="bold reverse")
            text.append(f" {description}")
            if action:
                self._spans.append((start, len(text), action))
        return text

    async def on_click(self, event: events.Click) -> None:
        for start, end, action in self._spans:
            if start <= event.x < end:
                await self.screen.run_action(action)
                return
