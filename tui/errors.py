"""How the CLI tells a user something went wrong: one line on stderr."""

from __future__ import annotations

import sys

DEBUG = False


class UserError(Exception):
    """A failure the user can act on; the message is shown as is, without a traceback."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


def report(message: str) -> None:
    """Print ``newsread: message`` on stderr, on one line."""
    from tui.sanitize import for_terminal

    line = for_terminal(" ".join(str(message).split()), one_line=True)  # file names and feed titles are untrusted
    print(f"newsread: {line}", file=sys.stderr, flush=True)
