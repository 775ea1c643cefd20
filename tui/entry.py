"""The ``newsread`` console script: plain ``newsread`` opens the reader without loading Typer.

The reader's time to first paint is the product's first impression, and Typer (with the
option parsing it pulls in) costs tens of milliseconds before anything is drawn. When the
command line holds only the global options, the app starts straight away; everything else
(a command, ``--help``, an option this fast path does not know) goes to the full CLI in
``tui.cli``, which also reports any usage error.
"""

from __future__ import annotations

import os
import sys

from tui.settings import SETTINGS

_CHOICES = {"--bidi": ("app", "terminal"), "--harakat": ("drop", "keep")}
_ENVIRONMENT = {"--bidi": "NEWSREAD_BIDI", "--harakat": "NEWSREAD_HARAKAT", "--library": "NEWSREAD_LIBRARY"}


def global_options_only(args: list[str]) -> dict[str, str] | None:
    """The global options when ``args`` holds nothing else (and every value is valid), else None."""
    options = {flag: os.environ[name] for flag, name in _ENVIRONMENT.items() if os.environ.get(name)}
    position = 0
    while position < len(args):
        flag, _, value = args[position].partition("=")
        if flag == "--debug" and not value:
            options[flag] = "1"
            position += 1
            continue
        if flag not in _ENVIRONMENT:
            return None
        if not value:
            if position + 1 >= len(args):
                return None
            value = args[position + 1]
            position += 1
        options[flag] = value
        position += 1
    for flag, allowed in _CHOICES.items():
        if options.get(flag, allowed[0]) not in allowed:
            return None
    return options


def run() -> None:
    """``[project.scripts]`` target."""
    options = global_options_only(sys.argv[1:])
    if options is None:
        try:
            from tui.cli import run as run_cli
        except KeyboardInterrupt:  # Ctrl-C while the CLI still loads: the same one line as later
            print("newsread: interrupted", file=sys.stderr)
            sys.exit(130)
        run_cli()
        return
    from tui import errors

    SETTINGS.debug = errors.DEBUG = "--debug" in options
    SETTINGS.bidi = options.get("--bidi", "app")
    SETTINGS.harakat = options.get("--harakat", "drop")
    SETTINGS.library = options.get("--library") or None
    try:
        from tui.commands.app_cmd import launch

        launch()
    except errors.UserError as exc:
        errors.report(str(exc))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        errors.report("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    run()
