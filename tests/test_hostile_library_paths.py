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
        try:
            status: int | None = proc.wait(timeout=max(0.5, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            status = None
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


WAL_BUILDER = """
import os, sqlite3, sys
from articles.model import Article
from articles.store import Library
kind, path = sys.argv[1], sys.argv[2]
if kind == "newer-schema":
    with Library(path) as library:
        library.add(Article(title="Story", paragraphs=("Body text of the story.",)))
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("PRAGMA user_version = 99")
else:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE accounts (name TEXT, balance REAL)")
    conn.execute("INSERT INTO accounts VALUES ('a', 1.0)")
os._exit(0)  # no close, no checkpoint: what a crashed (or killed) writer leaves
"""


@pytest.mark.parametrize("shm", ["with-shm", "without-shm"])
@pytest.mark.parametrize("kind", ["newer-schema", "other-program"])
def test_a_refused_library_with_a_wal_is_left_as_it_was(tmp_path, kind, shm):
    """What makes the file newer (or foreign) is only in its -wal: refusing it must not checkpoint it."""
    from tests.test_hostile_library import COMMANDS

    folder = tmp_path / "lib"
    folder.mkdir()
    path = folder / "lib.db"
    subprocess.run([sys.executable, "-c", WAL_BUILDER, kind, str(path)], check=True, cwd=ROOT)
    assert (folder / "lib.db-wal").stat().st_size > 0
    if shm == "without-shm":
        (folder / "lib.db-shm").unlink()
    before = folder_state(folder)
    article = tmp_path / "article.txt"
    article.write_text("A headline\n\nSome body text.\n")
    for command in [*COMMANDS, []]:
        args = [a.format(article=article) for a in command]
        if not args:  # the app
            status, output = run_app_in_terminal("--library", str(path))
            err = output.replace("\r\n", "\n").strip()
        else:
            result = run_newsread("--library", str(path), *args, timeout=30)
            status, err = result.returncode, result.stderr.decode().strip()
        assert status == 1 and len(err.splitlines()) == 1, (args, err)
        assert ("newer newsread" if kind == "newer-schema" else "another program") in err, (args, err)
        after = folder_state(folder)
        if shm == "without-shm":  # reading a WAL takes an index file: SQLite creates -shm, nothing else changes
            after.pop("lib.db-shm", None)
        assert after == before, args
