"""The terminal comes back after any signal that would end the reader (issue 17.7).

Textual restores the terminal when the app exits, and on Ctrl-Z (SIGTSTP) it suspends cleanly; but
SIGTERM, SIGHUP, SIGQUIT and the other ending signals killed the process at once: no echo, the
alternate screen, mouse tracking on, the cursor hidden, ``CSI 8 l`` left in force. While the app
runs, each such signal asks it to exit the normal way (Textual undoes its modes, ``CSI 8 h`` is
written at exit) with status 128 + the signal; if it has not exited ``GRACE_S`` seconds later (the UI
thread stuck), or a second signal comes, the terminal modes are reset here and the process ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import termios
import threading
from collections.abc import Callable, Iterator
from functools import partial
from types import FrameType
from typing import Any

GRACE_S = 2.0
# Signals whose default action ends the process. Not the faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL,
# SIGABRT: a Python handler cannot run for a real one), SIGPIPE (no pipe in a terminal app), nor
# SIGTSTP, SIGCONT and SIGWINCH, which Textual handles itself.
ENDING = tuple(
    getattr(signal, name)
    for name in (
        "SIGHUP",
        "SIGINT",
        "SIGQUIT",
        "SIGTERM",
        "SIGUSR1",
        "SIGUSR2",
        "SIGALRM",
        "SIGVTALRM",
        "SIGPROF",
        "SIGXCPU",
        "SIGXFSZ",
        "SIGIO",
        "SIGPWR",
        "SIGSTKFLT",
    )
    if hasattr(signal, name)
)
# Every mode the Textual driver sets, undone (as its stop_application_mode does), after CAN (which
# abandons any escape sequence cut off half-written), the end of a synchronized update and an SGR reset.
RESET = (
    "\x18\x1b[?2026l\x1b[0m"
    "\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?1016l"  # mouse tracking
    "\x1b[?2004l\x1b[?2048l\x1b[?1004l\x1b[?7h"  # bracketed paste, resize reports, focus events; line wrap
    "\x1b[<u"  # the kitty keyboard protocol
    "\x1b[?1049l\x1b[?25h"  # the alternate screen; the cursor
)


class SignalGuard:
    """While active, an ending signal exits ``app`` cleanly, or restores the terminal and ends the process."""

    def __init__(self, exit_app: Callable[[int], Any], *, extra_reset: str = "") -> None:
        self._exit_app = exit_app
        self._reset = (RESET + extra_reset).encode()
        self._out = sys.__stdout__.fileno() if sys.__stdout__ is not None else 1
        self._in = sys.__stdin__.fileno() if sys.__stdin__ is not None else 0
        try:
            self._attrs: list[Any] | None = termios.tcgetattr(self._in)  # as the shell left it
        except termios.error:
            self._attrs = None
        self._previous: dict[int, Any] = {}
        self.signum: int | None = None

    def install(self) -> None:
        for signum in ENDING:
            with contextlib.suppress(OSError, ValueError):
                self._previous[signum] = signal.signal(signum, self._handle)

    def uninstall(self) -> None:
        for signum, previous in self._previous.items():
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(signum, previous)
        self._previous.clear()

    @property
    def exit_status(self) -> int | None:
        """128 + the signal that ended the app, as shells report it; None if none did."""
        return None if self.signum is None else 128 + self.signum

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.signum is not None:  # a second signal: no more waiting
            self.hard_exit()
        self.signum = signum
        timer = threading.Timer(GRACE_S, self.hard_exit)
        timer.daemon = True
        timer.start()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the app is not running (yet, or any more)
            self.hard_exit()
            return
        loop.call_soon_threadsafe(partial(self._exit_app, 128 + signum))

    def hard_exit(self) -> None:
        """Reset the terminal modes and the line discipline, and end the process now."""
        with contextlib.suppress(OSError):
            os.write(self._out, self._reset)
        if self._attrs is not None:
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(self._in, termios.TCSANOW, self._attrs)
        os._exit(self.exit_status or 1)


@contextlib.contextmanager
def guarded(exit_app: Callable[[int], Any], *, extra_reset: str = "") -> Iterator[SignalGuard]:
    """``SignalGuard`` installed for the block (the app's run), uninstalled after it."""
    guard = SignalGuard(exit_app, extra_reset=extra_reset)
    guard.install()
    try:
        yield guard
    finally:
        guard.uninstall()
