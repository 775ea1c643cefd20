"""The ``newsread`` command line as a Typer app, built from the definitions in ``tui.cli_spec``.

Typer parses, routes and draws ``--help``; the values it hands over are strings that
``tui.cli_spec`` checks and converts, so messages about bad values are newsread's own and the
same as on the fast path. Nothing here imports Textual: only the reader does, when it runs.
"""

from __future__ import annotations

import inspect
import sys
from typing import Any

import typer
from typer._click import exceptions as click  # Typer ships its own Click; its exceptions are these
from typer.core import TyperArgument

from tui import errors
from tui.cli_spec import COMMANDS, GLOBAL_PARAMS, GROUPS, Command, Param, global_options
from tui.execute import execute, guarded
from tui.options import GlobalOptions
from tui.version import version_line


class _WordArgument(TyperArgument):
    """An argument shown by its placeholder as written (``FILE...``), without Typer's braces or type."""

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return name if self.required else f"[{name.strip('[]')}]"

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


def _plain_placeholders(command: Any) -> None:
    """Every argument of ``command`` (and its subcommands) shown as a word."""
    for param in command.params:
        if type(param) is TyperArgument:
            param.__class__ = _WordArgument
    for sub in getattr(command, "commands", {}).values():
        _plain_placeholders(sub)


def _typer_parameter(param: Param) -> inspect.Parameter:
    """One parameter of a generated command function: Typer reads its default and annotation.

    Values reach the command as strings (a default too), for ``Param.convert`` to check."""
    annotation: Any
    if param.is_flag:
        annotation, default = bool, typer.Option(False, *param.flags, help=param.help)
    elif param.flags:
        annotation = list[str] | None if param.many else str | None
        given = None if param.many or param.default is None else str(param.default)
        default = typer.Option(
            given, *param.flags, help=param.help, metavar=param.metavar, envvar=param.envvar, show_default=True
        )
    else:
        annotation = list[str] | None if param.many else str
        default = typer.Argument(... if param.required else None, metavar=param.metavar, help=param.help)
    return inspect.Parameter(param.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


def _with_signature(function: Any, params: tuple[Param, ...]) -> Any:
    context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    parameters = [context, *(_typer_parameter(p) for p in params)]
    function.__signature__ = inspect.Signature(parameters)
    function.__annotations__ = {p.name: p.annotation for p in parameters}
    return function


def _command_function(command: Command) -> Any:
    def run(ctx: typer.Context, **values: Any) -> int:
        options: GlobalOptions = ctx.obj
        return execute(command, options, values)

    run.__name__ = command.name.replace("-", "_").replace(" ", "_")
    run.__doc__ = command.help
    return _with_signature(run, command.params)


def _main_options(ctx: typer.Context, **values: Any) -> None:
    """Read, search and summarize Arabic and English news in the terminal. With no command, open the reader."""
    if values.get("version"):
        print(version_line())
        raise typer.Exit(0)
    ctx.obj = options = global_options(values)
    if ctx.invoked_subcommand is None:
        from tui.commands.app_cmd import launch

        status = guarded(lambda: launch(options), debug=options.debug)
        raise typer.Exit(status)


def build_app() -> typer.Typer:
    """The Typer app: global options on the callback, one command per definition."""
    app = typer.Typer(
        name="newsread",
        help="Read, search and summarize Arabic and English news in the terminal.",
        add_completion=False,
        no_args_is_help=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback(invoke_without_command=True)(_with_signature(_main_options, GLOBAL_PARAMS))
    groups: dict[str, typer.Typer] = {}
    for command in COMMANDS:
        group, _, name = command.name.rpartition(" ")
        target = app
        if group:
            if group not in groups:
                groups[group] = typer.Typer(name=group, help=GROUPS[group], no_args_is_help=True, add_completion=False)
                app.add_typer(groups[group], name=group)
            target = groups[group]
        target.command(name, help=command.help, epilog=command.epilog or None)(_command_function(command))
    return app


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` with Typer and run it; the exit status."""
    args = sys.argv[1:] if argv is None else argv
    command = typer.main.get_command(build_app())
    _plain_placeholders(command)
    try:
        result = command.main(args=args, prog_name="newsread", standalone_mode=False)
    except click.NoArgsIsHelpError as exc:
        print(exc.ctx.get_help() if exc.ctx else str(exc))
        return 0
    except click.UsageError as exc:
        errors.report(f"{exc.format_message()} (see 'newsread {_command_path(exc)}--help')")
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        errors.report("interrupted")
        return errors.INTERRUPTED
    except errors.UserError as exc:  # a bad global option value, checked in the callback
        errors.report(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        errors.report("interrupted")
        return errors.INTERRUPTED
    return result if isinstance(result, int) else 0


def _command_path(exc: click.UsageError) -> str:
    if exc.ctx is None or exc.ctx.info_name in (None, "newsread"):
        return ""
    words = exc.ctx.command_path.split()[1:]  # "newsread feeds add": the words after the program's name
    return " ".join(words) + " " if words else f"{exc.ctx.info_name} "
