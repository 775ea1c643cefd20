"""A scrollable column of text blocks drawn line by line (the reader and the side panels).

The blocks go to ``tui.rendering.ParagraphRenderer`` at the current width: it wraps them all up
front (to know the height) and shapes and reorders a line only when it is drawn, so Arabic
arrives in visual order with joined forms, right-to-left paragraphs right-aligned. The lines are
drawn as they are (Textual never wraps them again), only the visible ones (``render_line``);
a resize lays everything out again at the new width.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.options import RenderOptions
from tui.rendering import ParagraphRenderer, render_text
from tui.rtl.levels import first_strong_level


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like piece: its logical text, a component class for its style, spacing."""

    text: str
    kind: str = "body"  # a COMPONENT_CLASSES suffix: lines--body, lines--headline, ...
    gap: int = 1  # blank lines after the block
    prefix: str = ""  # joins the text where it starts (a bullet, a number): right side for Arabic


def is_rtl(text: str) -> bool:
    """Base direction by the first strong character (Unicode bidi rules P2-P3), as the renderer decides it."""
    return first_strong_level(text) == 1


def layout(text: str, width: int, render: RenderOptions) -> list[str]:
    """Display lines for ``text`` at ``width`` cells, without the renderer's alignment padding."""
    if width <= 0:
        return []
    return [line.strip() for line in render_text(text, width, mode=render.bidi, harakat=render.harakat)] or [""]


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

    def __init__(
        self,
        render: RenderOptions = RenderOptions(),
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.render_options = render
        self._blocks: list[Block] = []
        self._renderer = ParagraphRenderer([], 1)
        self._kinds: list[str] = []
        self._laid_out_width = -1
        self._styles: dict[str, Style] = {}

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = {}

    def _style(self, kind: str) -> Style:
        """The style of a line kind, cached until the CSS or focus changes (rich_style is costly per line)."""
        found = self._styles.get(kind)
        if found is None:
            base = self._styles.get("") or self.rich_style
            self._styles[""] = base
            found = base if not kind else base + self.get_component_rich_style(f"lines--{kind}", partial=True)
            self._styles[kind] = found
        return found

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

    def _reflow(self, *, drawing: bool = False) -> bool:
        """Lay the blocks out again if the width changed; whether anything was redone.

        ``drawing``: called from ``render_line``, which draws the new lines right away (the first
        frame lays out this way): no second repaint is asked for."""
        width = self._content_width()
        if width == self._laid_out_width:
            return False
        if width < 2:  # not laid out yet (a hidden tab): wait for a real width
            self._renderer = ParagraphRenderer([], 1)
            self._kinds = []
            return True
        texts: list[str] = []
        kinds: list[str] = []
        for block in self._blocks:
            texts.append(f"{block.prefix}{block.text}")
            kinds.append(block.kind)
            for _ in range(block.gap):
                texts.append("")
                kinds.append("body")
        while texts and not texts[-1]:
            texts.pop()
            kinds.pop()
        self._renderer = ParagraphRenderer(
            texts, max(1, width), mode=self.render_options.bidi, harakat=self.render_options.harakat
        )
        self._kinds = kinds
        self._laid_out_width = width
        self._set_virtual_size(Size(width, len(self._renderer)), repaint=not drawing)
        return True

    def _set_virtual_size(self, size: Size, *, repaint: bool = True) -> None:
        """Without the layout pass the reactive would trigger: this widget's own size does not depend
        on its content, and a full-screen layout per article shown is what made moving slow.
        (The scrollbar update still asks for a layout when a scrollbar appears or goes.)"""
        if size == self.virtual_size:
            return
        self.set_reactive(ScrollView.virtual_size, size)
        if self.is_mounted:
            self._scroll_update(size)
        if repaint:
            self.refresh()

    @property
    def line_texts(self) -> list[str]:
        """The laid-out lines as plain strings (what tests and the tmux check read)."""
        self._reflow()
        return self._renderer.lines(0, len(self._renderer))

    def on_resize(self) -> None:
        # a new size alone is repainted by Textual; only new line breaks need a refresh here (the
        # first frame already laid out at this width: repainting it again delayed the first paint)
        if self._reflow():
            self.refresh()

    def render_line(self, y: int) -> Strip:
        self._reflow(drawing=True)
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self._content_width()
        base = self._style("")
        if index >= len(self._renderer):
            return Strip.blank(width, base)
        paragraph, _ = self._renderer.locate(index)
        text = self._renderer.line(index)
        style = self._style(self._kinds[paragraph])
        line = text.rstrip()
        body = line.lstrip()
        lead = len(line) - len(body)
        used = cell_len(line)
        segments = [Segment(body, style)]
        if lead:
            segments.insert(0, Segment(" " * lead, base))
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        strip = Strip(segments, max(width, used))
        return strip if used <= width and not scroll_x else strip.crop_extend(scroll_x, scroll_x + width, base)

    def scroll_lines(self, delta: int) -> None:
        self.scroll_to(y=self.scroll_y + delta, animate=False)

    def scroll_pages(self, delta: int) -> None:
        self.scroll_to(y=self.scroll_y + delta * max(1, self.scrollable_content_region.height - 1), animate=False)
