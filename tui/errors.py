"""How newsread tells a user something went wrong: one line on stderr and an exit status.

``UserError`` is a failure the user can act on (exit 1 unless said otherwise); ``UsageError`` a
command line newsread cannot read (exit 2). Anything else is a bug: one line naming it, and the
traceback only with ``--debug``.
"""

from __future__ import annotations

import sys

INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


class UserError(Exception):
    """A failure the user can act on; the message is shown as is, without a traceback."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


class UsageError(UserError):
    """A command line that cannot be used as given (exit status 2)."""

    def __init__(self, message: str):
        super().__init__(message, exit_code=2)


def report(message: str) -> None:
    """Print ``newsread: message`` on stderr, on one line."""
    from tui.sanitize import for_terminal

    line = for_terminal(" ".join(str(message).split()), one_line=True)  # file names and feed titles are untrusted
    say(f"newsread: {line}")


def say(line: str) -> None:
    """Write ``line`` to stderr; nothing when stderr was closed (``2>&-``), where print() would use stdout."""
    if sys.stderr is not None:
        print(line, file=sys.stderr, flush=True)


def stderr_is_terminal() -> bool:
    """Whether progress may be drawn: stderr is open and a terminal."""
    return sys.stderr is not None and sys.stderr.isatty()
