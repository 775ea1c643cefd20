"""The reader's analysis process: results as in process, steps reported, a long analysis killed on cancel."""

from __future__ import annotations

import threading
import time

import pytest

from summarize.analysis import Cancelled, analyze
from tui.analysis_process import AnalysisProcess


@pytest.fixture
def analyses():
    process = AnalysisProcess()
    yield process
    process.close()


def test_the_child_gives_the_same_analysis_as_the_process_itself(analyses, seed_text):
    steps: list[int] = []
    assert analyses.analyse(seed_text, "ar", progress=steps.append) == analyze(seed_text, "ar")
    assert steps == [1, 2]  # summary, then attendees, done; the objectives end it
    assert analyses.analyse(seed_text[:2000], "ar") == analyze(seed_text[:2000], "ar")  # the same child again


def _long_article() -> str:
    sentence = "The minister {n} met officials from the {n} council on Monday to discuss the budget. "
    return "".join(sentence.format(n=n) for n in range(60_000))  # about 5 MB of distinct sentences


def test_a_long_analysis_is_killed_when_the_reader_moves_on(analyses):
    flag = threading.Event()
    threading.Timer(1.0, flag.set).start()
    start = time.monotonic()
    with pytest.raises(Cancelled):
        analyses.analyse(_long_article(), "en", cancelled=flag.is_set)
    assert time.monotonic() - start < 1.0 + 5  # killed, not waited for
    assert analyses._process is None  # a fresh child serves the next article


def test_a_short_analysis_may_finish_and_is_then_dropped(analyses, seed_text):
    analyses.analyse("warm up. the child is started.", "en")
    with pytest.raises(Cancelled):
        analyses.analyse(seed_text, "ar", cancelled=lambda: True)  # cancelled before it was sent
    calls = iter([False])  # not cancelled when it is sent, cancelled at every later look (however few)
    with pytest.raises(Cancelled):
        analyses.analyse(seed_text, "ar", cancelled=lambda: next(calls, True))
    assert analyses._process is not None  # not killed: it finished within its patience


def test_a_child_that_dies_is_one_error_and_the_next_analysis_starts_another(analyses, seed_text):
    analyses.analyse("warm up. the child is started.", "en")
    with pytest.raises(RuntimeError, match="ended unexpectedly"):  # killed once it reports its first step
        analyses.analyse(_long_article()[:300_000], "en", progress=lambda steps: analyses._process.kill())
    assert analyses.analyse(seed_text, "ar").attendees
