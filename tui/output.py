"""Writing results: logical-order text when piped, shaped right-to-left lines on a terminal."""

from __future__ import annotations

import json
import shutil
import sys
from typing import Any

from summarize.text import arabic_share
from tui.sanitize import escape_json, for_terminal


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def write_line(text: str) -> None:
    """One logical line, terminal controls neutralized; on a terminal, Arabic is shaped, reordered and right-aligned."""
    text = for_terminal(text)
    if stdout_is_terminal() and arabic_share(text) > 0:
        from tui.rendering import bidi_guard, render_text

        bidi_guard(sys.stdout)  # CSI 8 l now, CSI 8 h at exit (app mode): VTE must not reorder again
        width = shutil.get_terminal_size((80, 24)).columns
        for line in render_text(text, width):
            sys.stdout.write(line.rstrip() + "\n")
    else:
        sys.stdout.write(text + "\n")


def write_json(obj: Any) -> None:
    """One JSON object on one line (JSON Lines when called once per input); controls escaped as ``\\uXXXX``."""
    sys.stdout.write(escape_json(json.dumps(obj, ensure_ascii=False)) + "\n")
