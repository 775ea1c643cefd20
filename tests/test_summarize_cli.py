"""``newsread summarize`` as scripts use it: a real process, stdout and stderr, exit codes."""

from __future__ import annotations

import json
import re

import pytest

from articles.samples import sample_names, sample_path
from tests.conftest import assert_one_line_error

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


@pytest.fixture
def seed_file(tmp_path, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    return path


def test_text_output_is_one_logical_sentence_per_line(newsread, seed_file, seed_text):
    result = newsread("summarize", str(seed_file), "--sentences", "3")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 3
    flat = " ".join(seed_text.split())
    for line in lines:
        assert line in flat
        assert not PRESENTATION_FORMS.search(line)


def test_json_output(newsread, seed_file):
    result = newsread("summarize", str(seed_file), "-n", "2", "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["language"] == "ar"
    assert doc["title"].startswith("جيمس جيفري")
    keys = {"index", "score", "text", "start", "end", "position", "reason", "features"}
    assert [set(s) for s in doc["sentences"]] == [keys] * 2
    assert doc["sentences"][0]["index"] < doc["sentences"][1]["index"]


def test_many_files_in_one_process_give_json_lines(newsread):
    paths = [str(sample_path(name)) for name in sample_names()]
    result = newsread("summarize", *paths, "-f", "json", "-n", "2")
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [d["file"] for d in docs] == paths
    assert {d["language"] for d in docs} == {"ar", "en"}


def test_markdown_output(newsread, seed_file):
    result = newsread("summarize", str(seed_file), "-f", "markdown", "-n", "2")
    lines = result.stdout.decode().splitlines()
    assert lines[0].startswith("# جيمس جيفري")
    assert sum(line.startswith("- ") for line in lines) == 2


def test_stdin(newsread, seed_text):
    result = newsread("summarize", "-", "-n", "1", input=seed_text.encode())
    assert result.returncode == 0
    assert len(result.stdout.decode().splitlines()) == 1


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16", "utf-8-sig"])
def test_legacy_encodings_give_the_same_summary(newsread, tmp_path, seed_file, seed_text, encoding):
    text = seed_text.replace("١", "1").replace("٢", "2").replace("٣", "3").replace("٤", "4").replace("٥", "5")
    text = text.replace("٠", "0").replace("٦", "6").replace("٧", "7").replace("٨", "8").replace("٩", "9")
    plain = tmp_path / "plain.txt"
    plain.write_text(text, encoding="utf-8")
    legacy = tmp_path / f"legacy-{encoding}.txt"
    legacy.write_bytes(text.encode(encoding))
    expected = newsread("summarize", str(plain)).stdout
    assert newsread("summarize", str(legacy)).stdout == expected


def test_missing_file(newsread, tmp_path):
    assert_one_line_error(newsread("summarize", str(tmp_path / "nope.txt")), "no such file")


def test_directory(newsread, tmp_path):
    assert_one_line_error(newsread("summarize", str(tmp_path)), "is a directory")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(b"", "empty"), (b" \n\n\t", "whitespace"), (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, "binary")],
)
def test_bad_content(newsread, tmp_path, content, fragment):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert_one_line_error(newsread("summarize", str(path)), fragment)


def test_a_bad_file_does_not_stop_the_others(newsread, tmp_path, seed_file):
    result = newsread("summarize", str(tmp_path / "missing.txt"), str(seed_file), "-f", "json")
    assert result.returncode == 1
    assert len(result.stdout.decode().splitlines()) == 1
    assert "missing.txt: no such file" in result.stderr.decode()


@pytest.mark.parametrize(
    "args",
    [["-n", "2", "--ratio", "0.5"], ["--algorithm", "nope"], ["--language", "xx"], ["--format", "yaml"], ["-n", "0"]],
)
def test_usage_errors_exit_2(newsread, seed_file, args):
    result = newsread("summarize", str(seed_file), *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode()
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_language_override(newsread, seed_file):
    result = newsread("summarize", str(seed_file), "--language", "english", "-f", "json")
    assert json.loads(result.stdout)["language"] == "en"
