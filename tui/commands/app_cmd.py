"""Opening the reader app: plain ``newsread`` runs it on the library.

Textual and the app are imported here, when the app runs, never for the other commands.
"""

from __future__ import annotations

import sys

from tui.errors import UsageError, UserError, report
from tui.options import GlobalOptions


def launch(options: GlobalOptions) -> int:
    """Run the Textual reader on the library (the terminal must be interactive)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError("the reader needs a terminal; for scripts use 'newsread summarize' or 'newsread --help'")
    from tui.keymap import KeymapError, load_keymap

    try:
        keymap = load_keymap()
    except KeymapError as exc:
        raise UsageError(str(exc)) from exc
    from tui.library_access import open_library

    library = open_library(options.library)
    from tui.app import NewsreadApp
    from tui.rendering import bidi_exit_sequence, bidi_guard
    from tui.signals import guarded

    bidi_guard(sys.stdout, options.render.bidi)  # app mode: CSI 8 l now (VTE stops reordering), CSI 8 h at exit

    app = NewsreadApp(library, options=options.render, keymap=keymap, debug=options.debug)
    try:
        # SIGTERM, SIGHUP, SIGQUIT...: exit the app the normal way, so the terminal comes back as it was
        with guarded(lambda status: app.exit(return_code=status), extra_reset=bidi_exit_sequence(options.render.bidi)):
            app.run()
    finally:
        library.close()
    if app.crash:
        report(app.crash)
    return app.return_code or 0
