"""Issue 17, library files: a pipe, device or socket as the library (or as its -wal) is refused at once
(17.5), and a library refused for its identity is left byte for byte as it was, WAL included (17.8)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, run_newsread
from tests.test_hostile_library import folder_state, make_real


def run_app_in_terminal(*args: str, timeout: float = 20) -> tuple[int | None, str]:
    """``newsread ARGS`` on a pseudo-terminal: (exit status or None if it had to be killed, its output)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui.entry", *args], stdin=slave, stdout=slave, stderr=slave, cwd=ROOT
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            elif proc.poll() is not None:
                break
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
            status = None
        else:
            status = proc.returncode
    return status, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("command", [["list"], ["add", "-"], ["export"], ["summarize", "@1"]])
def test_a_fifo_as_the_library_is_refused_at_once(tmp_path, command):
    fifo = tmp_path / "lib.db"
    os.mkfifo(fifo)
    try:
        result = run_newsread("--library", str(fifo), *command, input=b"Headline\n\nBody text.\n", timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("newsread waited on the FIFO")
    err = result.stderr.decode()
    assert result.returncode == 1 and len(err.splitlines()) == 1, err
    assert "not a regular file" in err and str(fifo) in err


@pytest.mark.parametrize("sibling", ["-wal", "-shm", "-journal"])
def test_a_fifo_beside_the_library_is_refused_at_once(tmp_path, sibling):
    path = tmp_path / "lib.db"
    make_real(path)
    for leftover in tmp_path.glob("lib.db-*"):
        leftover.unlink()
    os.mkfifo(tmp_path / f"lib.db{sibling}")
    try:
        result = run_newsread("--library", str(path), "list", timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("newsread waited on the FIFO")
    err = result.stderr.decode()
    assert result.returncode == 1 and "not a regular file" in err and len(err.splitlines()) == 1, err


def test_a_device_as_the_library_is_refused():
    result = run_newsread("--library", "/dev/null", "list", timeout=20)
    err = result.stderr.decode()
    assert result.returncode == 1 and "not a regular file" in err and len(err.splitlines()) == 1, err


def test_the_app_on_a_fifo_says_so_in_one_line(tmp_path):
    fifo = tmp_path / "lib.db"
    os.mkfifo(fifo)
    status, output = run_app_in_terminal("--library", str(fifo))
    assert status == 1, output
    lines = [line for line in output.replace("\r\n", "\n").splitlines() if line.strip()]
    assert len(lines) == 1 and "not a regular file" in lines[0], output
    assert folder_state(tmp_path) == {}
