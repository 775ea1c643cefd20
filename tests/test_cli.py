"""Behaviour every command shares: help, Ctrl-C, the global options."""

from __future__ import annotations

import platform
import re
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


def _sigint_as_a_terminal_gives_it() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_is_one_line_and_exit_130(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.entry", "--library", str(tmp_path / "lib.db"), "summarize", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        # as from an interactive shell: a job started with '&' (a CI loop run in the background) inherits
        # SIGINT ignored, and Python then rightly leaves it ignored, so the test would wait forever
        preexec_fn=_sigint_as_a_terminal_gives_it,
    )
    wait_until_reading_stdin(process.pid)
    process.send_signal(signal.SIGINT)
    # stdin stays open until the process has ended: communicate() would close it at once, and a child
    # slow to take the signal (a loaded machine) would read that end of input first ("empty input")
    process.wait(timeout=30)
    err = process.stderr.read()
    process.stdin.close()
    process.stdout.close()
    process.stderr.close()
    assert (process.returncode, err.decode().strip()) == (130, "newsread: interrupted")


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


def test_global_options_are_read_once_into_typed_values():
    from pathlib import Path

    from tui.cli_spec import global_options
    from tui.fast_cli import split_globals
    from tui.options import BidiMode, Harakat

    given, rest = split_globals(["--library", "x.db", "--bidi=terminal", "--debug", "list", "-n", "3"])
    assert rest == ["list", "-n", "3"]
    options = global_options(given, {"NEWSREAD_HARAKAT": "keep", "NEWSREAD_BIDI": "app"})
    assert options.library == Path("x.db") and options.debug
    assert options.render.bidi is BidiMode.TERMINAL  # the flag wins over the environment
    assert options.render.harakat is Harakat.KEEP  # the environment fills what no flag gave


def test_unusual_global_options_go_to_the_full_cli():
    from tui.fast_cli import split_globals

    for args in (["--help"], ["--library"], ["--debug=1"], ["-h"], ["--frobnicate", "list"]):
        assert split_globals(args) is None, args


@pytest.mark.parametrize(
    ("args", "fast"),
    [
        (["summarize", "a.txt", "-n", "2"], True),
        (["extract", "--json", "a.txt", "b.txt"], True),
        (["list", "--unread", "--format", "json"], True),
        (["search", "حضور", "-n", "5"], True),
        (["summarize", "--help"], False),
        (["summarize"], False),  # missing FILE: the full CLI says so
        (["summarize", "a.txt", "--no-such-option"], False),
    ],
)
def test_the_fast_path_reads_only_what_it_can(args, fast):
    from tui.cli_spec import COMMANDS_BY_NAME
    from tui.fast_cli import parse

    assert (parse(COMMANDS_BY_NAME[args[0]], args[1:]) is not None) == fast


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["summarize", "a.txt", "-n", "zero"], "--sentences: expected a whole number, not 'zero'"),
        (["summarize", "a.txt", "-r", "1.5"], "--ratio: 1.5 is above the largest allowed, 1"),
        (["summarize", "a.txt", "-a", "best"], "--algorithm: 'best' is not one of news, classic, lead, lsa"),
        (["list", "--limit", "-3"], "--limit: -3 is below the smallest allowed, 0"),
    ],
)
def test_both_paths_say_the_same_about_a_bad_value(args, message, capsys):
    from tui import cli, entry

    said = []
    for main in (entry.main, cli.main):  # the fast path, then Typer
        assert main(args) == 2
        said.append(capsys.readouterr().err)
    assert said[0] == said[1] and said[0].startswith(f"newsread: {message}")


def test_version(newsread):
    from tui import __version__

    result = newsread("--version")
    assert result.returncode == 0 and result.stdout.decode() == f"newsread {__version__}\n"


def test_help_names_the_library_form_and_the_methods(newsread):
    out = re.sub(r"-\s+", "-", newsread("summarize", "--help").stdout.decode())  # help wraps at hyphens
    assert "@ID" in out and "lex-rank" in out and "text-rank" in out and "lsa" in out
    assert "Usage: newsread summarize [OPTIONS] FILE..." in out
    assert "{" not in out and "<list" not in out


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
        "from tui.entry import main\n"
        f"rc = main([{command!r}, {str(article)!r}])\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "sys.stderr.write(repr(loaded))\n"
        "sys.exit(rc or (1 if loaded else 0))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr.decode() == "[]"


def test_the_cli_offers_exactly_the_summarizer_methods():
    from summarize.summary import METHODS
    from tui.cli_spec import SUMMARY_METHODS

    assert set(SUMMARY_METHODS) == set(METHODS)


def test_explain_says_why_each_sentence_was_chosen(newsread):
    result = newsread("summarize", "sample:seed-ar", "--explain", "-n", "2")
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 0 and len(lines) == 4
    assert all(line.startswith("  (sentence ") and "score" in line for line in lines[1::2])
    plain = newsread("summarize", "sample:seed-ar", "-n", "2").stdout.decode().splitlines()
    assert lines[0::2] == plain
