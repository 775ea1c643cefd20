"""The reader app: a keyboard-first Textual app on the library.

Start-up draws the list from one count and one page of rows; summarize (sumy, NLTK) is imported
only by the analysis worker, after the first paint.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from articles.store import Library
from tui.keymap import APP_BINDINGS, MAIN_BINDINGS
from tui.options import RenderOptions
from tui.screens.main import MainScreen

_FROZEN = False
# The UI thread writes marks (r, s, enter); another process may hold the write lock for long (an import,
# a stuck writer): the app waits this long, then says so in a notice instead of freezing for a minute.
UI_BUSY_TIMEOUT_S = 1.0


class NewsreadApp(App[None]):
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses elsewhere still find it
    TITLE = "newsread"
    BINDINGS = APP_BINDINGS  # type: ignore[assignment]  # Textual's list type is invariant

    def __init__(
        self,
        library: Library,
        *,
        options: RenderOptions = RenderOptions(),
        worker_library: Callable[[], Library] | None = None,
        keymap: dict[str, str] | None = None,
        debug: bool = False,
    ) -> None:
        super().__init__()
        self.library = library
        library.set_busy_timeout(UI_BUSY_TIMEOUT_S)
        self.options = options
        self._worker_library = worker_library or (lambda: type(library)(library.path))
        self.tracebacks = debug  # --debug: Textual's own traceback on a crash
        self.crash: str | None = None  # a bug's one-line description, printed by the caller after exit
        self.user_keymap = dict(keymap or {})
        self.first_paint: float | None = None  # perf_counter() when the main screen was first drawn

    def run(self, *args: Any, **kwargs: Any) -> Any:
        global _FROZEN
        if not _FROZEN:
            # Everything imported so far (Textual, Rich, the store, the renderer: some 200,000
            # objects) lives as long as the process. Moved out of the collector's reach, they are
            # not scanned again: otherwise the first full collection lands in the first frame and
            # walks them all (~20 ms, a fifth of start-up), and later ones stall key presses.
            gc.freeze()
            _FROZEN = True
        return super().run(*args, **kwargs)

    def get_default_screen(self) -> Screen:
        return MainScreen(
            self.library, self.options, worker_library=self.open_worker_library, on_first_paint=self.painted
        )

    def on_mount(self) -> None:
        if self.user_keymap:
            self.set_keymap(self.user_keymap)

    def painted(self) -> None:
        if self.first_paint is None:
            self.first_paint = time.perf_counter()

    def open_worker_library(self) -> Library:
        """A library connection for the calling worker thread (SQLite connections stay in their thread);
        it waits no longer for a lock than the UI does: quitting waits for the workers."""
        library = self._worker_library()
        library.set_busy_timeout(UI_BUSY_TIMEOUT_S)
        return library

    def _fatal_error(self) -> None:
        """A bug: Textual would print a traceback after exit; without ``--debug`` it is one line (``crash``)."""
        if self.tracebacks:
            super()._fatal_error()
            return
        error = self._exception
        self.crash = f"internal error: {type(error).__name__}: {error} (run with --debug for details)"
        self._close_messages_no_wait()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.user_keymap))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            for binding in MAIN_BINDINGS:
                keys = self.user_keymap.get(binding.id or "", binding.key)
                yield SystemCommand(
                    binding.description, f"{binding.id} ({keys})", partial(screen.run_action, binding.action)
                )
        yield SystemCommand("Help", "Every key and the keymap file (?)", self.action_help)
