"""Options that hold for the whole run, set once by the CLI's global options."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Settings:
    debug: bool = False
    bidi: str = "app"  # "app": newsread shapes and reorders Arabic; "terminal": the terminal does
    library: str | None = None  # path of the SQLite library; None means the default place
    harakat: str = "drop"  # "drop": Arabic diacritics left out on screen; "keep": drawn after their letter


SETTINGS = Settings()
