"""The segmenter: one rule per test, on small made-up texts."""

from __future__ import annotations

import pytest

from summarize.sentences import ITEM, KICKER, SENTENCE, TITLE, split_sentences
from summarize.text.lists import is_list_item


def texts(text: str, lang: str = "ar") -> list[str]:
    return [s.text for s in split_sentences(text, lang)]


def test_arabic_comma_semicolon_and_colon_do_not_split():
    text = "قال الوزير: إن الاجتماع كان مثمرا، وإن الطرفين اتفقا؛ ثم غادر القاعة."
    assert texts(text) == [text]


def test_arabic_full_stop_and_question_mark_split():
    assert texts("وصل الوفد إلى المدينة. هل بدأ الاجتماع؟ نعم بدأ!") == [
        "وصل الوفد إلى المدينة.",
        "هل بدأ الاجتماع؟",
        "نعم بدأ!",
    ]


def test_full_stop_without_space_before_arabic_letter_splits():
    assert texts("انتهى الاجتماع في التاسعة.فجاءت الوفود") == ["انتهى الاجتماع في التاسعة.", "فجاءت الوفود"]


@pytest.mark.parametrize("number", ["12.5", "١٢٫٥", "3.14"])
def test_decimals_do_not_split(number):
    text = f"بلغ النمو {number} في المئة هذا العام."
    assert texts(text) == [text]


def test_single_letter_abbreviation_does_not_split():
    text = "قال د. محمد علي إن الوضع مستقر."
    assert texts(text) == [text]


def test_english_abbreviations_and_initials_do_not_split():
    got = texts("Mr. Smith met Dr. Jones in the U.S. capital. George W. Bush spoke later.", "en")
    assert got == ["Mr. Smith met Dr. Jones in the U.S. capital.", "George W. Bush spoke later."]


def test_hard_wrapped_lines_are_joined():
    text = "هذه جملة طويلة كتبت على\nسطرين في الملف الأصلي.\nوهذه جملة ثانية."
    assert texts(text) == ["هذه جملة طويلة كتبت على سطرين في الملف الأصلي.", "وهذه جملة ثانية."]


def test_kicker_and_headline_are_their_own_units():
    text = "أخبار عاجلة\n\nالوزير: سنفتتح المصنع غدا\n\nقال الوزير إن المصنع سيفتتح غدا. وأضاف أنه جاهز."
    sentences = split_sentences(text, "ar")
    assert [s.kind for s in sentences] == [KICKER, TITLE, SENTENCE, SENTENCE]
    assert sentences[1].text == "الوزير: سنفتتح المصنع غدا"


def test_a_label_line_directly_over_the_headline_is_the_kicker():
    text = "أخبار عاجلة\r\nالوزير: سنفتتح المصنع غدا\r\n\r\nقال الوزير إن المصنع سيفتتح غدا. وأضاف أنه جاهز."
    sentences = split_sentences(text, "ar")
    assert [s.kind for s in sentences] == [KICKER, TITLE, SENTENCE, SENTENCE]
    assert [text[s.start : s.end] for s in sentences[:2]] == ["أخبار عاجلة", "الوزير: سنفتتح المصنع غدا"]


def test_a_hard_wrapped_headline_stays_one_title():
    text = "Leaders of the G7 meet in Paris\nto agree a plan\n\nThe leaders met on Monday. They talked."
    sentences = split_sentences(text, "en")
    assert [s.kind for s in sentences] == [TITLE, SENTENCE, SENTENCE]


def test_numbered_items_are_units_even_without_full_stop():
    text = "للخطة ثلاثة أهداف وهي:\n١- بناء المدارس\n٢- تعبيد الطرق\n٣- حفر الآبار"
    sentences = split_sentences(text, "ar")
    assert [s.kind for s in sentences] == [SENTENCE, ITEM, ITEM, ITEM]
    assert sentences[2].text == "٢- تعبيد الطرق"


@pytest.mark.parametrize(
    "line", ["١- بند", "2. item", "(٣) بند", "- dash item", "• bullet", "أولاً: بند", "وثانيا، بند"]
)
def test_list_markers(line):
    assert is_list_item(line)


@pytest.mark.parametrize("line", ["2019 كان عاما صعبا", "القرار/ ٢٢٥٤/", "-5 degrees"])
def test_not_list_markers(line):
    assert not is_list_item(line)


def test_spans_point_at_the_text():
    text = "أخبار\n\nعنوان الخبر هنا\n\nجملة أولى\nمكسورة. جملة ثانية."
    for s in split_sentences(text, "ar"):
        assert text[s.start : s.end].split() == s.text.split()


def test_harakat_do_not_change_segmentation():
    text = "ذَهَبَ الوَلَدُ إِلَى المَدْرَسَةِ. ثُمَّ عَادَ."
    assert len(texts(text)) == 2
