"""Opening the reader app: plain ``newsread`` runs it on the library.

Textual and the app are imported here, when the app runs, never for the other commands.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from tui.errors import UserError

if TYPE_CHECKING:
    import typer


def launch() -> None:
    """Run the Textual reader on the library (the terminal must be interactive)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError("the reader needs a terminal; for scripts use 'newsread summarize' or 'newsread --help'")
    from tui.keymap import KeymapError, load_keymap

    try:
        keymap = load_keymap()
    except KeymapError as exc:
        raise UserError(str(exc), exit_code=2) from exc
    from tui.library_access import open_library

    library = open_library()
    from tui.app import NewsreadApp
    from tui.rendering import bidi_guard

    bidi_guard(sys.stdout)  # --bidi app: CSI 8 l now (VTE stops reordering what we reorder), CSI 8 h at exit
    try:
        NewsreadApp(library, keymap=keymap).run()
    finally:
        library.close()


def register(app: typer.Typer) -> None:
    """The app has no subcommand: plain ``newsread`` opens it."""
