"""Glyph units: what the terminal draws in one go, each tied to its place in the logical text.

A unit is a base character with the combining marks that follow it (harakat, accents,
variation selectors, ZWJ). Arabic bases are replaced by their contextual presentation
forms (arabic-reshaper, which does the joining); a lam followed by an alef becomes one
lam-alef ligature unit covering both letters, with both letters' marks after it. Every
other ligature, the ``الله`` one included, is switched off: fonts draw them wider than a cell.
Keeping marks glued to their base means reordering moves them together, so a haraka always
lands after its letter, which is where a terminal attaches a zero-width mark.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from rich.cells import cell_len

_MARK_CATEGORIES = frozenset(("Mn", "Me", "Mc"))
_ZWJ = "\u200d"
_LAM = "\u0644"
_ALEFS = frozenset("\u0622\u0623\u0625\u0627")  # the alefs that make a lam-alef ligature


@dataclass(frozen=True, slots=True)
class Units:
    """A paragraph cut into units: ``glyphs[i]`` draws ``text[starts[i]:starts[i + 1]]`` in ``widths[i]`` cells.

    With ``shape``, ``glyphs`` are the logical clusters until ``shaped_glyphs`` is called:
    widths do not depend on shaping (a presentation form takes a cell like its letter, and a
    lam-alef unit is counted as the one cell its ligature takes), so a paragraph can be
    wrapped, and its height known, without paying for shaping until a line is drawn.
    """

    text: str
    glyphs: tuple[str, ...]
    starts: tuple[int, ...]
    widths: tuple[int, ...]
    shape: bool = False

    def shaped_glyphs(self) -> tuple[str, ...]:
        """The glyphs with Arabic letters in presentation forms (the glyphs as they are if not ``shape``)."""
        return _shape(self.glyphs) if self.shape else self.glyphs


def _is_mark(ch: str) -> bool:
    return ch == _ZWJ or unicodedata.category(ch) in _MARK_CATEGORIES


@cache
def _reshaper():
    """An arabic-reshaper that makes only the four mandatory lam-alef ligatures (as FriBidi does)."""
    import arabic_reshaper
    from arabic_reshaper.ligatures import LIGATURES

    config: dict[str, object] = {name: False for name, _ in LIGATURES}
    for name in (
        "ARABIC LIGATURE LAM WITH ALEF",
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE",
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA BELOW",
        "ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE",
    ):
        config[name] = True
    config.update(delete_harakat=False, delete_tatweel=False, support_zwj=True, support_ligatures=True)
    return arabic_reshaper.ArabicReshaper(configuration=config)


@cache
def _harakat_re():
    from arabic_reshaper.arabic_reshaper import HARAKAT_RE

    return HARAKAT_RE


def drop_harakat(text: str) -> str:
    """``text`` without Arabic harakat (the set arabic-reshaper deletes); tatweel stays."""
    return _harakat_re().sub("", text)


def harakat_pattern() -> re.Pattern[str]:
    """The Arabic harakat arabic-reshaper knows (one character per match)."""
    return _harakat_re()


def clusters(text: str) -> tuple[list[int], list[str]]:
    """Start index and text of every base-plus-marks cluster of ``text``."""
    starts: list[int] = []
    parts: list[str] = []
    for i, ch in enumerate(text):
        if parts and _is_mark(ch):
            parts[-1] += ch
        else:
            starts.append(i)
            parts.append(ch)
    return starts, parts


def make_units(text: str, *, shape: bool) -> Units:
    """Cut ``text`` into units; with ``shape``, a lam and the alef after it make one unit."""
    starts, parts = clusters(text)
    widths = [cell_len(p) for p in parts]
    if shape:
        k = 1
        while k < len(parts):
            if parts[k - 1][0] == _LAM and parts[k][0] in _ALEFS:
                parts[k - 1] += parts.pop(k)
                del starts[k]
                widths[k - 1 : k + 1] = [cell_len(parts[k - 1]) - 1]  # two letters, one ligature cell
            k += 1
    return Units(text, tuple(parts), tuple(starts), tuple(widths), shape)


def _shape(parts: tuple[str, ...]) -> tuple[str, ...]:
    """Each unit's base letter (or lam-alef pair) replaced by its shaped form; marks stay after it."""
    if not parts:
        return parts
    lead = 1 if _is_mark(parts[0][0]) else 0  # a paragraph that opens with a mark has no base to shape
    bases: list[str] = []
    marks: list[str] = []
    for p in parts[lead:]:
        alef = next((ch for ch in p[1:] if ch in _ALEFS), "") if p[0] == _LAM else ""
        bases.append(p[0] + alef)
        marks.append(p[1:].replace(alef, "", 1) if alef else p[1:])
    shaped = _reshaper().reshape("".join(bases))
    if len(shaped) != len(bases):  # never seen; draw unshaped rather than misplace letters
        return parts
    return tuple(parts[:lead]) + tuple(c + m for c, m in zip(shaped, marks, strict=True))
