"""Unit tests for the Arabic renderer, one small made-up example per rule."""

from __future__ import annotations

import io
import textwrap
import unicodedata

import pytest
from rich.cells import cell_len
from rich.text import Text

from tui import rendering
from tui.options import BidiMode, Harakat
from tui.rendering import (
    BIDI_ENTER,
    BIDI_EXIT,
    ParagraphRenderer,
    bidi_enter_sequence,
    bidi_exit_sequence,
    render_cached,
    render_map,
    render_rich,
    render_text,
)
from tui.rtl import levels as rtl_levels
from tui.rtl.reorder import line_levels, mirror, visual_order
from tui.rtl.sanitize import clean, split_paragraphs
from tui.rtl.wrap import break_lines


def unshape(s: str) -> str:
    """Presentation forms back to letters (a lam-alef ligature to two letters)."""
    return unicodedata.normalize("NFKC", s)


def app(text: str, width: int, **kw) -> list[str]:
    return render_text(text, width, mode="app", **kw)


# ------------------------------------------------------------------ left-to-right passes through


def test_english_passes_through_wrapped_only():
    text = "The quick brown fox jumps over the lazy dog near the river bank"
    for width in (10, 20, 33, 80):
        assert app(text, width) == textwrap.wrap(text, width)


def test_english_is_not_padded_or_changed_when_it_fits():
    assert app("Hello, (world) [1] {2} <3>!", 80) == ["Hello, (world) [1] {2} <3>!"]


def test_empty_text_and_empty_lines_are_kept():
    assert app("", 10) == [""]
    assert app("one\n\ntwo", 10) == ["one", "", "two"]
    assert app("قال\n\nقال", 5) == ["  \ufedd\ufe8e\ufed7", "", "  \ufedd\ufe8e\ufed7"]
    assert app("", 10, base="rtl") == [""]


# ------------------------------------------------------------------ right-to-left basics


def test_arabic_is_shaped_reversed_and_right_aligned():
    (line,) = app("سلام", 10)
    assert cell_len(line) == 10
    assert line == " " * 7 + "\ufee1\ufefc\ufeb3"  # meem final, lam-alef final (one cell), seen initial


def test_first_words_stay_on_the_top_line():
    lines = app("واحد اثنان ثلاثة أربعة", 12)
    assert len(lines) >= 2
    assert unshape(lines[0].strip()[::-1]).startswith("واحد")
    assert unshape(lines[-1].strip()[::-1]).endswith("أربعة")


def test_every_rtl_line_is_exactly_the_width():
    text = "قال المبعوث الخاص إن القوات باقية في الشمال حتى إشعار آخر"
    for width in (7, 12, 25, 60):
        assert all(cell_len(line) == width for line in app(text, width))


def test_wrapped_line_starting_with_latin_stays_right_to_left():
    lines = app("قالت الوكالة Reuters اليوم", 13)
    second = next(line for line in lines if "Reuters" in line).strip()
    # base right-to-left: the Latin word starts the line logically, so it is drawn at the right
    assert second.endswith("Reuters")
    assert app("قالت الوكالة Reuters اليوم", 13, base="ltr") != lines


def test_wrapped_line_starting_with_digit_stays_right_to_left():
    lines = app("عدد القتلى 25 شخصا", 10)
    line = next(x for x in lines if "25" in x).strip()
    assert line.endswith("25")


def test_latin_run_keeps_its_order_inside_arabic():
    (line,) = app("زار Emmanuel Macron بيروت", 40)
    assert "Emmanuel Macron" in line
    assert line.index("Emmanuel") < line.index("Macron")


def test_numbers_keep_their_order():
    (line,) = app("بلغت النسبة 12.5% و٦٣٫٧٪", 40)
    # after Arabic letters, European digits are Arabic numbers (rule W2), so "%" is drawn on their left
    assert "%12.5" in line
    assert "٪٦٣٫٧" in line


def test_auto_base_follows_the_first_strong_character():
    (ltr,) = app("Reuters: قال", 30)
    (rtl,) = app("قال Reuters", 30)
    assert not ltr.startswith(" ") and ltr.startswith("Reuters")
    assert rtl.startswith(" ") and rtl.endswith("\ufedd\ufe8e\ufed7")


def test_forced_rtl_base_right_aligns_a_paragraph_that_opens_in_latin():
    (line,) = app("Reuters: قال", 30, base="rtl")
    assert cell_len(line) == 30 and line.startswith(" ")


# ------------------------------------------------------------------ mirroring


@pytest.mark.parametrize(("opening", "closing"), [("(", ")"), ("[", "]"), ("{", "}"), ("«", "»"), ("<", ">")])
def test_brackets_are_mirrored_in_rtl(opening, closing):
    (line,) = app(f"{opening}نعم{closing}", 10)
    drawn = line.strip()
    assert drawn[0] == opening and drawn[-1] == closing  # logical ")" ends up on the left, mirrored to "("


def test_brackets_around_latin_in_rtl_keep_their_shape():
    (line,) = app("قال (AFP) أمس", 30)
    assert "(AFP)" in line


def test_mirror_helper_uses_bidi_mirroring_pairs():
    assert mirror("(") == ")" and mirror("»") == "«" and mirror("\u2264") == "\u2265"
    assert mirror("a") == "a" and mirror("(\u0301") == ")\u0301"


# ------------------------------------------------------------------ shaping details


def test_harakat_dropped_by_default_and_kept_after_their_letter():
    text = "بَاب"
    (dropped,) = app(text, 10, harakat="drop")
    assert "\u064e" not in dropped
    (kept,) = app(text, 10, harakat="keep")
    drawn = kept.strip()
    assert drawn.index("\u064e") == drawn.index("\ufe91") + 1  # fatha right after initial beh


def test_harakat_are_dropped_unless_asked_for():
    assert "\u064e" not in render_text("بَاب", 10)[0]
    assert "\u064e" in render_text("بَاب", 10, harakat=Harakat.KEEP)[0]


def test_tatweel_is_kept():
    assert app("شمـــال", 10)[0].count("\u0640") == 3


def test_allah_ligature_is_off_and_lam_alef_is_on():
    (line,) = app("الله لا", 10)
    assert "\ufdf2" not in line
    assert "\ufefb" in line  # isolated lam-alef
    assert cell_len(line.strip()) == 6  # alef lam lam heh, space, one ligature cell


def test_lam_alef_counts_one_cell_when_wrapping():
    # "لالالا" is three ligatures: three cells, so it fits a width of 3
    assert app("لالالا", 3) == ["\ufefb\ufefb\ufefb"]


def test_wide_glyphs_are_counted_as_two_cells():
    lines = app("خبر 中文新闻 عاجل", 6)
    assert all(cell_len(line) <= 6 for line in lines)
    assert "中文新闻" not in "".join(lines) or any("中文" in line for line in lines)


def test_glyph_wider_than_the_line_is_replaced():
    assert app("中", 1) == ["\ufffd"]


def test_combining_accent_stays_on_its_latin_letter():
    (line,) = app("قال Jose\u0301 اليوم", 30)
    assert "Jose\u0301" in line


# ------------------------------------------------------------------ controls


@pytest.mark.parametrize(
    "control", ["\x1b[31m", "\x07", "\x9b2J", "\x00", "\x7f", "\u202e", "\u202d", "\u2067", "\u2069"]
)
def test_controls_never_reach_the_terminal(control):
    for line in app(f"قال{control} الوزير", 20) + app(f"Hello{control} world", 20):
        assert not any(unicodedata.category(c) == "Cc" for c in line)
        assert not set(line) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_an_override_cannot_flip_a_line():
    assert app("قال \u202dالوزير\u202c", 20) == app("قال الوزير", 20)


def test_zero_width_characters_do_not_break_alignment():
    text = "قال\u200d الوزير\u200c اليوم\u200b\ufeff\u2060"
    for width in (8, 20):
        lines = app(text, width)
        assert all(cell_len(line) == width for line in lines)
        assert not set("".join(lines)) & set("\u200b\u200c\u200d\u200e\u200f\u061c\u2060\ufeff")


def test_marks_lrm_rlm_still_steer_the_order_but_are_not_drawn():
    (plain,) = app("قال Hello!", 20)
    (marked,) = app("قال Hello!\u200e", 20)
    assert plain.strip().startswith("!Hello")  # "!" between Latin and the line end takes the paragraph's direction
    assert marked.strip().startswith("Hello!")  # the LRM makes it left-to-right
    assert "\u200e" not in marked
    (alm,) = app("abc 1\u061c", 10, base="ltr")
    assert "\u061c" not in alm


def test_tab_becomes_a_space_and_line_separators_split_paragraphs():
    assert clean("a\tb\x1b") == "a b"
    assert split_paragraphs("a\r\nb\u2029c\x85d") == ["a", "b", "c", "d"]


# ------------------------------------------------------------------ terminal mode


def test_terminal_mode_emits_logical_text_right_aligned():
    lines = render_text("قال (نعم) 25", 20, mode="terminal")
    assert lines == [" " * 8 + "قال (نعم) 25"]


def test_terminal_mode_wraps_in_logical_order():
    lines = render_text("واحد اثنان ثلاثة", 11, mode="terminal")
    assert [x.strip() for x in lines] == ["واحد اثنان", "ثلاثة"]
    assert all(cell_len(x) == 11 for x in lines)


def test_mode_is_app_unless_the_terminal_does_bidi():
    assert render_text("سلام", 6, mode=BidiMode.TERMINAL) == ["  سلام"]
    assert render_text("سلام", 6) != ["  سلام"]


def test_bad_options_are_refused():
    with pytest.raises(ValueError):
        render_text("x", 5, mode="vte")
    with pytest.raises(ValueError):
        render_text("x", 5, harakat="some")
    with pytest.raises(ValueError):
        render_text("x", 5, base="up")


def test_bidi_sequences():
    assert bidi_enter_sequence("app") == BIDI_ENTER == "\x1b[8l"
    assert bidi_exit_sequence("app") == BIDI_EXIT == "\x1b[8h"
    assert bidi_enter_sequence("terminal") == bidi_exit_sequence("terminal") == ""


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bidi_guard_writes_enter_once_and_exit_at_exit(monkeypatch):
    registered = []
    monkeypatch.setattr(rendering.atexit, "register", registered.append)
    stream = FakeTerminal()
    rendering.bidi_guard(stream, "app")
    rendering.bidi_guard(stream, "app")
    assert stream.getvalue() == BIDI_ENTER
    (restore,) = registered
    restore()
    assert stream.getvalue() == BIDI_ENTER + BIDI_EXIT
    piped = io.StringIO()
    rendering.bidi_guard(piped, "app")
    rendering.bidi_guard(FakeTerminal(), "terminal")
    assert piped.getvalue() == "" and len(registered) == 1


# ------------------------------------------------------------------ caching, Rich, lazy renderer


def test_render_cached_returns_the_same_lines_object():
    first = render_cached("خبر عاجل من دمشق", 9, "app", "drop")
    assert render_cached("خبر عاجل من دمشق", 9, "app", "drop") is first
    assert list(first) == render_text("خبر عاجل من دمشق", 9, mode="app")


def test_render_rich_lines_are_not_wrapped_again():
    lines = render_rich("خبر عاجل من دمشق", 9, style="bold", mode="app")
    assert all(isinstance(t, Text) and t.no_wrap for t in lines)
    assert [t.plain for t in lines] == render_text("خبر عاجل من دمشق", 9, mode="app")
    assert str(lines[0].style) == "bold"


PARAGRAPHS = ["خبر عاجل من دمشق اليوم", "English text that wraps", "", "سطر\nثان"]


def test_paragraph_renderer_matches_render_text():
    view = ParagraphRenderer(PARAGRAPHS, 10, mode="app")
    expected = [line for p in PARAGRAPHS for line in render_text(p, 10, mode="app")]
    assert len(view) == len(expected)
    assert view.lines(0, len(view)) == expected
    assert view.lines(-5, 2) == expected[:2]
    assert [t.plain for t in view.rich_lines(1, 3)] == expected[1:3]


def test_paragraph_renderer_locates_rows_and_spacing():
    view = ParagraphRenderer(PARAGRAPHS, 10, mode="app", spacing=1)
    rows = [view.locate(y) for y in range(len(view))]
    assert rows[0] == (0, 0)
    assert (0, -1) in rows and (3, 1) in rows  # a spacing row after paragraph 0; "ثان" is line 1 of paragraph 3
    for index in range(len(PARAGRAPHS)):
        assert view.locate(view.first_line(index)) == (index, 0)
    assert view.line(rows.index((0, -1))) == ""
    with pytest.raises(IndexError):
        view.line(len(view))


def test_paragraph_renderer_draws_lazily(monkeypatch):
    calls = []
    original = rendering.visual_order
    monkeypatch.setattr(rendering, "visual_order", lambda levels: calls.append(1) or original(levels))
    view = ParagraphRenderer([f"فقرة رقم {n} من المقال" for n in range(200)], 12, mode="app")
    assert calls == [] and len(view) >= 200
    view.lines(10, 15)
    assert len(calls) == 5


def test_resized_rewraps():
    view = ParagraphRenderer(PARAGRAPHS, 10, mode="app")
    wider = view.resized(30)
    assert wider.lines(0, len(wider)) == [line for p in PARAGRAPHS for line in render_text(p, 30, mode="app")]


def test_render_map_undoes_the_reordering():
    text = "قال (AFP) إن الوفد\nسطر"
    lines = render_map(text, 12, mode="app")
    covered = sorted(i for line in lines for s, e, _ in line for i in range(s, e))
    assert len(covered) == len(set(covered))
    assert {text[i] for i in set(range(len(text))) - set(covered)} <= {" ", "\n"}  # only breaks are not drawn
    for line, drawn in zip(lines, render_text(text, 12, mode="app"), strict=True):
        assert drawn.endswith("".join(g for _, _, g in line))


def test_render_map_offsets_skip_dropped_harakat_and_controls():
    text = "\x1bبَاب\u202e كتب"
    (line,) = render_map(text, 20, mode="app", harakat="drop")
    assert sorted((s, e) for s, e, _ in line) == [(1, 2), (3, 4), (4, 5), (6, 7), (7, 8), (8, 9), (9, 10)]


def test_rich_line_highlights_logical_spans_on_reordered_glyphs():
    paragraph = "قال الوزير إن الاجتماع انتهى"
    view = ParagraphRenderer([paragraph], 40, mode="app")
    start = paragraph.index("الوزير")
    text = view.rich_line(0, "", highlights=[(start, start + len("الوزير"), "reverse")])
    assert text.plain == view.line(0)
    (span,) = text.spans
    drawn = text.plain[span.start : span.end]
    assert unicodedata.normalize("NFKC", drawn[::-1]) == "الوزير"
    assert view.line_spans(0)[-1][0] == 0  # the first logical character is drawn last (rightmost)


# ------------------------------------------------------------------ the pieces


def test_break_lines_rules():
    widths = [1] * 11
    spaces = [c == " " for c in "ab cd  efgh"]
    assert break_lines(widths, spaces, 5) == [(0, 5), (7, 11)]  # inner spaces kept, the break's dropped
    assert break_lines([1] * 6, [False] * 6, 4) == [(0, 4), (4, 6)]  # a long word is cut
    assert break_lines([1, 1, 1], [True, False, True], 5) == [(1, 2)]  # leading and trailing spaces go
    assert break_lines([2, 1], [False, False], 1) == [(0, 1), (1, 2)]  # a too-wide unit gets a line alone
    assert break_lines([], [], 5) == []


def test_visual_order_reverses_odd_runs():
    assert visual_order([0, 0, 1, 1, 1, 0]) == [0, 1, 4, 3, 2, 5]
    assert visual_order([1, 2, 2, 1]) == [3, 1, 2, 0]
    assert visual_order([]) == []


def test_line_levels_resets_trailing_whitespace():
    assert line_levels(["a", " ", " "], [2, 2, 2], 1) == [2, 1, 1]
    assert line_levels(["a", " ", "b"], [2, 2, 2], 1) == [2, 2, 2]


def test_levels_fallback_agrees_without_brackets(monkeypatch):
    text = "قال Bob إن 25 شخصا"
    rust = rtl_levels.resolve_levels(text, 1)
    assert rust[text.index("B")] == 2 and rust[0] == 1
    monkeypatch.setattr(rtl_levels, "_rust_levels", lambda text, level: None)
    assert rtl_levels.resolve_levels(text, 1) == rust


def test_first_strong_level():
    assert rtl_levels.first_strong_level("123 abc قال") == 0
    assert rtl_levels.first_strong_level("123 قال abc") == 1
    assert rtl_levels.first_strong_level("123 ...") is None


def test_levels_come_from_python_bidi_with_bracket_pairs():
    text = "Jeffrey (AFP) قال"
    levels = rtl_levels._rust_levels(text, 1)
    assert levels is not None, "python-bidi's debug output changed: only the fallback (no bracket pairs) is left"
    # rule N0: the brackets take the direction of the Latin text before them
    assert levels[text.index("(")] == levels[text.index(")")] == 2
