"""Line breaks in logical order, measured in terminal cells.

Wrapping must happen before reordering (UAX #9: levels per paragraph, then lines, then
reorder each line); reordering first puts a right-to-left paragraph's last words on top.
"""

from __future__ import annotations

from collections.abc import Sequence


def break_lines(widths: Sequence[int], spaces: Sequence[bool], width: int) -> list[tuple[int, int]]:
    """Greedy ``[start, end)`` unit ranges no wider than ``width``.

    Breaks at spaces, which are dropped at a break (leading spaces too); a word wider than
    ``width`` is cut between units. A single unit wider than ``width`` gets a line of its own.
    """
    n = len(widths)
    ranges: list[tuple[int, int]] = []
    start = end = -1  # current line [start, end); -1: none yet
    used = 0
    i = 0
    while i < n:
        if spaces[i]:
            i += 1
            continue
        j, word = i, 0
        while j < n and not spaces[j]:
            word += widths[j]
            j += 1
        if start >= 0:
            gap = sum(widths[end:i])
            if used + gap + word <= width:
                end, used = j, used + gap + word
                i = j
                continue
            ranges.append((start, end))
        if word <= width:
            start, end, used = i, j, word
        else:
            start, used = i, 0
            for k in range(i, j):
                if used + widths[k] > width and k > start:
                    ranges.append((start, k))
                    start, used = k, 0
                used += widths[k]
            end = j
        i = j
    if start >= 0:
        ranges.append((start, end))
    return ranges
