"""The renderer against GNU FriBidi, an independent bidi and shaping engine.

``reference_lines`` is this project's own reference: FriBidi (the ``fribidi`` command,
Debian ``libfribidi-bin``) gives the paragraph's embedding levels and its shaped, mirrored
characters in logical order; the lines are then broken here in logical order and each one
is reordered with rules L1 to L3, a second implementation that shares no code with
``tui.rtl``. FriBidi's own ``--width`` wrapping is not used: it cuts the reordered string,
which puts a right-to-left paragraph's last words first.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from rich.cells import cell_len

from tui.rendering import render_text

DATA = Path(__file__).parent / "data"
WIDTHS = (12, 20, 40, 80, 120)
HARAKAT = re.compile(  # Arabic diacritics, as a renderer that drops them must drop them
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d4-\u08e1\u08e3-\u08ff]"
)
FORMAT = frozenset("\ufeff\u200b\u200c\u200d\u200e\u200f\u061c\u2060")
FOLD = {"\ufe80": "\u0621"}  # FriBidi leaves a lone hamza unshaped; its isolated form looks the same

needs_fribidi = pytest.mark.skipif(shutil.which("fribidi") is None, reason="GNU FriBidi (libfribidi-bin) not installed")


def hard_lines() -> list[str]:
    text = (DATA / "hard_lines.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def seed_paragraphs() -> list[str]:
    from articles.samples import SEED, sample_path

    return [p for p in sample_path(SEED).read_text(encoding="utf-8").splitlines() if p.strip()]


def _width(ch: str) -> int:
    return 0 if ch in FORMAT else cell_len(ch)


@cache
def fribidi_paragraph(text: str, base: str) -> tuple[str, tuple[int, ...]]:
    """FriBidi's shaped+mirrored characters in logical order, and the embedding levels."""
    flag = {"rtl": "--rtl", "ltr": "--ltr", "auto": "--wltr"}[base]
    args = ["fribidi", "--nobreak", "--nopad", "--ltov", "--levels", "--charset", "UTF-8", flag]
    out = subprocess.run(args, input=(text + "\n").encode(), capture_output=True, check=True).stdout.decode()
    visual, ltov, levels = out.split("\n")[:3]
    to_visual = [int(x) for x in ltov.split()]
    shaped = "".join(visual[to_visual[i]] for i in range(len(text)))
    return shaped, tuple(int(x) for x in levels.split())


def _break(shaped: str, width: int) -> list[tuple[int, int]]:
    """Greedy logical-order breaks at spaces; a too-long word is cut before a visible character."""
    words = [(m.start(), m.end()) for m in re.finditer(r"[^ ]+", shaped)]
    lines: list[list[int]] = []
    for s, e in words:
        w = sum(_width(c) for c in shaped[s:e])
        if lines:
            gap = sum(_width(c) for c in shaped[lines[-1][1] : s])
            if lines[-1][2] + gap + w <= width:
                lines[-1][1:] = [e, lines[-1][2] + gap + w]
                continue
        if w <= width:
            lines.append([s, e, w])
            continue
        a, used = s, 0
        for k in range(s, e):
            cw = _width(shaped[k])
            if cw and used + cw > width and k > a:
                lines.append([a, k, used])
                a, used = k, 0
            used += cw
        lines.append([a, e, used])
    return [(s, e) for s, e, _ in lines] or [(0, 0)]


def _reorder(chars: str, levels: list[int], para: int) -> str:
    levels = list(levels)
    k = len(chars) - 1
    while k >= 0 and unicodedata.bidirectional(chars[k]) in ("WS", "BN"):  # L1
        levels[k] = para
        k -= 1
    order = list(range(len(chars)))
    if order:
        for level in range(max(levels), (min(levels) | 1) - 1, -1):  # L2
            i = 0
            while i < len(order):
                if levels[order[i]] < level:
                    i += 1
                    continue
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
    out = [chars[k] for k in order]
    res: list[str] = []
    i = 0
    while i < len(out):  # L3: in right-to-left runs marks now precede their base; put them after it
        j = i
        while j < len(out) and levels[order[j]] % 2 and unicodedata.combining(out[j]):
            j += 1
        if j > i and j < len(out):
            res.append(out[j])
            res.extend(reversed(out[i:j]))
            i = j + 1
        else:
            res.append(out[i])
            i += 1
    return "".join(c for c in res if c not in FORMAT)


def reference_lines(text: str, width: int, *, base: str = "rtl", keep_harakat: bool = False) -> list[str]:
    """What a correct renderer draws for one paragraph on a terminal with no bidi of its own."""
    if not keep_harakat:
        text = HARAKAT.sub("", text)
    shaped, levels = fribidi_paragraph(text, base)
    para = 1 if base == "rtl" else 0 if base == "ltr" else _first_strong(text)
    lines = []
    for s, e in _break(shaped, width):
        line = _reorder(shaped[s:e], list(levels[s:e]), para)
        lines.append(" " * (width - cell_len(line)) + line if para else line)
    return lines


def _first_strong(text: str) -> int:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("L", "R", "AL"):
            return 0 if kind == "L" else 1
    return 0


def fold(line: str) -> str:
    return "".join(FOLD.get(c, c) for c in line)


def mismatches(paragraphs: list[str], width: int, **options) -> list[str]:
    bad = []
    for p in paragraphs:
        ours = [fold(x) for x in render_text(p, width, mode="app", **options)]
        base = options.get("base", "auto")
        keep = options.get("harakat") == "keep"
        want = [fold(x) for x in reference_lines(p, width, base=base, keep_harakat=keep)]
        if ours != want:
            bad.append(f"{p!r} @ {width}:\n  ours {ours}\n  want {want}")
    return bad


# ---------------------------------------------------------------------------------------- tests


def test_corpus_is_big_enough_and_varied():
    lines = hard_lines()
    assert len(lines) >= 40
    joined = "".join(lines)
    for needle in ("(", "«", '"', "[", "@", "://", "%", "٪", "٢", "لا", "\u064e", "\u0640", "؟", "،", "..."):
        assert needle in joined, needle


@needs_fribidi
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("base", ["rtl", "auto"])
def test_hard_lines_match_fribidi(width, base):
    assert mismatches(hard_lines(), width, base=base) == []


@needs_fribidi
@pytest.mark.parametrize("width", WIDTHS)
def test_hard_lines_with_harakat_kept_match_fribidi(width):
    assert mismatches(hard_lines(), width, base="rtl", harakat="keep") == []


@needs_fribidi
@pytest.mark.parametrize("width", WIDTHS)
def test_seed_article_matches_fribidi(width):
    assert mismatches(seed_paragraphs(), width, base="auto") == []


@needs_fribidi
def test_reference_is_not_blind_to_order_and_mirroring():
    """The reference itself must tell a right reordering from wrong ones."""
    text = "قال المتحدث (Spokesman) إن الوفد غادر"
    want = reference_lines(text, 20)
    assert want != [line.rstrip() for line in want[::-1]]
    assert "(Spokesman)" in "".join(want)
    first_words_on_top = reference_lines("واحد اثنان ثلاثة أربعة", 12)
    assert first_words_on_top[0].strip().endswith(fribidi_paragraph("واحد", "rtl")[0][0])
