"""The cache key changes whenever anything the analysis depends on changes: code, rules, data files."""

from __future__ import annotations

import shutil
from pathlib import Path

from articles.analysis_cache import analyzer_version, code_digest

SUMMARIZE = Path(__file__).resolve().parent.parent / "summarize"


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "summarize"
    shutil.copytree(SUMMARIZE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_a_changed_rule_word_changes_the_digest(tmp_path):
    copy = _copy(tmp_path)
    before = code_digest(copy)
    assert code_digest(copy) == before  # stable for the same code
    cues = copy / "rules" / "attendee_cues.py"
    cues.write_text(cues.read_text(encoding="utf-8") + "\n# one more cue\n", encoding="utf-8")
    assert code_digest(copy) != before


def test_a_moved_file_changes_the_digest(tmp_path):
    copy = _copy(tmp_path)
    before = code_digest(copy)
    (copy / "rules" / "titles.py").rename(copy / "titles.py")
    assert code_digest(copy) != before


def test_a_data_file_counts_too(tmp_path):
    """Model weights and rule tables that are not Python change the analysis as much as code does."""
    copy = _copy(tmp_path)
    before = code_digest(copy)
    (copy / "weights.bin").write_bytes(b"\x00\x01")
    assert code_digest(copy) != before


def test_compiled_caches_do_not_count(tmp_path):
    copy = _copy(tmp_path)
    before = code_digest(copy)
    (copy / "__pycache__").mkdir()
    (copy / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"junk")
    assert code_digest(copy) == before


def test_the_version_names_the_format_and_the_libraries():
    version = analyzer_version()
    assert version.startswith("format") and "sumy=" in version and "summarize=" in version
