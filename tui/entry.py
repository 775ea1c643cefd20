"""The ``newsread`` console script: the reader and the script commands start without Typer.

The reader's time to first paint, and the start-up of ``newsread summarize`` in a shell loop,
are the product's first impression; Typer (with the pydantic coercion it loads) costs over
100 ms before any work. So the global options are read here from the shared definitions, plain
``newsread`` opens the reader, the fast commands are read by ``tui.fast_cli``; everything else
(``--help``, other commands, a command line these cannot read) goes to the Typer CLI in ``tui.cli``.
"""

from __future__ import annotations

import signal
import sys

from tui import errors


def main(args: list[str]) -> int:
    """Run ``newsread args``; the exit status."""
    from tui.cli_spec import COMMANDS_BY_NAME, global_options
    from tui.execute import execute, guarded
    from tui.fast_cli import parse, split_globals

    split = split_globals(args)
    if split is not None:
        given, rest = split
        if given.get("version"):
            from tui.version import version_line

            print(version_line())
            return 0
        try:
            options = global_options(given)
        except errors.UserError as exc:
            errors.report(str(exc))
            return exc.exit_code
        if not rest:
            from tui.commands.app_cmd import launch

            return guarded(lambda: launch(options), debug=options.debug)
        command = COMMANDS_BY_NAME.get(rest[0])
        if command is not None and command.fast:
            values = parse(command, rest[1:])
            if values is not None:
                return execute(command, options, values)
    from tui.cli import main as typer_main

    return typer_main(args)


def run() -> None:
    """``[project.scripts]`` target."""
    # A closed pipe ends the process quietly with the status shells know (141), as it does for cat.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        status = main(sys.argv[1:])
    except KeyboardInterrupt:  # Ctrl-C while still importing: the same one line as later
        errors.report("interrupted")
        status = errors.INTERRUPTED
    sys.exit(status)


if __name__ == "__main__":
    run()
