"""analyze_many: order, streaming, worker processes, and one bad text never stopping the others."""

from __future__ import annotations

import functools
import itertools
import json
import subprocess
import sys

import pytest

from summarize.analysis import AnalysisFormatError, analyze
from summarize.batch import (
    CHUNK_SIZE,
    CHUNKS_PER_WORKER,
    RECORD_KEYS,
    WORKER_DIED,
    Document,
    Result,
    analyze_many,
)
from tests.conftest import ROOT
from tests.corpus_support import fake_analyzer, generate_articles


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> list[str]:
    paths = generate_articles(tmp_path_factory.mktemp("articles"), 24)
    return [p.read_text(encoding="utf-8") for p in paths]


def test_two_workers_give_what_one_process_gives_in_input_order(texts):
    alone = list(analyze_many(texts, jobs=1))
    pooled = list(analyze_many(texts, jobs=2, chunk_size=3))
    assert [r.id for r in alone] == [str(n) for n in range(len(texts))]
    assert pooled == alone
    assert all(r.ok for r in alone)
    assert alone[5].analysis == analyze(texts[5])


def test_unordered_gives_the_same_results(texts):
    alone = {r.id: r for r in analyze_many(texts, jobs=1)}
    unordered = list(analyze_many(texts, jobs=2, ordered=False, chunk_size=2))
    assert {r.id: r for r in unordered} == alone
    assert len(unordered) == len(texts)


def test_from_summarize_with_options():
    from summarize import analyze as public_analyze
    from summarize import analyze_many as public_many

    lead = functools.partial(analyze, method="lead", sentences=1)
    [result] = public_many(["First sentence here. Second one follows. A third."], jobs=2, analyzer=lead)
    assert result.analysis == public_analyze(
        "First sentence here. Second one follows. A third.", method="lead", sentences=1
    )
    assert result.analysis is not None and result.analysis.method == "lead"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_text_fails_alone(jobs):
    items = ["one", "boom", Document("two", id="b", title="Headline", path="x.jsonl"), "three"]
    results = list(analyze_many(items, jobs=jobs, analyzer=fake_analyzer))
    assert [r.id for r in results] == ["0", "1", "b", "3"]
    assert [r.ok for r in results] == [True, False, True, True]
    assert results[1].error == "ValueError: boom went the article"
    assert results[1].analysis is None
    assert results[2].analysis is not None and results[2].analysis.title == "Headline"  # the known headline wins
    assert results[2].path == "x.jsonl"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_slow_text_times_out(jobs):
    results = list(analyze_many(["a", "slow", "b"], jobs=jobs, analyzer=fake_analyzer, timeout=0.5))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error == "the analysis took longer than 0.5 s"


def test_a_text_that_kills_its_worker_fails_alone():
    items = [f"text {n}" for n in range(40)]
    items[13] = "crash"
    results = list(analyze_many(items, jobs=2, analyzer=fake_analyzer, chunk_size=4))
    assert [r.id for r in results] == [str(n) for n in range(40)]
    assert [r.id for r in results if not r.ok] == ["13"]
    assert results[13].error == WORKER_DIED
    assert results[12].analysis is not None and results[12].analysis.title == "text 12"


def test_unreadable_documents_pass_through_without_analysis():
    def boom(text, language):  # never called: jobs=1 needs no pickling
        raise AssertionError("analysed an unreadable document")

    [result] = analyze_many([Document("", id="x:3", error="line 3: not JSON")], jobs=1, analyzer=boom)
    assert result == Result("x:3", None, "line 3: not JSON")


def test_input_is_read_only_as_far_as_the_window_allows():
    taken = 0

    def endless():
        nonlocal taken
        for n in itertools.count():
            taken += 1
            yield f"text {n}"

    results = analyze_many(endless(), jobs=2, analyzer=fake_analyzer)
    first = list(itertools.islice(results, 50))
    results.close()  # type: ignore[attr-defined]
    assert [r.id for r in first] == [str(n) for n in range(50)]
    assert taken <= 50 + 2 * CHUNKS_PER_WORKER * CHUNK_SIZE + CHUNK_SIZE


def test_bad_arguments():
    with pytest.raises(ValueError):
        list(analyze_many(["a"], jobs=0))
    with pytest.raises(TypeError, match="picklable"):
        list(analyze_many(["a"], jobs=2, analyzer=lambda text, language: analyze(text)))
    with pytest.raises(TypeError):
        list(analyze_many([b"bytes"], jobs=1))  # type: ignore[list-item]


def test_record_round_trip_through_json():
    [good, bad] = analyze_many(
        ["Talks opened today in Cairo. The minister attended.", "boom"], analyzer=fake_analyzer, jobs=1
    )
    for result in (good, bad):
        record = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
        assert tuple(record) == RECORD_KEYS
        assert Result.from_json(record) == result
    assert bad.to_json()["sentences"] is None and bad.to_json()["error"]


def test_record_keys_are_the_contract_plus_id_path_error():
    analysis = analyze("Talks opened today in Cairo. The minister attended.")
    assert tuple(Result("a", analysis).to_json()) == ("id", "path", "error", *analysis.to_json())


@pytest.mark.parametrize(
    "change",
    [
        {"extra": 1},
        {"id": 3},
        {"path": 3},
        {"error": "failed"},  # a failed record with an analysis in it
    ],
)
def test_from_json_is_strict(change):
    record = Result("a", analyze("Talks opened today in Cairo.")).to_json()
    with pytest.raises(AnalysisFormatError):
        Result.from_json({**record, **change})


def test_public_api_imports_neither_textual_nor_typer():
    code = (
        "import sys\n"
        "import summarize\n"
        "cheap = sorted(m for m in sys.modules if m.startswith('summarize.'))\n"
        "from summarize import analyze, analyze_many\n"
        "list(analyze_many(['Talks opened today in Cairo.'], jobs=1))\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'typer', 'rich', 'tui', 'articles'))\n"
        "print(cheap, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] []"
