"""The summarizers: our news method and every sumy method through our tokenizer."""

from __future__ import annotations

import pytest

from summarize.sentences import KICKER, TITLE
from summarize.summary import METHODS, SUMY_METHODS, budget, summarize_text, terms

ARTICLE = """أخبار محلية

البلدية تفتتح حديقة عامة جديدة في وسط المدينة

افتتحت البلدية صباح اليوم حديقة عامة جديدة في وسط المدينة بحضور عدد من السكان.
وتبلغ مساحة الحديقة عشرة آلاف متر مربع وتضم ملاعب للأطفال وممرات للمشي.
رئيس البلدية: الحديقة الجديدة مفتوحة لجميع السكان مجانا.
وقال رئيس البلدية إن الحديقة الجديدة مفتوحة لجميع السكان مجانا طوال أيام الأسبوع.
وأضاف أن البلدية تخطط لافتتاح حديقتين أخريين في الأحياء الشمالية العام المقبل.
وكانت الأرض التي أقيمت عليها الحديقة موقفا للسيارات منذ سنوات طويلة.
"""


def chosen_texts(**kwargs) -> list[str]:
    return [c.text for c in summarize_text(ARTICLE, **kwargs).chosen]


def test_count_is_respected_and_order_is_the_articles():
    result = summarize_text(ARTICLE, count=3)
    indices = [c.index for c in result.chosen]
    assert len(indices) == 3
    assert indices == sorted(indices)


def test_kicker_and_headline_are_never_summary_sentences():
    result = summarize_text(ARTICLE, count=10)
    kinds = {result.sentences[c.index].kind for c in result.chosen}
    assert not kinds & {KICKER, TITLE}
    assert result.title == "البلدية تفتتح حديقة عامة جديدة في وسط المدينة"


def test_pull_quote_repeating_a_body_sentence_is_dropped():
    texts = chosen_texts(count=5)
    assert "رئيس البلدية: الحديقة الجديدة مفتوحة لجميع السكان مجانا." not in texts
    assert any(t.startswith("وقال رئيس البلدية") for t in texts)


def test_first_body_sentence_leads_a_news_summary():
    assert chosen_texts(count=1) == ["افتتحت البلدية صباح اليوم حديقة عامة جديدة في وسط المدينة بحضور عدد من السكان."]


def test_ratio_picks_a_share_of_the_body():
    result = summarize_text(ARTICLE, ratio=0.5)
    body = [s for s in result.sentences if s.kind not in (KICKER, TITLE)]
    assert len(result.chosen) == round(0.5 * len(body))


def test_budget_rules():
    assert budget(10, 3, None) == 3
    assert budget(2, 5, None) == 2
    assert budget(10, None, 0.25) == 2
    assert budget(10, None, 0.0) == 1


def test_spans_point_at_the_chosen_text():
    for c in summarize_text(ARTICLE, count=3).chosen:
        assert ARTICLE[c.start : c.end].split() == c.text.split()


def test_words_with_harakat_count_as_terms():
    assert terms("كَتَبَ الطَّالِبُ الدَّرْسَ", "ar") == terms("كتب الطالب الدرس", "ar")
    assert len(terms("كَتَبَ الطَّالِبُ الدَّرْسَ", "ar")) == 3


@pytest.mark.parametrize("method", SUMY_METHODS)
def test_every_sumy_method_runs_on_arabic_and_english(method):
    arabic = summarize_text(ARTICLE, count=2, method=method)
    assert len(arabic.chosen) == 2
    english = summarize_text(
        "The council opened a new park today. The park has playgrounds and paths. "
        "The mayor said the park is free for everyone. More parks will open next year.",
        count=2,
        method=method,
        language="en",
    )
    assert len(english.chosen) == 2
    assert [c.index for c in english.chosen] == sorted(c.index for c in english.chosen)


def test_unknown_method_is_refused():
    with pytest.raises(ValueError):
        summarize_text(ARTICLE, method="nonsense")


def test_methods_list_is_complete():
    assert set(METHODS) >= {"news", "lead", "lsa", "lex-rank", "text-rank", "luhn", "edmundson", "sum-basic", "kl"}


def test_a_fragment_still_gets_a_summary():
    assert [c.text for c in summarize_text("Breaking.", count=3).chosen] == ["Breaking."]


def test_sumy_stemmer_gives_one_stem_per_word():
    # NLTK's Arabic Snowball stemmer carries state between calls ('ولونه' changes how 'كيلو'
    # stems next), which made sumy's SumBasic fail with a KeyError; ours pins one stem per word.
    from summarize.sumy_methods import _stemmer

    stem = _stemmer("ar")
    before = stem("كيلو")
    stem("ولونه")
    assert stem("كيلو") == before


def test_sum_basic_survives_words_the_arabic_stemmer_stems_two_ways():
    text = "اشترى التاجر كيلو من القمح. ولونه أصفر جميل. ثم باع كيلو آخر في السوق. وعاد إلى بيته."
    assert len(summarize_text(text, count=2, method="sum-basic", language="ar").chosen) == 2
