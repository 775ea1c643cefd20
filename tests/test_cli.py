"""Behaviour every command shares: help, Ctrl-C, the global options."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT


def test_ctrl_c_is_one_line_and_exit_130(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "--library", str(tmp_path / "lib.db"), "summarize", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    time.sleep(1.5)  # let it start and block on stdin
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.decode().strip() == "newsread: interrupted"


def test_help_lists_the_commands(newsread):
    result = newsread("--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    for command in ("summarize", "extract", "add", "list", "show", "search", "rm", "mark", "export"):
        assert command in out


def test_unknown_command_is_a_usage_error(newsread):
    result = newsread("frobnicate")
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1
    assert "Traceback" not in result.stderr.decode()


def test_plain_newsread_goes_to_the_app_without_typer(monkeypatch):
    from tui import entry

    assert entry.global_options_only([]) == {}
    assert entry.global_options_only(["--library", "x.db", "--bidi=terminal", "--debug"]) == {
        "--library": "x.db",
        "--bidi": "terminal",
        "--debug": "1",
    }
    monkeypatch.setenv("NEWSREAD_HARAKAT", "keep")
    assert entry.global_options_only([]) == {"--harakat": "keep"}


def test_anything_else_goes_to_the_full_cli():
    from tui import entry

    for args in (["list"], ["--help"], ["--bidi", "sideways"], ["--library"], ["--debug=1"], ["-h"]):
        assert entry.global_options_only(args) is None, args


def test_the_app_needs_a_terminal(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "tui.entry", "--library", str(tmp_path / "lib.db")],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.decode().startswith("newsread: the reader needs a terminal")
    assert "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize("command", ["summarize", "extract"])
def test_script_commands_do_not_import_textual(command, tmp_path, seed_text):
    article = tmp_path / "seed.txt"
    article.write_text(seed_text, encoding="utf-8")
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        f"rc = main([{command!r}, {str(article)!r}])\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "sys.stderr.write(repr(loaded))\n"
        "sys.exit(rc or (1 if loaded else 0))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr.decode() == "[]"
