"""Common ground of the side panels: a placeholder while the analysis runs, then its blocks."""

from __future__ import annotations

from typing import Any

from tui.widgets.lines_view import Block, LinesView

PENDING = "Analysing…"


class AnalysisPanel(LinesView):
    """One view of an article's analysis dict (see ``tui.analysis``)."""

    EMPTY = "Nothing found."

    def on_mount(self) -> None:
        self.show_pending(None)

    def show_pending(self, article_id: int | None) -> None:
        self.set_blocks([Block(PENDING if article_id is not None else "No article selected.", "muted")])

    def show_error(self, message: str) -> None:
        self.set_blocks([Block(message, "warning")])

    def show_analysis(self, data: dict[str, Any]) -> None:
        blocks = self.blocks_for(data)
        self.set_blocks(blocks or [Block(self.EMPTY, "muted")])

    def blocks_for(self, data: dict[str, Any]) -> list[Block]:
        raise NotImplementedError


def item_text(item: Any) -> str:
    """An objective item or a group as a line: a string, or the first text-like field of a dict."""
    if isinstance(item, dict):
        for key in ("text", "name", "label", "description", "title"):
            if isinstance(item.get(key), str) and item[key]:
                return item[key]
        return " ".join(str(v) for v in item.values() if isinstance(v, str))
    return str(item)
