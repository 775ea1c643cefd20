"""The text core: one definition each of clitics, script tests and list markers."""

from __future__ import annotations

import itertools

import pytest

from summarize.text import fold_hamza_seats, has_arabic, is_arabic, normalize
from summarize.text.clitics import (
    ARTICLE_PROCLITICS,
    PROCLITICS,
    particle_forms,
    proclitic_splits,
    strip_article,
    strip_proclitic,
    strip_suffix,
)
from summarize.text.headings import is_label_over_headline
from summarize.text.lists import is_list_item, item_marker


def test_article_forms_cover_every_particle_combination():
    assert set(ARTICLE_PROCLITICS) == {
        "ال",
        "وال",
        "فال",
        "بال",
        "كال",
        "لل",
        "وبال",
        "وكال",
        "فبال",
        "فكال",
        "ولل",
        "فلل",
    }
    assert all(len(a) >= len(b) for a, b in itertools.pairwise(ARTICLE_PROCLITICS))


@pytest.mark.parametrize(
    ("word", "stem"),
    [("والرئيس", "رئيس"), ("فبالاجتماع", "اجتماع"), ("للمؤتمر", "مؤتمر"), ("وزير", "زير"), ("كبير", "كبير")],
)
def test_strip_proclitic_takes_the_longest_clitic(word, stem):
    assert strip_proclitic(word) == stem


@pytest.mark.parametrize("word", ["الي", "لله", "والي"])  # too short to lose anything
def test_short_words_keep_their_letters(word):
    assert strip_article(word) == word


def test_article_only_strips_the_article_with_its_particles():
    assert strip_article("والامريكيه") == "امريكيه"
    assert strip_article("وزارة") == "وزارة"  # a root و is no article


def test_splits_list_every_reading_longest_first():
    assert proclitic_splits("والرئيس") == [("وال", "رئيس"), ("و", "الرئيس")]


def test_particle_forms_pair_before_single():
    assert particle_forms(("و",), ("ب", "ل")) == ("وب", "ول", "و", "ب", "ل")
    assert "ك" not in PROCLITICS  # far more words open with ك than carry it


def test_suffixes_keep_a_minimum_stem():
    assert strip_suffix("كتابهم") == "كتاب"
    assert strip_suffix("منه", min_stem=3) == "منه"


def test_hamza_seats_fold_to_their_letters():
    assert fold_hamza_seats(normalize("مسؤول")) == "مسوول"
    assert fold_hamza_seats(normalize("رئيس")) == "رييس"


def test_script_tests_agree():
    assert is_arabic("قال الرئيس Joe Biden إن") and has_arabic("Joe Biden met محمد")
    assert not is_arabic("Joe Biden met محمد in Washington today") and not has_arabic("١٢٣ ،")


@pytest.mark.parametrize(
    "line",
    [
        "١- بند",
        "2. item",
        "(٣) بند",
        "- dash item",
        "-بند ملتصق",
        "• bullet",
        "· نقطة",
        "أولاً: بند",
        "ثانيا بند",
        "3: x",
    ],
)
def test_list_items(line):
    assert is_list_item(line)


@pytest.mark.parametrize("line", ["2019 كان عاما صعبا", "-5 degrees", "-- rule", "10:30 صباحا", "أولاد المدرسة"])
def test_not_list_items(line):
    assert not is_list_item(line)


def test_item_text_starts_after_the_marker():
    line = "  ٣) حماية المدنيين"
    match = item_marker(line)
    assert match is not None and line[match.end() :] == "حماية المدنيين"


@pytest.mark.parametrize(
    ("first", "second", "label"),
    [
        ("أخبار عاجلة", "قمة الدوحة: القادة يتفقون على خطة", True),
        ("Breaking news", "Leaders meet in Paris to agree a plan?", True),
        ("Leaders of the G7 meet", "in Paris to agree", False),  # longer line first: a hard wrap
        ("عاجل:", "قمة الدوحة: القادة يتفقون على خطة", False),  # the label line ends in punctuation
        ("أخبار عاجلة", "قال الوزير إن القمة انتهت اليوم.", False),  # the second line ends like a sentence
        ("- أولا", "- ثانيا بناء المدارس في المدينة", False),  # list items
        ("one two three four five", "a much longer headline line under the first one here", False),
    ],
)
def test_a_label_is_a_short_unpunctuated_line_over_a_headline(first, second, label):
    assert is_label_over_headline(first, second, headline_max_words=30) is label


def test_every_memo_cache_of_the_analysis_is_bounded_or_keyed_by_a_table():
    """An unbounded cache keyed by words grows with a corpus: a worker of 'newsread analyze' would
    hold every distinct word it ever saw. Unbounded caches may only be keyed by a language or a table."""
    import importlib
    import inspect
    import pkgutil

    import summarize
    from summarize.text.tokens import WORD_CACHE_SIZE

    table_keys = {"lang", "phrases", "name"}
    caches = []
    for module_info in pkgutil.walk_packages(summarize.__path__, "summarize."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if hasattr(value, "cache_info") and getattr(value, "__module__", None) == module_info.name:
                caches.append((f"{module_info.name}.{name}", value))
    assert len(caches) > 20  # the walk found them
    for name, function in caches:
        maxsize = function.cache_parameters()["maxsize"]
        parameters = set(inspect.signature(function.__wrapped__).parameters)
        if maxsize is None:
            assert parameters <= table_keys, name
        else:
            assert maxsize <= 2 * WORD_CACHE_SIZE, name
