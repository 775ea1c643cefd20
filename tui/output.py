"""Writing results: logical-order text when piped, shaped right-to-left lines on a terminal.

Every line goes through the one sanitizer (``tui.sanitize``) first: nothing an article carries
may drive the terminal. JSON has its controls escaped instead, so values stay exact.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

from summarize.text import has_arabic
from tui.options import RenderOptions
from tui.sanitize import escape_json, for_terminal


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _width() -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


@dataclass(frozen=True)
class Output:
    """Standard output for one command, drawn with the run's ``RenderOptions`` on a terminal."""

    render: RenderOptions = field(default_factory=RenderOptions)

    def _guard(self) -> None:
        from tui.rendering import bidi_guard

        bidi_guard(sys.stdout, self.render.bidi)  # CSI 8 l now, CSI 8 h at exit (app mode): VTE must not reorder again

    def line(self, text: str) -> None:
        """One logical line, controls neutralized; on a terminal, Arabic is shaped, reordered and right-aligned."""
        text = for_terminal(text)
        if stdout_is_terminal() and has_arabic(text):
            from tui.rendering import render_text

            self._guard()
            for line in render_text(text, _width(), mode=self.render.bidi, harakat=self.render.harakat):
                sys.stdout.write(line.rstrip() + "\n")
        else:
            sys.stdout.write(text + "\n")

    def row(self, prefix: str, text: str, *, wrap: bool = False) -> None:
        """Plain left-to-right columns, then ``text``: as is when piped; on a terminal, ``text`` is shaped
        (Arabic) in the rest of the line, cut with … to one line unless ``wrap``. Controls are neutralized."""
        prefix, text = for_terminal(prefix, one_line=True), for_terminal(text, one_line=True)
        if not stdout_is_terminal():
            sys.stdout.write(prefix + text + "\n")
            return
        from tui.rendering import cell_width, render_text

        if has_arabic(text):
            self._guard()
        options = {"mode": self.render.bidi, "harakat": self.render.harakat}
        room = max(10, _width() - cell_width(prefix))
        lines = render_text(text, room, **options)
        if not wrap and len(lines) > 1:
            cut = text[: room - 1]
            while len(lines) > 1 and cut:
                cut = cut[:-1]
                lines = render_text(cut.rstrip() + "…", room, **options)
            lines = lines[:1]
        pad = " " * cell_width(prefix)
        for number, line in enumerate(lines):
            sys.stdout.write((prefix if number == 0 else pad) + line.rstrip() + "\n")

    @staticmethod
    def json(obj: Any) -> None:
        """One JSON object on one line (JSON Lines when called once per input); controls escaped as ``\\uXXXX``."""
        import json

        sys.stdout.write(escape_json(json.dumps(obj, ensure_ascii=False)) + "\n")

    @staticmethod
    def raw(text: str) -> None:
        """A whole document (an export), controls neutralized."""
        sys.stdout.write(for_terminal(text))
