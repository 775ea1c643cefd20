"""The one analysis contract: a typed value, one JSON shape, strict reading."""

from __future__ import annotations

import json

import pytest

from summarize.analysis import (
    FORMAT,
    Analysis,
    AnalysisFormatError,
    Attendee,
    Cancelled,
    Objectives,
    SummarySentence,
    analyze,
)


@pytest.fixture(scope="module")
def seed_analysis(seed_text) -> Analysis:
    return analyze(seed_text)


def test_the_seed_round_trips_exactly(seed_analysis):
    data = json.loads(json.dumps(seed_analysis.to_json(), ensure_ascii=False))
    assert Analysis.from_json(data) == seed_analysis
    assert data["format"] == FORMAT


def test_the_seed_has_every_part(seed_analysis, seed_text):
    assert seed_analysis.language == "ar"
    assert seed_analysis.sentences and seed_analysis.attendees and seed_analysis.objectives
    assert all(isinstance(a, Attendee) for a in seed_analysis.attendees)
    text = seed_text
    for sentence in seed_analysis.sentences:  # spans point into the text the reader highlights
        assert text[sentence.start : sentence.end].split() == sentence.text.split()


def test_the_commands_print_parts_of_the_same_shape(seed_analysis):
    full = seed_analysis.to_json()
    assert full == {"format": FORMAT, **seed_analysis.summary_json(), **seed_analysis.extraction_json()}


def _example() -> dict:
    return Analysis(
        "en",
        "T",
        "news",
        (SummarySentence(0, 1.5, "s", 0, 1),),
        (Attendee("A B", None, ("B",)),),
        ("guests",),
        (Objectives("lead:", "goals", 2, ("x", "y"), False),),
    ).to_json()


@pytest.mark.parametrize(
    "breaking",
    [
        lambda d: d.pop("attendees"),
        lambda d: d.update(extra=1),
        lambda d: d.update(format=FORMAT + 1),
        lambda d: d.update(format=True),
        lambda d: d["sentences"][0].update(start="0"),
        lambda d: d["sentences"][0].update(score=True),
        lambda d: d["attendees"][0].update(aliases="B"),
        lambda d: d["objectives"][0].update(count_mismatch=0),
        lambda d: d["objectives"][0].update(announced_count=2.0),
        lambda d: d.update(attendee_groups=[1]),
    ],
)
def test_reading_is_strict(breaking):
    data = _example()
    assert Analysis.from_json(data).to_json() == data
    breaking(data)
    with pytest.raises(AnalysisFormatError):
        Analysis.from_json(data)


def test_not_an_object_is_refused():
    with pytest.raises(AnalysisFormatError):
        Analysis.from_json([1, 2])


def test_a_cancelled_analysis_stops():
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return True

    with pytest.raises(Cancelled):
        analyze("A short text. With two sentences.", "en", cancelled=cancelled)
    assert calls


def test_parts_can_be_left_out(seed_text):
    text = seed_text
    only_summary = analyze(text, extraction=False)
    assert only_summary.sentences and not only_summary.attendees and not only_summary.objectives
    only_extraction = analyze(text, summary=False)
    assert not only_extraction.sentences and only_extraction.attendees


def test_every_summary_sentence_explains_itself(seed_analysis):
    for sentence in seed_analysis.sentences:
        assert sentence.features and sentence.explanation().startswith(f"sentence {sentence.position + 1}, score")
    data = seed_analysis.to_json()
    data["sentences"][0]["features"][0].pop("contribution")
    with pytest.raises(AnalysisFormatError):
        Analysis.from_json(data)
