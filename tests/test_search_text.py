"""The search analysis, rule by rule: each reading a word gets, and a word that must keep its letters."""

from __future__ import annotations

import pytest

from articles.search_text import analyse, exact_form, parse_query
from articles.store import Library
from tests.test_store import art


def forms(word: str) -> set[str]:
    analysis = analyse(word)
    return {analysis.folded, *analysis.readings}


@pytest.mark.parametrize(
    ("word", "reading", "keeps"),
    [
        ("بحضور", "حضور", "بيان"),  # a lone preposition: "بيان" is a word of its own ... (4 letters stay)
        ("لحضور", "حضور", "لقاء"),
        ("وقال", "قال", "ولد"),  # a conjunction may leave three letters; "ولد" would leave two
        ("فقال", "قال", "فم"),
        ("الاجتماع", "اجتماع", "الله"),  # the article ... but "الله" is no article plus "له"
        ("للمؤتمر", "مءتمر", "لله"),
        ("وبالاجتماع", "اجتماع", "وبر"),
        ("كالعادة", "عاده", "كالح"),
    ],
)
def test_particles_are_read_off_when_a_word_remains(word, reading, keeps):
    assert reading in forms(word)
    assert forms(keeps) == {analyse(keeps).folded} | {r for r in analyse(keeps).readings if len(r) >= 3}
    assert all(len(r) >= 3 for r in analyse(keeps).readings)


@pytest.mark.parametrize(
    ("word", "reading", "keeps"),
    [
        ("رئيسها", "رءيس", "فيها"),  # a pronoun; "فيها" would leave two letters
        ("بلاده", "بلاد", "وجه"),
        ("اجتماعات", "اجتماع", "بنات"),
        ("مسؤولين", "مسءول", "عين"),
        ("وزيران", "وزير", "كان"),
        ("قوتها", "قوه", "بيتها"),  # the taa of "قوة" before a pronoun comes back as ة
        ("اجتماعا", "اجتماع", "روسيا"),  # the accusative alef; not after ي, where it ends a place
    ],
)
def test_endings_are_read_off_when_three_letters_remain(word, reading, keeps):
    assert reading in forms(word)
    assert not any(len(r) < 3 for r in analyse(keeps).readings)


@pytest.mark.parametrize("nisba", ["فلسطيني", "اجتماعية", "روسي"])
def test_a_nisba_is_another_word(nisba):
    base = {"فلسطيني": "فلسطين", "اجتماعية": "اجتماع", "روسي": "روسيا"}[nisba]
    assert analyse(base).folded not in forms(nisba)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("مسئول", "مسؤول"),
        ("إعلان", "اعلان"),
        ("مستشفى", "مستشفي"),
        ("الأمريكية", "الامريكيه"),
        ("الاجـــتماع", "الاجتماع"),
    ],
)
def test_letter_forms_fold_together(one, other):
    assert analyse(one).folded == analyse(other).folded


@pytest.mark.parametrize(("one", "other"), [("علي", "على"), ("والي", "وإلى")])
def test_the_exact_form_keeps_what_folding_merges(one, other):
    assert exact_form(one) != exact_form(other)


def test_exact_form_drops_only_marks_tatweel_and_digit_scripts():
    assert exact_form("الأُمَمُ ـــ ٣ أهداف") == "الأمم  3 أهداف"


@pytest.mark.parametrize(
    ("word", "reading", "unrelated"),
    [("meetings", "meeting", "meet"), ("elected", "elect", "election"), ("Blair's", "blair", "blare")],
)
def test_english_loses_only_regular_inflections(word, reading, unrelated):
    assert reading in forms(word)
    assert unrelated not in forms(word) or unrelated == "meet"  # "meetings" -> "meeting" -> "meet"
    assert "elect" not in forms("election") and "new" not in forms("news")


def test_a_reading_counts_only_if_the_library_has_it_as_a_word():
    confirmed = parse_query("وقال", known=lambda form: form == "قال")
    assert confirmed.terms[0].readings == ("قال",)
    refused = parse_query("لقاء", known=lambda form: False)
    assert refused.terms[0].readings == ()


def test_a_query_with_a_clitic_finds_the_bare_word_and_the_reverse(tmp_path):
    with Library(tmp_path / "lib.db") as lib:
        bare = lib.add(art("خبر", "جرى الاجتماع في حضور الوزير."))[0]
        attached = lib.add(art("آخر", "افتتح المعرض بحضور السفير."))[0]
        lib.add(art("ثالث", "لا علاقة لهذا النص بالموضوع."))
        assert {h.id for h in lib.search("حضور")} == {bare, attached}
        assert {h.id for h in lib.search("بحضور")} == {bare, attached}
        assert next(h.id for h in lib.search("بحضور")) == attached  # the form as typed comes first


def test_a_preposition_is_not_read_off_a_word_the_library_does_not_confirm(tmp_path):
    with Library(tmp_path / "lib.db") as lib:
        meeting = lib.add(art("لقاء", "عقد لقاء بين الوفدين."))[0]
        lib.add(art("بقاء", "أكد بقاء القوات في المنطقة."))
        assert [h.id for h in lib.search("لقاء")] == [meeting]  # "قاء" is no word: no match through it


def test_phrases_keep_their_order_in_any_accepted_form(tmp_path):
    with Library(tmp_path / "lib.db") as lib:
        un = lib.add(art("خبر", "قرار جديد للأمم المتحدة بشأن الهدنة."))[0]
        lib.add(art("آخر", "المتحدة هي الأمم التي اجتمعت."))
        assert [h.id for h in lib.search('"الامم المتحده"')] == [un]


def test_hits_can_be_counted_without_ranking(tmp_path):
    with Library(tmp_path / "lib.db") as lib:
        for n in range(5):
            lib.add(art(f"خبر {n}", f"قال الوزير في المؤتمر رقم {n}."))
        assert lib.count_hits("وقال") == 5 and lib.count_hits("غائب") == 0
