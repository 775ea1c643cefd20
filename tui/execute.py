"""Running one command the way every path runs it: typed options in, an exit status out.

Errors become one line on stderr (``tui.errors``); Ctrl-C is "interrupted" with status 130; a
bug is one line too, with the traceback only under ``--debug``. Both the Typer CLI and the fast
path call ``execute``, so a command behaves the same whichever way it was reached.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from tui import errors
from tui.cli_spec import Command, convert_all
from tui.options import GlobalOptions


def execute(command: Command, options: GlobalOptions, values: Mapping[str, Any]) -> int:
    """Check ``values`` against ``command``'s parameters and run it; the exit status."""

    def run() -> int:
        return command.load()(options, **convert_all(command, values))

    return guarded(run, debug=options.debug)


def guarded(run: Callable[[], int], *, debug: bool) -> int:
    """``run()``'s exit status, with every failure turned into one line on stderr."""
    try:
        return run()
    except errors.UserError as exc:
        errors.report(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        errors.report("interrupted")
        return errors.INTERRUPTED
    except Exception as exc:
        if debug:
            raise
        errors.report(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
        return 1
