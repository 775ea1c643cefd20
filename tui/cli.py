"""The ``newsread`` command line: one Typer app, one module per command group.

Errors reach the user as one line on stderr with a non-zero exit code; ``--debug``
shows the traceback instead. Nothing here imports Textual: only the app command does,
when it runs.
"""

from __future__ import annotations

import sys
from enum import StrEnum

import typer
from typer._click import exceptions as click  # Typer ships its own Click; its exceptions are these

from tui import errors
from tui.settings import SETTINGS

INTERRUPTED = 130


class BidiMode(StrEnum):
    app = "app"
    terminal = "terminal"


class Harakat(StrEnum):
    drop = "drop"
    keep = "keep"


app = typer.Typer(
    name="newsread",
    help="Read, search and summarize Arabic and English news in the terminal.",
    add_completion=False,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback(invoke_without_command=True)
def main_options(
    ctx: typer.Context,
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors."),
    bidi: BidiMode = typer.Option(
        BidiMode.app,
        "--bidi",
        envvar="NEWSREAD_BIDI",
        help="app: newsread shapes and reorders Arabic (most terminals); "
        "terminal: the terminal does (VTE, Konsole, mlterm).",
    ),
    harakat: Harakat = typer.Option(
        Harakat.drop,
        "--harakat",
        envvar="NEWSREAD_HARAKAT",
        help="Arabic diacritics on screen: drop (clean in every font) or keep (drawn after their letter).",
    ),
    library: str | None = typer.Option(
        None, "--library", envvar="NEWSREAD_LIBRARY", help="The library file (SQLite); default in your data directory."
    ),
) -> None:
    """Read, search and summarize Arabic and English news in the terminal. With no command, open the reader."""
    errors.DEBUG = SETTINGS.debug = debug
    SETTINGS.bidi = bidi.value
    SETTINGS.library = library
    SETTINGS.harakat = harakat.value
    if ctx.invoked_subcommand is None:
        from tui.commands import app_cmd

        app_cmd.launch()


def _register_commands() -> None:
    from tui.commands import app_cmd, extract_cmd, library_cmd, summarize_cmd

    for module in (summarize_cmd, extract_cmd, library_cmd, app_cmd):
        module.register(app)


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point; returns the exit code."""
    _register_commands()
    args = sys.argv[1:] if argv is None else argv
    errors.DEBUG = "--debug" in args
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="newsread", standalone_mode=False)
    except click.NoArgsIsHelpError as exc:
        print(exc.ctx.get_help() if exc.ctx else str(exc))
        return 0
    except click.UsageError as exc:
        errors.report(f"{exc.format_message()} (see 'newsread {_command_path(exc)}--help')")
        return 2
    except typer.Abort:
        errors.report("interrupted")
        return INTERRUPTED
    except errors.UserError as exc:
        errors.report(str(exc))
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        errors.report("interrupted")
        return INTERRUPTED
    except Exception as exc:
        if errors.DEBUG:
            raise
        errors.report(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
        return 1
    if result == INTERRUPTED:  # Typer turns Ctrl-C into exit code 130 without a word
        errors.report("interrupted")
    return result if isinstance(result, int) else 0


def _command_path(exc: click.UsageError) -> str:
    if exc.ctx is None or exc.ctx.info_name in (None, "newsread"):
        return ""
    return f"{exc.ctx.info_name} "


def run() -> None:
    """``[project.scripts]`` target."""
    sys.exit(main())


if __name__ == "__main__":
    run()
