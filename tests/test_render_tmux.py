"""End to end in a real terminal: tmux runs a small Textual app and the ``newsread`` CLI,
``tmux capture-pane -p`` reads the screen, and the rows must be FriBidi's reference lines.

Each test runs its own tmux server (``-L``, a socket of its own) and kills only that one.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

HERE = Path(__file__).parent
WIDTH = 40

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or shutil.which("fribidi") is None, reason="needs tmux and GNU FriBidi"
)


def _reference_module():
    """The FriBidi reference from test_rendering_fribidi.py, loaded by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location("_newsread_fribidi_reference", HERE / "test_rendering_fribidi.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


ref = _reference_module()

APP = """
import sys
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.widget import Widget
from rich.segment import Segment
from tui.rendering import ParagraphRenderer, bidi_enter_sequence, bidi_exit_sequence

PARAGRAPHS = [line for line in open(sys.argv[1], encoding="utf-8").read().split("\\n") if line]
WIDTH = int(sys.argv[2])


class Lines(Widget):
    DEFAULT_CSS = "Lines { width: %d; height: 1fr; }" % WIDTH

    def on_mount(self) -> None:
        self.view = ParagraphRenderer(PARAGRAPHS, WIDTH, mode="app")

    def render_line(self, y: int) -> Strip:
        text = self.view.line(y) if y < len(self.view) else ""
        return Strip([Segment(text)]).extend_cell_length(WIDTH)


class Demo(App):
    CSS = "Screen { layout: vertical; }"

    def compose(self) -> ComposeResult:
        yield Lines()


sys.stdout.write(bidi_enter_sequence("app"))
Demo().run()
sys.stdout.write(bidi_exit_sequence("app"))
"""


class Tmux:
    """One private tmux server running one command in a pane of a given size."""

    def __init__(self, command: list[str], columns: int, rows: int, cwd: Path):
        self.socket = f"newsread-test-{uuid.uuid4().hex[:8]}"
        # the pane's own size decides the width, not a COLUMNS/LINES exported by whatever started the suite
        env = {k: v for k, v in os.environ.items() if not k.startswith("TMUX") and k not in ("COLUMNS", "LINES")}
        shell = " ".join(_quote(part) for part in command) + "; sleep 60"
        subprocess.run(
            [*self._tmux(), "new-session", "-d", "-x", str(columns), "-y", str(rows), "-c", str(cwd), shell],
            check=True,
            env=env,
        )

    def _tmux(self) -> list[str]:
        return ["tmux", "-L", self.socket, "-f", os.devnull]

    def capture(self) -> list[str]:
        out = subprocess.run([*self._tmux(), "capture-pane", "-p"], capture_output=True, check=True)
        return out.stdout.decode("utf-8").split("\n")

    def wait_for(self, predicate, timeout: float = 20.0) -> list[str]:
        deadline = time.monotonic() + timeout
        rows = self.capture()
        while not predicate(rows) and time.monotonic() < deadline:
            time.sleep(0.2)
            rows = self.capture()
        return rows

    def close(self) -> None:
        subprocess.run([*self._tmux(), "kill-server"], capture_output=True)


def _quote(part: str) -> str:
    return "'" + part.replace("'", "'\\''") + "'"


def _expected(paragraphs: list[str], width: int) -> list[str]:
    return [ref.fold(line).rstrip() for p in paragraphs for line in ref.reference_lines(p, width, base="auto")]


def _screen(rows: list[str]) -> list[str]:
    return [ref.fold("".join(c for c in row if c not in ref.FORMAT)).rstrip() for row in rows]


def test_textual_app_in_tmux_draws_fribidi_lines(tmp_path):
    paragraphs = ref.hard_lines()[:10] + ref.seed_paragraphs()[1:2]
    expected = _expected(paragraphs, WIDTH)
    assert len(expected) < 58
    (tmp_path / "paragraphs.txt").write_text("\n".join(paragraphs), encoding="utf-8")
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    tmux = Tmux([sys.executable, "app.py", "paragraphs.txt", str(WIDTH)], 100, 60, tmp_path)
    try:
        rows = _screen(tmux.wait_for(lambda rows: expected[-1].strip() in _screen(rows)[len(expected) - 1]))
    finally:
        tmux.close()
    assert rows[: len(expected)] == expected


def test_newsread_cli_in_tmux_draws_fribidi_lines(tmp_path):
    newsread = shutil.which("newsread")
    command = [newsread] if newsread else [sys.executable, "-m", "tui.entry"]
    args = ["summarize", "--algorithm", "lead", "--sentences", "3", "sample:seed-ar"]
    piped = subprocess.run([*command, *args, "--format", "json"], capture_output=True, check=True, cwd=tmp_path)
    sentences = [s["text"] for s in json.loads(piped.stdout.decode("utf-8"))["sentences"]]
    columns = 60
    expected = _expected(sentences, columns)
    tmux = Tmux([*command, *args], columns, 50, tmp_path)
    try:
        rows = _screen(tmux.wait_for(lambda rows: expected[-1] in _screen(rows)))
    finally:
        tmux.close()
    assert [row for row in rows if row.strip()][: len(expected)] == expected
