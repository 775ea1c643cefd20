"""Arabic that reads right on any terminal: logical text in, lines ready to draw out.

Most terminals (xterm, tmux, kitty, Alacritty, Windows Terminal) neither join Arabic letters
nor reorder right-to-left text, and Rich and Textual do neither. So newsread does both here,
for display only (JSON and piped output stay logical):

1. drop control characters and bidi embeddings/overrides/isolates (``rtl.sanitize``);
2. cut each paragraph into glyph units and shape Arabic letters (``rtl.shaping``, arabic-reshaper);
3. wrap in logical order, measuring shaped units with ``rich.cells.cell_len`` (``rtl.wrap``);
4. resolve bidi levels on the whole paragraph (``rtl.levels``, python-bidi) and reorder and
   mirror each line (``rtl.reorder``);
5. right-align right-to-left paragraphs by padding with spaces to ``width``.

The base direction comes from a paragraph's first strong character (``base="auto"``), or is
forced with ``base="rtl"``/``"ltr"`` (an Arabic article's paragraph that opens with "Reuters:"
is still right-to-left). A paragraph that is right-to-left stays so on every wrapped line.
Paragraphs with no right-to-left letters and no Arabic digits are only wrapped.

API (all ``width`` values are terminal cells; every line's ``cell_len`` is at most ``width``):

``render_text(text, width, *, mode=None, harakat=None, base="auto") -> list[str]``
    Lines for ``text`` (each ``\\n``-separated line is a paragraph; an empty one gives ``""``).
    ``mode``: ``"app"`` (default: newsread shapes and reorders) or ``"terminal"`` (the terminal
    does: logical text, wrapped, right-aligned); callers pass the run's ``RenderOptions.bidi``
    (the global ``--bidi`` option / ``NEWSREAD_BIDI``). ``harakat``: ``"drop"`` (default) removes
    Arabic diacritics, ``"keep"`` draws each after its letter (``RenderOptions.harakat``).
``render_cached(paragraph, width, mode=None, harakat=None, base="auto") -> tuple[str, ...]``
    The same, memoised (LRU) per (paragraph, width, mode, harakat, base). Shaping and levels are
    cached per paragraph independently of the width, so a resize only re-wraps.
``render_rich(text, width, *, style="", mode=None, harakat=None, base="auto") -> list[rich.text.Text]``
    The lines as Rich ``Text`` with ``no_wrap=True`` so Textual will not wrap them again.
``ParagraphRenderer(paragraphs, width, *, mode=None, harakat=None, base="auto", spacing=0)``
    For a scrolling view: lays out every paragraph (wrapping only) to know the line count,
    and shapes/reorders a line only when asked for it: ``len(r)``, ``r.line(y)``,
    ``r.lines(start, stop)``, ``r.rich_lines(start, stop, style=...)``, ``r.locate(y)`` ->
    (paragraph index, line in paragraph or -1 for a spacing row), ``r.first_line(i)``,
    ``r.resized(width)``; ``r.line_spans(y)`` (where each glyph of row ``y`` comes from in its
    paragraph) and ``r.rich_line(y, style, highlights=[(start, end, style), ...])`` to colour
    logical spans (a summary sentence, a search hit) on a reordered line. ``spacing`` blank rows
    go between paragraphs.
``bidi_enter_sequence(mode=None)`` / ``bidi_exit_sequence(mode=None)``
    ``CSI 8 l`` / ``CSI 8 h`` in app mode (``""`` in terminal mode): write the first when the
    app or CLI starts drawing and the second at exit, so VTE-based terminals (GNOME Terminal)
    stop reordering a second time what newsread already reordered. ``bidi_guard(stream)``
    writes the enter sequence once to a terminal stream and the exit sequence at exit.
``render_map(text, width, ...) -> list[list[(start, end, glyph)]]``
    Where each drawn glyph comes from: per line, in display order, ``glyph`` draws ``text[start:end]``.
``cell_width(line) -> int``: ``rich.cells.cell_len``, the measure used throughout.

Dropped before anything is measured: C0/C1 controls (a tab becomes a space), U+202A-U+202E and
U+2066-U+2069. LRM/RLM/ALM (U+200E, U+200F, U+061C) steer the bidi algorithm but are not
written, nor are ZWSP/ZWNJ/ZWJ/WJ/BOM. Tatweel is kept; the ``الله`` ligature is not made.
"""

from __future__ import annotations

import atexit
import bisect
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, TextIO

from rich.cells import cell_len

from tui.rtl.levels import first_strong_level, has_rtl, resolve_levels
from tui.rtl.reorder import line_levels, mirror, visual_order
from tui.rtl.sanitize import INVISIBLE, clean_with_origins, paragraph_spans
from tui.rtl.shaping import Units, harakat_pattern, make_units
from tui.rtl.wrap import break_lines

if TYPE_CHECKING:
    from rich.style import StyleType
    from rich.text import Text

Mode = Literal["app", "terminal"]
Harakat = Literal["keep", "drop"]
Base = Literal["auto", "rtl", "ltr"]

BIDI_ENTER = "\x1b[8l"  # ECMA-48 BDSM reset: the application does bidi (VTE stops reordering)
BIDI_EXIT = "\x1b[8h"  # BDSM set: the terminal's implicit bidi again
_OVERWIDE = "\ufffd"  # drawn instead of a glyph wider than the whole line (a wide char at width 1)

__all__ = [
    "BIDI_ENTER",
    "BIDI_EXIT",
    "ParagraphRenderer",
    "bidi_enter_sequence",
    "bidi_exit_sequence",
    "bidi_guard",
    "cell_width",
    "render_cached",
    "render_map",
    "render_rich",
    "render_text",
]


def cell_width(line: str) -> int:
    """Cells ``line`` takes on a terminal (``rich.cells.cell_len``)."""
    return cell_len(line)


def _mode(mode: str | None) -> str:
    value = mode or "app"
    if value not in ("app", "terminal"):
        raise ValueError(f"bidi mode must be 'app' or 'terminal', not {value!r}")
    return value


def _keep_harakat(harakat: str | bool | None) -> bool:
    value = "drop" if harakat is None else harakat
    if isinstance(value, bool):
        return value
    if value not in ("keep", "drop"):
        raise ValueError(f"harakat must be 'keep' or 'drop', not {value!r}")
    return value == "keep"


def bidi_enter_sequence(mode: str | None = None) -> str:
    """What to write before drawing: ``CSI 8 l`` in app mode, nothing in terminal mode."""
    return BIDI_ENTER if _mode(mode) == "app" else ""


def bidi_exit_sequence(mode: str | None = None) -> str:
    """What to write at exit: ``CSI 8 h`` in app mode, nothing in terminal mode."""
    return BIDI_EXIT if _mode(mode) == "app" else ""


_guarded: set[int] = set()


def bidi_guard(stream: TextIO, mode: str | None = None) -> None:
    """Once per stream: write the enter sequence now and the exit sequence at interpreter exit."""
    sequence = bidi_enter_sequence(mode)
    if not sequence or id(stream) in _guarded or not stream.isatty():
        return
    _guarded.add(id(stream))
    stream.write(sequence)

    def restore() -> None:
        try:
            stream.write(bidi_exit_sequence(mode))
            stream.flush()
        except (OSError, ValueError):
            pass

    atexit.register(restore)


class _Paragraph:
    """One paragraph: units and levels (width-independent), line breaks per width."""

    __slots__ = ("_breaks", "_glyphs", "_levels", "origins", "para_level", "reorder", "units")

    def __init__(self, paragraph: str, mode: str, keep_harakat: bool, base: str):
        text, self.origins = clean_with_origins(paragraph, None if keep_harakat else harakat_pattern())
        if base == "rtl":
            level = 1
        elif base == "ltr":
            level = 0
        else:
            level = first_strong_level(text) or 0
        self.para_level = level
        self.reorder = mode == "app" and (level == 1 or has_rtl(text))
        self.units: Units = make_units(text, shape=self.reorder)
        self._levels: list[int] | None = None
        self._glyphs: tuple[str, ...] | None = None
        self._breaks: dict[int, list[tuple[int, int]]] = {}

    def breaks(self, width: int) -> list[tuple[int, int]]:
        """Unit ranges of each line at ``width`` (at least one, maybe empty)."""
        found = self._breaks.get(width)
        if found is None:
            units = self.units
            spaces = [g == " " for g in units.glyphs]
            found = break_lines(units.widths, spaces, width) or [(0, 0)]
            if len(self._breaks) > 8:
                self._breaks.clear()
            self._breaks[width] = found
        return found

    def glyphs(self) -> tuple[str, ...]:
        """The units' glyphs, shaped the first time a line is drawn."""
        if self._glyphs is None:
            self._glyphs = self.units.shaped_glyphs()
        return self._glyphs

    def unit_levels(self) -> list[int]:
        if self._levels is None:
            units = self.units
            char_levels = resolve_levels(units.text, self.para_level)
            self._levels = [char_levels[s] for s in units.starts]
        return self._levels

    def line_units(self, index: int, width: int) -> list[tuple[int, int, str]]:
        """Line ``index`` at ``width`` in display order: (start, end, glyph) per unit, where
        ``paragraph[start:end]`` is what the glyph draws (offsets in the paragraph as given)."""
        start, end = self.breaks(width)[index]
        glyphs = self.glyphs()
        starts = self.units.starts
        order: Sequence[int] = range(end - start)
        levels: list[int] = []
        if self.reorder:
            levels = line_levels([g[0] for g in glyphs[start:end]], self.unit_levels()[start:end], self.para_level)
            order = visual_order(levels)
        stops = (*starts[1:], len(self.units.text))
        out = []
        for k in order:
            glyph = glyphs[start + k]
            if levels and levels[k] % 2:
                glyph = mirror(glyph)
            if len(glyph) > 1 or glyph in INVISIBLE:
                glyph = "".join(c for c in glyph if c not in INVISIBLE)
            if self.units.widths[start + k] > width:
                glyph = _OVERWIDE
            out.append((starts[start + k], stops[start + k], glyph))
        if self.origins is not None:
            origins = self.origins
            out = [(origins[a], origins[b - 1] + 1, glyph) for a, b, glyph in out]
        return out

    def line(self, index: int, width: int) -> str:
        """Line ``index`` at ``width``, reordered if needed and right-aligned if right-to-left."""
        line = "".join(glyph for _, _, glyph in self.line_units(index, width))
        if self.para_level == 1 and line:
            line = " " * (width - cell_len(line)) + line
        return line

    def render(self, width: int) -> tuple[str, ...]:
        return tuple(self.line(i, width) for i in range(len(self.breaks(width))))


@lru_cache(maxsize=4096)
def _prepare(paragraph: str, mode: str, keep_harakat: bool, base: str) -> _Paragraph:
    return _Paragraph(paragraph, mode, keep_harakat, base)


@lru_cache(maxsize=8192)
def _render_cached(text: str, width: int, mode: str, keep_harakat: bool, base: str) -> tuple[str, ...]:
    lines: list[str] = []
    for start, end in paragraph_spans(text):
        lines.extend(_prepare(text[start:end], mode, keep_harakat, base).render(width))
    return tuple(lines)


def render_map(
    text: str, width: int, *, mode: str | None = None, harakat: str | bool | None = None, base: str = "auto"
) -> list[list[tuple[int, int, str]]]:
    """Where each drawn glyph comes from: per line of ``render_text``, in display order,
    ``(start, end, glyph)`` where ``glyph`` draws ``text[start:end]``.

    For highlighting logical spans on reordered lines, and for tests that undo the reordering.
    """
    width = _check(width, base)
    mode, keep = _mode(mode), _keep_harakat(harakat)
    lines = []
    for start, end in paragraph_spans(text):
        item = _prepare(text[start:end], mode, keep, base)
        for i in range(len(item.breaks(width))):
            lines.append([(a + start, b + start, glyph) for a, b, glyph in item.line_units(i, width)])
    return lines


def _check(width: int, base: str) -> int:
    if base not in ("auto", "rtl", "ltr"):
        raise ValueError(f"base must be 'auto', 'rtl' or 'ltr', not {base!r}")
    return max(1, int(width))


def render_cached(
    paragraph: str, width: int, mode: str | None = None, harakat: str | bool | None = None, base: str = "auto"
) -> tuple[str, ...]:
    """Lines for ``paragraph`` at ``width``, memoised per (paragraph, width, mode, harakat, base)."""
    return _render_cached(paragraph, _check(width, base), _mode(mode), _keep_harakat(harakat), base)


def render_text(
    text: str, width: int, *, mode: str | None = None, harakat: str | bool | None = None, base: str = "auto"
) -> list[str]:
    """Lines to draw for ``text`` at ``width`` cells: shaped, reordered, right-to-left lines right-aligned."""
    return list(render_cached(text, width, mode, harakat, base))


def _rich(line: str, style: StyleType) -> Text:
    from rich.text import Text

    return Text(line, style=style, no_wrap=True, overflow="ignore", end="")


def render_rich(
    text: str,
    width: int,
    *,
    style: StyleType = "",
    mode: str | None = None,
    harakat: str | bool | None = None,
    base: str = "auto",
) -> list[Text]:
    """``render_text`` as Rich ``Text`` lines that Textual will not wrap again."""
    return [_rich(line, style) for line in render_cached(text, width, mode, harakat, base)]


class ParagraphRenderer:
    """Many paragraphs at one width: wrapped up front, each line shaped and reordered on demand."""

    def __init__(
        self,
        paragraphs: Sequence[str],
        width: int,
        *,
        mode: str | None = None,
        harakat: str | bool | None = None,
        base: str = "auto",
        spacing: int = 0,
    ):
        self.width = _check(width, base)
        self.mode = _mode(mode)
        self.keep_harakat = _keep_harakat(harakat)
        self.base = base
        self.spacing = max(0, spacing)
        self.paragraphs = list(paragraphs)
        self._items: list[tuple[int, _Paragraph]] = []  # (index in self.paragraphs, one line of it)
        self._offsets: list[int] = []  # where each item starts in its paragraph
        for index, text in enumerate(self.paragraphs):
            for start, end in paragraph_spans(text):
                self._items.append((index, _prepare(text[start:end], self.mode, self.keep_harakat, base)))
                self._offsets.append(start)
        self._starts: list[int] = []  # first row of each item
        self._prior: list[int] = []  # lines of the same paragraph before each item
        self._first: dict[int, int] = {}  # paragraph index -> first row
        total = prior = 0
        for n, (index, item) in enumerate(self._items):
            if n and index != self._items[n - 1][0]:
                total += self.spacing
                prior = 0
            self._first.setdefault(index, total)
            self._starts.append(total)
            self._prior.append(prior)
            count = len(item.breaks(self.width))
            total += count
            prior += count
        self._total = total
        self._cache: dict[int, str] = {}

    def __len__(self) -> int:
        return self._total

    def _item_at(self, y: int) -> tuple[int, int]:
        """(item number, line within the item) of row ``y``; the line may be past the item (spacing)."""
        if not 0 <= y < self._total:
            raise IndexError(y)
        n = bisect.bisect_right(self._starts, y) - 1
        return n, y - self._starts[n]

    def locate(self, y: int) -> tuple[int, int]:
        """(paragraph index, line within it) of row ``y``; the line is -1 on a spacing row."""
        n, k = self._item_at(y)
        index, item = self._items[n]
        if k >= len(item.breaks(self.width)):
            return index, -1
        return index, self._prior[n] + k

    def first_line(self, paragraph_index: int) -> int:
        """Row of the first line of paragraph ``paragraph_index``."""
        if paragraph_index not in self._first:
            raise IndexError(paragraph_index)
        return self._first[paragraph_index]

    def line(self, y: int) -> str:
        """Row ``y``: shaped and reordered the first time it is asked for."""
        found = self._cache.get(y)
        if found is None:
            n, k = self._item_at(y)
            item = self._items[n][1]
            found = item.line(k, self.width) if k < len(item.breaks(self.width)) else ""
            self._cache[y] = found
        return found

    def line_spans(self, y: int) -> list[tuple[int, int, str]]:
        """Row ``y`` in display order: ``(start, end, glyph)`` per glyph, ``glyph`` drawing
        ``paragraphs[i][start:end]`` for the paragraph ``i`` that ``locate(y)`` names."""
        n, k = self._item_at(y)
        item = self._items[n][1]
        if k >= len(item.breaks(self.width)):
            return []
        offset = self._offsets[n]
        return [(a + offset, b + offset, glyph) for a, b, glyph in item.line_units(k, self.width)]

    def rich_line(self, y: int, style: StyleType = "", highlights: Sequence[tuple[int, int, StyleType]] = ()) -> Text:
        """Row ``y`` as Rich ``Text``; ``highlights`` are ``(start, end, style)`` spans of the row's
        paragraph (logical offsets, e.g. a summary sentence) applied to the glyphs they cover."""
        text = _rich(self.line(y), style)
        if highlights:
            spans = self.line_spans(y)
            first = len(text.plain) - sum(len(glyph) for _, _, glyph in spans)
            for start, end, span_style in highlights:
                run_start = position = first
                for a, b, glyph in spans:  # glyphs the span covers, stylized in runs of neighbours
                    if not (a < end and start < b):
                        if run_start < position:
                            text.stylize(span_style, run_start, position)
                        run_start = position + len(glyph)
                    position += len(glyph)
                if run_start < position:
                    text.stylize(span_style, run_start, position)
        return text

    def lines(self, start: int, stop: int) -> list[str]:
        """Rows ``start`` to ``stop`` (exclusive), clipped to the text."""
        return [self.line(y) for y in range(max(0, start), min(stop, self._total))]

    def rich_lines(self, start: int, stop: int, style: StyleType = "") -> list[Text]:
        """Rows as Rich ``Text`` that will not be wrapped again."""
        return [_rich(line, style) for line in self.lines(start, stop)]

    def resized(self, width: int) -> ParagraphRenderer:
        """The same paragraphs at another width (shaping and levels come from the cache)."""
        return ParagraphRenderer(
            self.paragraphs, width, mode=self.mode, harakat=self.keep_harakat, base=self.base, spacing=self.spacing
        )
