"""A scrollable column of text blocks drawn line by line (the reader and the side panels).

Each block is laid out by ``tui.rendering.render_text`` at the current width, so Arabic arrives
shaped and in visual order; the lines are drawn as they are (Textual never wraps them again) and
right-aligned when the block reads right to left. Only the visible lines are drawn
(``render_line``), and the layout is cached per width: resizing re-flows everything.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.rendering import render_text


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like piece: its logical text, a component class for its style, spacing."""

    text: str
    kind: str = "body"  # a COMPONENT_CLASSES suffix: lines--body, lines--headline, ...
    gap: int = 1  # blank lines after the block
    indent: int = 0
    prefix: str = ""  # drawn at the line start on the block's first line (a bullet, a number)


def is_rtl(text: str) -> bool:
    """Base direction by the first strong character (Unicode bidi rules P2-P3)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def layout(text: str, width: int) -> list[str]:
    """Display lines for ``text`` at ``width`` cells; never wider than ``width``."""
    if width <= 0:
        return []
    out: list[str] = []
    for line in render_text(text, width) or [""]:
        line = line.rstrip()
        while cell_len(line) > width:  # a renderer that did not wrap: cut, never overflow
            cut = width
            while cell_len(line[:cut]) > width:
                cut -= 1
            out.append(line[:cut])
            line = line[cut:].lstrip()
        out.append(line)
    return out


class LinesView(ScrollView, can_focus=True):
    """Blocks of text, laid out at the widget's width, drawn lazily."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "lines--kicker",
        "lines--headline",
        "lines--body",
        "lines--quote",
        "lines--highlight",
        "lines--muted",
        "lines--warning",
        "lines--heading",
    }

    DEFAULT_CSS = """
    LinesView { padding: 0 1; }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._blocks: list[Block] = []
        self._lines: list[tuple[str, str, bool]] = []  # (text, kind, rtl)
        self._laid_out_width = -1

    @property
    def blocks(self) -> list[Block]:
        return list(self._blocks)

    def set_blocks(self, blocks: list[Block], *, keep_scroll: bool = False) -> None:
        """Show ``blocks``; the layout is redone at the current width."""
        self._blocks = list(blocks)
        self._laid_out_width = -1
        self._reflow()
        if not keep_scroll:
            self.scroll_to(0, 0, animate=False)
        self.refresh()

    def _content_width(self) -> int:
        return max(0, self.scrollable_content_region.width)

    def _reflow(self) -> None:
        width = self._content_width()
        if width == self._laid_out_width:
            return
        lines: list[tuple[str, str, bool]] = []
        for block in self._blocks:
            rtl = is_rtl(block.text)
            if rtl:  # the prefix joins the text: the renderer puts it where a right-to-left line starts
                text = f"{block.prefix}{block.text}" if block.prefix.strip() else block.text
                lines.extend(
                    (line + " " * block.indent, block.kind, True) for line in layout(text, max(1, width - block.indent))
                )
            else:
                pad = block.indent + cell_len(block.prefix)
                for n, line in enumerate(layout(block.text, max(1, width - pad))):
                    lead = block.prefix if n == 0 else " " * cell_len(block.prefix)
                    lines.append((" " * block.indent + lead + line, block.kind, False))
            lines.extend(("", "body", False) for _ in range(block.gap))
        while lines and not lines[-1][0]:
            lines.pop()
        self._lines = lines
        self._laid_out_width = width
        self.virtual_size = Size(width, len(lines))

    @property
    def line_texts(self) -> list[str]:
        """The laid-out lines as plain strings (what tests and the tmux check read)."""
        self._reflow()
        return [text for text, _, _ in self._lines]

    def on_resize(self) -> None:
        self._reflow()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        self._reflow()
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self._content_width()
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        text, kind, rtl = self._lines[index]
        style = base + self.get_component_rich_style(f"lines--{kind}", partial=True)
        used = cell_len(text)
        if rtl and used < width:
            segments = [Segment(" " * (width - used), base), Segment(text, style)]
        else:
            segments = [Segment(text, style), Segment(" " * max(0, width - used), base)]
        return Strip(segments, width).crop(scroll_x, scroll_x + width).simplify()

    def scroll_lines(self, delta: int) -> None:
        self.scroll_to(y=self.scroll_y + delta, animate=False)

    def scroll_pages(self, delta: int) -> None:
        self.scroll_to(y=self.scroll_y + delta * max(1, self.scrollable_content_region.height - 1), animate=False)
