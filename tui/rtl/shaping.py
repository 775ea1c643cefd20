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

import unicodedata
from dataclasses import dataclass
from functools import cache

from rich.cells import cell_len

_MARK_CATEGORIES = frozenset(("Mn", "Me", "Mc"))
_ZWJ = "\u200d"
_LAM_ALEF = ("\ufef5", "\ufefc")  # first and last lam-alef ligature presentation forms


@dataclass(frozen=True, slots=True)
class Units:
    """A paragraph cut into units: ``glyphs[i]`` draws ``text[starts[i]:starts[i + 1]]``."""

    text: str
    glyphs: tuple[str, ...]
    starts: tuple[int, ...]
    widths: tuple[int, ...]


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
    """Cut ``text`` into units, with Arabic letters in presentation forms when ``shape``."""
    starts, parts = clusters(text)
    if shape and parts:
        starts, parts = _shape(starts, parts)
    return Units(text, tuple(parts), tuple(starts), tuple(cell_len(p) for p in parts))


def _shape(starts: list[int], parts: list[str]) -> tuple[list[int], list[str]]:
    """Replace each cluster's base by its shaped form; merge lam+alef clusters into one unit."""
    lead = 1 if _is_mark(parts[0][0]) else 0  # a paragraph that opens with a mark has no base to shape
    bases = "".join(p[0] for p in parts[lead:])
    shaped = _reshaper().reshape(bases)
    consumed = sum(2 if _LAM_ALEF[0] <= c <= _LAM_ALEF[1] else 1 for c in shaped)
    if consumed != len(bases):  # never seen; draw unshaped rather than misplace letters
        return starts, parts
    new_starts, new_parts = starts[:lead], parts[:lead]
    k = lead
    for c in shaped:
        if _LAM_ALEF[0] <= c <= _LAM_ALEF[1]:
            new_starts.append(starts[k])
            new_parts.append(c + parts[k][1:] + parts[k + 1][1:])
            k += 2
        else:
            new_starts.append(starts[k])
            new_parts.append(c + parts[k][1:])
            k += 1
    return new_starts, new_parts
