"""Opening the reader app (not written yet)."""

from __future__ import annotations

import typer

from tui.errors import UserError


def launch() -> None:
    """Run the Textual reader on the library."""
    raise UserError("the reader app is not built yet; try 'newsread summarize sample:seed-ar'")


def register(app: typer.Typer) -> None:
    """The app has no subcommand: plain ``newsread`` opens it."""
