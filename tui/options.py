"""Options that hold for a whole run, built once from the command line and the environment.

A typed value is passed down to whatever needs it (the renderer, the screens, the commands):
nothing reads a mutable global.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class BidiMode(StrEnum):
    """Who shapes and reorders Arabic: newsread (most terminals) or the terminal (VTE, Konsole, mlterm)."""

    APP = "app"
    TERMINAL = "terminal"


class Harakat(StrEnum):
    """Arabic diacritics on screen: dropped (clean in every font) or kept (drawn after their letter)."""

    DROP = "drop"
    KEEP = "keep"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How Arabic is drawn on this terminal."""

    bidi: BidiMode = BidiMode.APP
    harakat: Harakat = Harakat.DROP


@dataclass(frozen=True, slots=True)
class GlobalOptions:
    """The global options of one ``newsread`` run."""

    render: RenderOptions = field(default_factory=RenderOptions)
    library: Path | None = None  # None: the default place in the user's data directory
    debug: bool = False
