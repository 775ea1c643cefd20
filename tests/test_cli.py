"""Behaviour every command shares: help, Ctrl-C, the global options."""

from __future__ import annotations

import platform
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT


def wait_until_reading_stdin(pid: int, limit_s: float = 60.0) -> None:
    """Block until ``pid`` sits in read(0, ...), so the signal lands where a user's Ctrl-C would.

    A fixed sleep is not enough on a loaded machine: the interpreter may still be importing.
    """
    read_syscall = {"x86_64": "0", "aarch64": "63"}.get(platform.machine())
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/syscall") as handle:
                fields = handle.read().split()
        except OSError:
            fields = []
        if read_syscall is None or not fields:
            time.sleep(1.5)  # no /proc or an unknown machine: the best we can do
            return
        if fields[:2] == [read_syscall, "0x0"]:  # read(2) with the fd as its first argument
            return
        time.sleep(0.05)
    raise AssertionError("newsread never started reading stdin")


def test_ctrl_c_is_one_line_and_exit_130(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "--library", str(tmp_path / "lib.db"), "summarize", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    wait_until_reading_stdin(process.pid)
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
