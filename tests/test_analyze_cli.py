"""``newsread analyze`` end to end: records out, the library's cache, resume, order, errors, progress."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

from articles.analysis_cache import analyzer_version
from articles.corpus_io import read_records
from articles.store import Library
from summarize.analysis import analyze
from tests.conftest import ROOT, assert_one_line_error, run_newsread
from tests.corpus_support import generate_articles
from tui.entry import main

COUNT = 30


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate_articles(folder / "news", COUNT)
    return folder / "news"


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> list:
    """The corpus analysed by one process, the way every other mode must agree with."""
    out = tmp_path_factory.mktemp("ref") / "ref.jsonl"
    assert main(["analyze", str(corpus), "--out", str(out), "--jobs", "1"]) == 0
    return list(read_records(str(out)))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_one_process_analyses_every_file_as_analyze_does(reference, corpus):
    paths = sorted(str(p) for p in corpus.rglob("*.txt"))
    assert [r.id for r in reference] == paths
    assert all(r.ok and r.path == r.id for r in reference)
    assert reference[7].analysis == analyze(Path(paths[7]).read_text(encoding="utf-8"))


def test_two_jobs_write_the_same_records_in_order(capsys, corpus, reference, tmp_path):
    out = tmp_path / "two.jsonl"
    code, stdout, err = run(capsys, "analyze", str(corpus), "--out", str(out), "--jobs", "2")
    assert code == 0 and stdout == ""
    assert list(read_records(str(out))) == reference
    assert err.startswith(f"newsread: analysed {COUNT}, failed 0, skipped 0 in ")
    assert err.count("\n") == 1


def test_unordered_parquet_holds_the_same_records(capsys, corpus, reference, tmp_path):
    out = tmp_path / "out.parquet"
    code, _, _ = run(capsys, "analyze", str(corpus), "--out", str(out), "-j", "2", "--unordered")
    assert code == 0
    assert sorted(read_records(str(out)), key=lambda r: r.id) == reference


def test_resume_skips_what_the_output_holds(capsys, corpus, reference, tmp_path):
    out = tmp_path / "out.jsonl"
    first = sorted(corpus.glob("batch000/*.txt"))[:10]
    assert run(capsys, "analyze", *map(str, first), "--out", str(out), "-j", "1")[0] == 0
    code, _, err = run(capsys, "analyze", str(corpus), "--out", str(out), "-j", "2")
    assert code == 1 and "already exists; --resume continues it" in err
    code, _, err = run(capsys, "analyze", str(corpus), "--out", str(out), "-j", "2", "--resume")
    assert code == 0
    assert f"analysed {COUNT - 10}, failed 0, skipped 10 in" in err
    assert list(read_records(str(out))) == reference


def test_folder_output_is_a_dataset(capsys, corpus, reference, tmp_path):
    import pyarrow.dataset as pads

    out = tmp_path / "parts"
    code, _, _ = run(capsys, "analyze", str(corpus), "--out", f"{out}/", "-j", "2", "--partition-size", "8")
    assert code == 0
    assert len(os.listdir(out)) == 4
    assert pads.dataset(str(out), format="parquet").count_rows() == COUNT
    assert list(read_records(str(out))) == reference


def test_json_lines_input_to_standard_output_with_failures(tmp_path):
    lines = [
        json.dumps({"key": "k1", "body": "Talks opened in Cairo today. The minister attended them."}),
        "{broken",
        json.dumps({"key": "k3", "headline": "no body"}),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_newsread(
        "analyze", str(tmp_path / "in.jsonl"), "--out", "-", "--text-field", "body", "--id-field", "key", "-j", "2"
    )
    assert result.returncode == 1  # an article failed: its record says why
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["id"] for r in records] == ["k1", f"{tmp_path}/in.jsonl:2", "k3"]
    assert records[0]["error"] is None and records[0]["sentences"]
    assert records[1]["error"].startswith("line 2: not JSON")
    assert records[2]["error"] == "line 3: text field 'body' is missing"
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert err.startswith("newsread: analysed 1, failed 2, skipped 0 in ") and err.count("\n") == 1


def test_standard_input_text(tmp_path):
    text = "Talks opened in Cairo today. The minister attended them. They ended late."
    result = run_newsread("analyze", "-", "--out", "-", "-j", "1", input=text.encode())
    assert result.returncode == 0
    [record] = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert record["id"] == "-" and record["sentences"] == analyze(text).to_json()["sentences"]


def test_fills_the_library_cache_and_skips_it_the_second_time(capsys, tmp_path):
    path = tmp_path / "lib.sqlite3"
    code, _, err = run(capsys, "--library", str(path), "analyze", "--library-all", "-j", "2")
    assert code == 0, err
    with Library(path) as library:
        ids = library.ids()
        assert len(ids) >= 5  # the bundled samples
        version = analyzer_version()
        for article_id in ids:
            article = library.get(article_id)
            assert library.cached_analysis(article.content_hash, version) == analyze(article.text, article.language)
    assert f"analysed {len(ids)}, failed 0, skipped 0 in" in err and "into the library's cache" in err
    code, _, err = run(capsys, "--library", str(path), "analyze", "--all", f"@{ids[0]}")  # --all: the short form
    assert code == 0 and f"analysed 0, failed 0, skipped {len(ids)} in" in err


def test_library_ids_as_records(capsys, tmp_path):
    path = tmp_path / "lib.sqlite3"
    code, out, _ = run(capsys, "--library", str(path), "analyze", "@1", "@2", "@999", "--out", "-", "-j", "1")
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["@1", "@2"]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((), "nothing to analyse"),
        (("some.txt",), "without --out, analyze fills the library's analysis cache"),
        (("--library-all", "--dask", "local"), "--dask writes a Parquet dataset"),
        (("x.txt", "--out", "out.csv"), "--out: out.csv: the output's name says neither"),
        (("x.txt", "--out", "-", "--resume"), "--resume needs an output file"),
        (("x.txt", "--out", "o.jsonl", "--dask", "local"), "--dask writes a Parquet dataset"),
        (("-", "-", "--out", "-"), "standard input) given more than once"),
        (("x.txt", "--out", "-", "--jobs", "0"), "--jobs: 0 is below"),
    ],
)
def test_usage_errors_are_one_line(args, fragment, tmp_path):
    result = run_newsread("--library", str(tmp_path / "lib.sqlite3"), "analyze", *args)
    assert result.returncode == 2
    assert_one_line_error(result, fragment)


def test_dask_without_the_cluster_extra_is_one_line(tmp_path):
    code = (
        "import sys\n"
        "sys.modules['distributed'] = None  # as if newsread[cluster] were not installed\n"
        "from tui.entry import main\n"
        f"sys.exit(main(['analyze', 'sample:seed-ar', '--out', {str(tmp_path / 'parts')!r}, '--dask', 'local']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=120)
    assert_one_line_error(result, "--dask needs dask and distributed: pip install 'newsread[cluster]'")
    assert not (tmp_path / "parts").exists()


def test_help_says_what_each_mode_does():
    result = run_newsread("analyze", "--help")
    out = " ".join(result.stdout.decode().split())
    assert result.returncode == 0
    assert "With --out: one record per article" in out
    assert "Without --out: fill the library's analysis cache" in out
    assert "--dask ADDRESS" in out and "--resume" in out and "--unordered" in out


def test_progress_bar_on_a_terminal(corpus, tmp_path):
    """stderr a terminal: a progress bar with the rate; the summary line stays."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.entry", "analyze", str(corpus), "--out", str(tmp_path / "o.jsonl"), "-j", "1"],
        stdout=subprocess.DEVNULL,
        stderr=follower,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
    )
    os.close(follower)
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the process closed its end
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=60) == 0
    os.close(leader)
    text = seen.decode(errors="replace")
    assert "Analysing" in text and f"/{COUNT}" in text
    assert re.search(r"\d\.\d/s", text), text  # the rate column ("12.3/s"; the summary says "articles/s")
    assert re.search(r"\d:\d\d:\d\d", text), text  # the ETA
    assert f"newsread: analysed {COUNT}, failed 0" in text
