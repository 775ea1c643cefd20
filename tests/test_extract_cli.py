"""``newsread extract`` as scripts use it: a real process, JSON shape, JSON Lines, errors, exit codes."""

from __future__ import annotations

import json
import re

import pytest

from articles.samples import sample_path
from tests.conftest import assert_one_line_error

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
SEED_PEOPLE = ["جيمس جيفري", "وليم روباك", "بلاك ميران", "غسان اليوسف", "ليلى الحسن"]


@pytest.fixture
def seed_file(tmp_path, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    return path


def test_json_shape_for_the_seed(newsread, seed_file):
    result = newsread("extract", str(seed_file), "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert set(doc) == {"file", "attendees", "attendee_groups", "objectives"}
    assert [a["name"] for a in doc["attendees"]] == SEED_PEOPLE
    assert all(set(a) == {"name", "title", "aliases"} and a["title"] for a in doc["attendees"])
    assert set(doc["attendees"][0]["aliases"]) == {"جميس جيفري", "جيفري"}
    assert doc["attendee_groups"] == ["عدد من زعماء القبائل ووجهاء العشائر"]
    [objectives] = doc["objectives"]
    assert set(objectives) == {"lead_in", "topic", "announced_count", "items", "count_mismatch"}
    assert objectives["announced_count"] == 3 and len(objectives["items"]) == 3
    assert objectives["count_mismatch"] is False


def test_json_flag_is_the_json_format(newsread, seed_file):
    flag = newsread("extract", str(seed_file), "--json")
    assert flag.returncode == 0
    assert flag.stdout == newsread("extract", str(seed_file), "--format", "json").stdout


def test_text_output_is_logical_lines(newsread, seed_file):
    result = newsread("extract", str(seed_file))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert not PRESENTATION_FORMS.search(out)
    lines = out.splitlines()
    assert lines[0] == "Attendees:"
    assert any(line.strip().startswith("جيمس جيفري (") for line in lines)
    assert [line.split(".")[0].strip() for line in lines if re.match(r"\s+\d\. ", line)] == ["1", "2", "3"]


def test_mismatch_warning_in_text_output(newsread, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("أعلنت الوزارة أربعة أهداف هي:\n1- بناء المدارس\n2- تدريب المعلمين\n", encoding="utf-8")
    out = newsread("extract", str(path)).stdout.decode()
    assert "warning: 4 announced, 2 found" in out


def test_several_files_give_json_lines(newsread, seed_file):
    other = str(sample_path("wn-en-bush-visits-canada"))
    result = newsread("extract", str(seed_file), other, "sample:wn-en-korea-talks-next-week", "-f", "json")
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [d["file"] for d in docs] == [str(seed_file), other, "sample:wn-en-korea-talks-next-week"]
    assert "Paul Martin" in [a["name"] for a in docs[1]["attendees"]]
    assert docs[2]["attendees"] == [] and docs[2]["objectives"] == []


def test_stdin(newsread, seed_text):
    result = newsread("extract", "-", "--format", "json", input=seed_text.encode())
    assert result.returncode == 0
    assert [a["name"] for a in json.loads(result.stdout)["attendees"]] == SEED_PEOPLE


def test_missing_file(newsread, tmp_path):
    assert_one_line_error(newsread("extract", str(tmp_path / "nope.txt")), "no such file")


def test_unknown_sample(newsread):
    assert_one_line_error(newsread("extract", "sample:nope"), "no such sample")


def test_a_bad_file_does_not_stop_the_others(newsread, tmp_path, seed_file):
    result = newsread("extract", str(tmp_path / "missing.txt"), str(seed_file), "-f", "json")
    assert result.returncode == 1
    assert len(result.stdout.decode().splitlines()) == 1
    assert "missing.txt: no such file" in result.stderr.decode()


@pytest.mark.parametrize("args", [["--format", "yaml"], ["--language", "xx"], ["-", "-"]])
def test_usage_errors_exit_2(newsread, seed_file, args):
    result = newsread("extract", str(seed_file), *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode()
    assert len(result.stderr.decode().strip().splitlines()) == 1
