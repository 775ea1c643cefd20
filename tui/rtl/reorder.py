"""One wrapped line from logical to visual order (UAX #9 rules L1, L2 and L4).

Marks travel inside their unit, so rule L3's concern (a mark must follow its base on a
terminal) is met by construction. Mirroring uses python-bidi's copy of BidiMirroring.txt
(``bidi.mirror.MIRRORED``): python-bidi 0.6's ``get_display`` itself mirrors nothing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from bidi.mirror import MIRRORED

# Classes that rule L1 resets to the paragraph level at the end of a line.
_TRAILING = frozenset(("WS", "FSI", "LRI", "RLI", "PDI", "BN", "LRE", "RLE", "LRO", "RLO", "PDF"))


def line_levels(first_chars: Sequence[str], levels: Sequence[int], para_level: int) -> list[int]:
    """Rule L1: trailing whitespace, and whitespace before a tab, takes the paragraph level."""
    out = list(levels)
    reset = True  # at the end of the line
    for k in range(len(out) - 1, -1, -1):
        kind = unicodedata.bidirectional(first_chars[k])
        if kind in ("S", "B"):
            out[k] = para_level
            reset = True
        elif reset and kind in _TRAILING:
            out[k] = para_level
        else:
            reset = False
    return out


def visual_order(levels: Sequence[int]) -> list[int]:
    """Rule L2: indices in display order, reversing every run at or above each odd level."""
    order = list(range(len(levels)))
    if not order:
        return order
    highest = max(levels)
    lowest_odd = min(levels) | 1
    for level in range(highest, lowest_odd - 1, -1):
        i, n = 0, len(order)
        while i < n:
            if levels[order[i]] >= level:
                j = i
                while j < n and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def mirror(glyph: str) -> str:
    """Rule L4 for a unit at an odd level: its base replaced by the mirrored glyph, if it has one."""
    twin = MIRRORED.get(glyph[0])
    return twin + glyph[1:] if twin else glyph
