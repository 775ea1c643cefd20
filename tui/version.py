"""The version users see (``newsread --version``); pyproject.toml reads it from ``tui.__version__``."""

from __future__ import annotations

from tui import __version__


def version_line() -> str:
    return f"newsread {__version__}"
