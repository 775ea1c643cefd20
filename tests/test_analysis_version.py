"""The panels' cache key changes whenever the analysers' code or rules change."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui.analysis import code_digest

SUMMARIZE = Path(__file__).resolve().parent.parent / "summarize"


def test_a_changed_rule_word_changes_the_digest(tmp_path):
    copy = tmp_path / "summarize"
    shutil.copytree(SUMMARIZE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_digest(copy)
    assert code_digest(copy) == before  # stable for the same code
    cues = copy / "rules" / "attendee_cues.py"
    cues.write_text(cues.read_text(encoding="utf-8") + "\n# one more cue\n", encoding="utf-8")
    assert code_digest(copy) != before


def test_a_moved_file_changes_the_digest(tmp_path):
    copy = tmp_path / "summarize"
    shutil.copytree(SUMMARIZE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_digest(copy)
    (copy / "rules" / "titles.py").rename(copy / "titles.py")
    assert code_digest(copy) != before
