"""Property tests: random mixes of Arabic, Latin, digits, spaces and punctuation."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.rendering import render_map, render_text

ARABIC = [chr(c) for c in range(0x0621, 0x064B)] + ["\u0644\u0627", "\u0644\u0623", "\u0640"]
HARAKAT = ["\u064b", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0670"]
LATIN = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
DIGITS = list("0123456789") + [chr(c) for c in range(0x0660, 0x066A)]
PUNCT = [*".,:;!?()[]{}<>«»\"'-/%@#+=_", "٪", "،", "؛", "؟", "٫", "\u200e", "\u200f", "\u061c", "\u200c"]
PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">", "«": "»"}
FOLD = {b: a for a, b in PAIRS.items()}  # a mirrored bracket counts as its twin
DROPPED = re.compile("[\u064b-\u0652\u0670]")
INVISIBLE = set("\u200e\u200f\u061c\u200c")

pieces = st.one_of(
    st.sampled_from(ARABIC),
    st.sampled_from(HARAKAT),
    st.sampled_from(LATIN),
    st.sampled_from(DIGITS),
    st.sampled_from(PUNCT),
    st.just(" "),
    st.just("  "),
)
texts = st.lists(pieces, max_size=80).map("".join)
options = st.fixed_dictionaries(
    {"harakat": st.sampled_from(["keep", "drop"]), "base": st.sampled_from(["auto", "rtl", "ltr"])}
)
fast = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def visible(s: str) -> Counter:
    """Characters a reader sees, with presentation forms undone and mirrored pairs folded."""
    s = unicodedata.normalize("NFKC", s)
    return Counter(FOLD.get(c, c) for c in s if c != " " and c not in INVISIBLE)


@fast
@given(texts, st.integers(1, 60), options)
def test_never_wider_than_asked(text, width, opts):
    lines = render_text(text, width, mode="app", **opts)
    assert lines
    assert all(cell_len(line) <= width for line in lines)


@fast
@given(texts, st.integers(1, 60), options)
def test_no_character_is_lost_or_added(text, width, opts):
    lines = render_text(text, width, mode="app", **opts)
    logical = text if opts["harakat"] == "keep" else DROPPED.sub("", text)
    assert visible("".join(lines)) == visible(logical)


@fast
@given(texts, st.integers(1, 60), options)
def test_unreordering_and_unshaping_gives_back_the_logical_text(text, width, opts):
    lines = render_map(text, width, mode="app", **opts)
    drop = opts["harakat"] == "drop"
    previous_end = 0
    for line in lines:
        units = sorted(line)
        start, end = (units[0][0], units[-1][1]) if units else (previous_end, previous_end)
        assert text[previous_end:start].strip(" ") == "" or drop  # only spaces (or dropped harakat) between lines
        for (_, e), (s, _) in itertools.pairwise([(None, start)] + [(a, b) for a, b, _ in units]):
            assert e is None or e == s or (drop and DROPPED.sub("", text[e:s]) == "")  # contiguous, nothing twice
        for s, e, glyph in units:
            logical = DROPPED.sub("", text[s:e]) if drop else text[s:e]
            assert visible(glyph) == visible(logical)
        previous_end = end
    assert DROPPED.sub("", text[previous_end:]).strip(" ") == ""


words = st.lists(st.sampled_from(ARABIC[:36]), min_size=1, max_size=8).map("".join)


@fast
@given(st.lists(words | st.sampled_from(["كتاب", "لا", "سلام", "الله"]), min_size=1, max_size=12), st.integers(6, 40))
def test_pure_arabic_lines_read_back_right_to_left(words, width):
    text = " ".join(words)
    lines = render_text(text, width, mode="app")
    assert all(cell_len(line) == width for line in lines)
    read_back = [unicodedata.normalize("NFKC", line.strip()[::-1]) for line in lines]
    assert " ".join(read_back).replace(" ", "") == text.replace(" ", "")
    assert [w for line in read_back for w in line.split()][:1] == [text.split()[0]] or len(text.split()[0]) > width
