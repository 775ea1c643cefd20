"""Issue 17.7: a signal that ends the reader leaves the terminal as it found it, checked in a real
pseudo-terminal: the line discipline (echo, canonical mode) and every mode the app's escape sequences set."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from fcntl import ioctl

import pytest

from tests.app_support import make_library
from tests.conftest import ROOT

PRIVATE_MODE = re.compile(r"\x1b\[\?([\d;]+)([hl])")
# What the app turns on, and what each must be at the end: off, but the cursor, shown.
EXPECTED_END = {"1049": "l", "1000": "l", "1003": "l", "1006": "l", "1015": "l", "2004": "l", "1004": "l", "25": "h"}


def final_modes(output: str) -> dict[str, str]:
    """The last value each DEC private mode was set to in ``output``."""
    modes: dict[str, str] = {}
    for numbers, action in PRIVATE_MODE.findall(output):
        for number in numbers.split(";"):
            modes[number] = action
    return modes


def run_and_signal(library_path, signum: int, *, second: bool = False) -> tuple[int | None, str, list]:
    """Start the reader in a pty, wait for its first screen, send ``signum``: (status, output, final termios)."""
    master, slave = pty.openpty()
    ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "NEWSREAD_LIBRARY": str(library_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui.entry"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    chunks: list[bytes] = []

    def read_for(seconds: float, until: bytes | None = None) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunks.append(os.read(master, 65536))
                except OSError:
                    return
                if until is not None and until in b"".join(chunks):
                    return
            elif proc.poll() is not None:
                return

    try:
        read_for(30, until=b"? help")  # the status line: the first screen is up
        assert b"? help" in b"".join(chunks), b"".join(chunks)[-500:]
        time.sleep(0.3)
        proc.send_signal(signum)
        if second:
            proc.send_signal(signum)
        read_for(15)
        try:
            status: int | None = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            status = None
        read_for(0.5)
        attrs = termios.tcgetattr(slave)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
        os.close(slave)
    return status, b"".join(chunks).decode("utf-8", "replace"), attrs


@pytest.fixture(scope="module")
def library_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("signals") / "lib.db"
    make_library(path).close()
    return path


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGQUIT", "SIGINT", "SIGUSR1"])
def test_an_ending_signal_restores_the_terminal(library_path, name):
    signum = getattr(signal, name)
    status, output, attrs = run_and_signal(library_path, signum)
    assert status == 128 + signum, (status, output[-300:])
    assert attrs[3] & termios.ECHO and attrs[3] & termios.ICANON, "echo or canonical mode left off"
    modes = final_modes(output)
    assert modes.get("1049") == "h" or "\x1b[?1049h" in output  # the app did switch screens
    for mode, end in EXPECTED_END.items():
        assert modes.get(mode, end) == end, (mode, modes)
    assert output.rfind("\x1b[8h") > output.rfind("\x1b[8l") >= 0  # the terminal's bidi is back (CSI 8 h)
    assert output.rfind("\x1b[<u") > output.rfind("\x1b[>")  # the kitty keyboard protocol popped
    assert "Traceback" not in output


def test_a_second_signal_ends_it_at_once_and_still_restores(library_path):
    status, output, attrs = run_and_signal(library_path, signal.SIGTERM, second=True)
    assert status == 128 + signal.SIGTERM
    assert attrs[3] & termios.ECHO and attrs[3] & termios.ICANON
    modes = final_modes(output)
    for mode, end in EXPECTED_END.items():
        assert modes.get(mode, end) == end, (mode, modes)
    assert output.rfind("\x1b[8h") > output.rfind("\x1b[8l") >= 0


STUCK_APP = """
import asyncio, sys, termios, time
from tui.signals import guarded

async def main():
    with guarded(lambda status: None, extra_reset="\\x1b[8h"):  # an app that never gets to exit
        raw = termios.tcgetattr(0)
        raw[3] &= ~(termios.ECHO | termios.ICANON)
        termios.tcsetattr(0, termios.TCSANOW, raw)
        sys.stdout.write("\\x1b[?1049h\\x1b[?1000h\\x1b[?25lREADY\\n")
        sys.stdout.flush()
        time.sleep(60)  # the UI thread stuck in one long call
asyncio.run(main())
"""


def test_a_stuck_app_is_ended_after_the_grace_time_with_the_terminal_restored():
    from tui.signals import GRACE_S

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", STUCK_APP], stdin=slave, stdout=slave, stderr=slave, cwd=ROOT)
    chunks: list[bytes] = []
    try:
        deadline = time.monotonic() + 20
        while b"READY" not in b"".join(chunks) and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                chunks.append(os.read(master, 65536))
        start = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        status = proc.wait(timeout=GRACE_S + 10)
        elapsed = time.monotonic() - start
        while select.select([master], [], [], 0.2)[0]:
            try:
                chunks.append(os.read(master, 65536))
            except OSError:
                break
        attrs = termios.tcgetattr(slave)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
        os.close(slave)
    output = b"".join(chunks).decode()
    assert status == 128 + signal.SIGTERM and elapsed < GRACE_S + 5, (status, elapsed)
    assert attrs[3] & termios.ECHO and attrs[3] & termios.ICANON
    assert final_modes(output) == {"1049": "l", "1000": "l", "25": "h"} | {
        m: "l" for m in ("2026", "1003", "1015", "1006", "1016", "2004", "2048", "1004")
    } | {"7": "h"}
    assert output.endswith("\x1b[8h")
