"""The person recognizer: offsets into the original text, the shipped models, speed and threads.

The sentences here are made up for these tests; none comes from a corpus or the dev set.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from summarize.ner import PersonSpan, find_persons
from summarize.ner.labels import decode, encode
from summarize.ner.tokens import MAX_SENTENCE_TOKENS, sentences, tokenize
from tests.conftest import ROOT

HARAKAT = "\u064e\u064f\u0650\u0651\u0652"
AR_VISIT = "استقبل الرئيس خالد بن سعيد المنصوري وفدا من رجال الأعمال في قصر الرئاسة أمس."
AR_PATROL = "وانتشرت قوات الشرطة ووحدات أمنية في شوارع المدينة لحماية المنشآت العامة."
EN_GALA = (
    "The premiere was attended by Emma Thompson, Hugh Grant and Colin Firth, "
    "who arrived together on the red carpet."
)


def names(text: str, lang: str) -> list[str]:
    return [span.text for span in find_persons(text, lang)]


def strip_marks(text: str) -> str:
    return "".join(ch for ch in text if ch not in HARAKAT + "\u0640")


def assert_well_formed(text: str, spans: tuple[PersonSpan, ...]) -> None:
    last_end = 0
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert last_end <= span.start < span.end <= len(text)
        assert 0.0 <= span.probability <= 1.0
        assert span.text == span.text.strip() and span.text[0].isalnum()
        last_end = span.end


# --- offsets without a model -------------------------------------------------------------------
def test_tokens_keep_harakat_and_tatweel_and_map_back():
    text = "قال الرَّئيسُ خـــالد: «أهلاً»"
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text
    words = [tok.text for tok in tokenize(text) if tok.word]
    assert words == ["قال", "الرَّئيسُ", "خـــالد", "أهلاً"]
    norms = [tok.norm for tok in tokenize(text) if tok.word]
    assert norms == ["قال", "الرئيس", "خالد", "اهلا"]  # matching form: no marks or tatweel, one alef


def test_a_prefix_label_cuts_after_the_letter_and_its_marks():
    text = "التقى وَخالدٌ ولِلْمنصوري"
    spans = decode(tokenize(text), ["O", "B1", "B2"])
    assert [text[s:e] for _, _, s, e in spans] == ["خالدٌ", "لْمنصوري"]  # "ول" + "لمنصوري" (ل + المنصوري)


def test_hashtags_read_as_words_and_spans_never_start_with_punctuation():
    text = "وقال #إيمانويل_ماكرون: نعم"
    assert [tok.text for tok in tokenize(text)] == ["وقال", "إيمانويل", "ماكرون", ":", "نعم"]
    quoted = 'قال " خالد "'
    tokens = tokenize(quoted)
    assert [quoted[s:e] for *_, s, e in decode(tokens, ["O", "B", "I", "I"])] == ["خالد"]
    assert decode(tokens, ["O", "B", "O", "O"]) == []  # a "name" of punctuation only is no name


def test_encode_and_decode_agree():
    text = "وقال وخالد بن سعيد إن ليلى حضرت"
    start = text.index("خالد")
    persons = [(start, text.index(" إن")), (text.index("ليلى"), text.index("ليلى") + 4)]
    tokens = tokenize(text)
    labels = encode(tokens, persons)
    assert labels == ["O", "B1", "I", "I", "O", "B", "O"]
    assert [(s, e) for _, _, s, e in decode(tokens, labels)] == persons


def test_sentences_are_cut_at_stops_lines_and_length():
    text = "Mr. Brown met Dr. Lee. Then he left.\nNext line " + "word " * (MAX_SENTENCE_TOKENS + 5)
    cut = list(sentences(tokenize(text), text))
    assert [tok.text for tok in cut[0]][-1] == "." and "Lee" in [tok.text for tok in cut[0]]
    assert cut[1][0].text == "Then"
    assert cut[2][0].text == "Next"
    assert max(len(s) for s in cut) <= MAX_SENTENCE_TOKENS


# --- the shipped models ------------------------------------------------------------------------
def test_arabic_model_finds_a_long_name_with_bin():
    assert "خالد بن سعيد المنصوري" in names(AR_VISIT, "ar")


def test_common_phrases_are_not_persons():
    found = names(AR_PATROL, "ar")
    assert not any("وحدات" in n or "أمنية" in n or "الشرطة" in n for n in found), found


def test_arabic_name_after_a_religious_title():
    text = "وترأس مفتي الديار الشيخ عبد الرحمن الحلبي الجلسة بحضور المطران يوحنا حداد."
    found = names(text, "ar")
    assert any("الحلبي" in n for n in found), found
    assert not any("مفتي" in n or "الشيخ" in n for n in found), found


def test_english_model_finds_a_list_of_guests():
    found = names(EN_GALA, "en")
    assert {"Emma Thompson", "Hugh Grant", "Colin Firth"} <= set(found), found
    assert "red carpet" not in " ".join(found)


def test_other_languages_use_the_english_model():
    assert names(EN_GALA, "fr") == names(EN_GALA, "en")
    assert names(AR_VISIT, "ar-EG") == names(AR_VISIT, "ar")


def test_harakat_tatweel_and_an_attached_conjunction_keep_offsets_exact():
    plain = find_persons(AR_VISIT, "ar")
    vowelled = AR_VISIT.replace("خالد", "وَخَـالِد").replace("المنصوري", "المَنْصُوري").replace("استقبل", "استقبلَ")
    spans = find_persons(vowelled, "ar")
    assert_well_formed(vowelled, spans)
    hit = [s for s in spans if "سعيد" in s.text]
    assert hit, [s.text for s in spans]
    assert not hit[0].text.startswith("و"), hit[0].text  # the conjunction stays outside
    assert strip_marks(hit[0].text) == "خالد بن سعيد المنصوري"
    assert [s.text for s in plain if "سعيد" in s.text] == ["خالد بن سعيد المنصوري"]


@pytest.mark.parametrize(
    "text,lang", [(AR_VISIT, "ar"), (AR_PATROL, "ar"), (EN_GALA, "en"), ("", "ar"), ("  \n", "en")]
)
def test_spans_map_back_exactly(text, lang):
    assert_well_formed(text, find_persons(text, lang))


def test_probabilities_rank_a_name_above_a_doubtful_span():
    spans = find_persons(AR_VISIT, "ar")
    assert max(s.probability for s in spans) > 0.5


def test_long_input_is_tagged_in_linear_time():
    block = f"{AR_VISIT} {AR_PATROL}\n"
    small_n, big_n = 200, 7000
    small, big = block * small_n, block * big_n  # big: over a million characters
    assert len(big) > 1_000_000
    # CPU time: the shared machine's load stretches wall time 2-3x, not the work done
    t0 = time.process_time()
    small_spans = find_persons(small, "ar")
    t1 = time.process_time()
    big_spans = find_persons(big, "ar")
    t2 = time.process_time()
    assert len(big_spans) == (big_n // small_n) * len(small_spans) > 0
    assert (t2 - t1) < 2 * (big_n / small_n) * max(t1 - t0, 0.05)  # 35x the text: far from 35x35
    assert t2 - t1 < 30


def test_one_sentence_without_stops_is_still_linear():
    text = "خالد بن سعيد المنصوري " * 20_000  # no full stop: cut every MAX_SENTENCE_TOKENS tokens
    t0 = time.process_time()
    spans = find_persons(text, "ar")
    assert time.process_time() - t0 < 30
    assert_well_formed(text, spans)


def test_two_threads_tag_at_once_with_the_results_of_one():
    texts = {"ar": (AR_VISIT + " " + AR_PATROL) * 50, "en": EN_GALA * 50}
    expected = {lang: find_persons(text, lang) for lang, text in texts.items()}
    results: dict[str, list] = {"ar": [], "en": []}
    errors: list[BaseException] = []

    def work(lang: str) -> None:
        try:
            for _ in range(5):
                results[lang].append(find_persons(texts[lang], lang))
                results[lang].append(find_persons(texts["ar"], "ar"))
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(lang,)) for lang in ("ar", "en")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for lang in ("ar", "en"):
        assert results[lang][0::2] == [expected[lang]] * 5
        assert results[lang][1::2] == [expected["ar"]] * 5


def test_import_opens_no_model():
    code = (
        "import sys, summarize.ner as n; from summarize.ner import tagger;"
        "assert 'pycrfsuite' not in sys.modules; assert not hasattr(tagger._local, 'taggers');"
        "n.find_persons('Hugh Grant arrived.', 'en'); assert 'pycrfsuite' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)
