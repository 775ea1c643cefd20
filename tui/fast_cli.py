"""The fast path: a command line read with ``argparse`` from the same definitions Typer reads.

Scripts call ``newsread summarize`` (or ``extract``, ``list``, ``search``) once per file in a
loop; Typer's start-up (its option coercion loads pydantic, over 100 ms) would cost more than the
work. This parser only has to recognise a correct command line: for ``--help``, or anything it
cannot read, it answers None and the Typer CLI takes over, so help and usage errors look the same
whichever path a command line takes.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from typing import Any

from tui.cli_spec import GLOBAL_PARAMS, Command

_HELP = frozenset({"-h", "--help"})


class _Unreadable(Exception):
    """argparse met something it cannot read: leave it to the full CLI."""


class _QuietParser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # never print or exit: the Typer CLI will report it
        raise _Unreadable(message)


def split_globals(args: Sequence[str]) -> tuple[dict[str, Any], list[str]] | None:
    """The global options before the command (as given), and the rest; None for anything unusual."""
    by_flag = {flag: param for param in GLOBAL_PARAMS for flag in param.flags}
    given: dict[str, Any] = {}
    position = 0
    while position < len(args) and args[position].startswith("-") and args[position] != "-":
        flag, equals, value = args[position].partition("=")
        param = by_flag.get(flag)
        if param is None:
            return None
        if param.is_flag:
            if equals:
                return None
            given[param.name] = True
        elif equals:
            given[param.name] = value
        elif position + 1 < len(args):
            position += 1
            given[param.name] = args[position]
        else:
            return None
        position += 1
    return given, list(args[position:])


def parse(command: Command, args: Sequence[str]) -> Mapping[str, Any] | None:
    """``command``'s values (strings, as given) from ``args``; None when the full CLI should read them."""
    if _HELP.intersection(args):
        return None
    parser = _QuietParser(prog=command.name, add_help=False, allow_abbrev=False)
    for param in command.params:
        if not param.flags:
            nargs = ("+" if param.required else "*") if param.many else None
            parser.add_argument(param.name, nargs=nargs)
        elif param.is_flag:
            parser.add_argument(*param.flags, dest=param.name, action="store_true")
        else:
            parser.add_argument(*param.flags, dest=param.name, action="append" if param.many else "store")
    try:
        namespace = parser.parse_args(list(args))
    except _Unreadable:
        return None
    return vars(namespace)
