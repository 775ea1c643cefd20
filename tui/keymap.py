"""Keys as data: every binding of the reader has an id, and users may rebind it in ``keymap.toml``.

The file lives in the platformdirs config dir (``newsread keymap`` prints nothing yet; the path
is shown in the help screen). It maps binding ids to comma-separated Textual key names::

    [keys]
    cursor-down = "j,down,ctrl+n"
    quit = "ctrl+q"

A top-level table without ``[keys]`` is accepted too.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from textual.binding import Binding

KEYMAP_FILE = "keymap.toml"

# The app's own bindings (quit, help, palette) live on the App; the rest on the main screen.
APP_BINDINGS: list[Binding] = [
    Binding("q", "quit", "Quit", id="quit"),
    Binding("question_mark", "help", "Help", key_display="?", id="help"),
    Binding("ctrl+p", "command_palette", "Commands", show=False, id="command-palette"),
]

MAIN_BINDINGS: list[Binding] = [
    Binding("j,down", "cursor_down", "Down", show=False, id="cursor-down"),
    Binding("k,up", "cursor_up", "Up", show=False, id="cursor-up"),
    Binding("g,home", "cursor_top", "Top", show=False, id="cursor-top"),
    Binding("G,end", "cursor_bottom", "Bottom", show=False, id="cursor-bottom"),
    Binding("space,pagedown", "page_down", "Page down", show=False, id="page-down"),
    Binding("b,pageup", "page_up", "Page up", show=False, id="page-up"),
    Binding("enter", "open", "Open", id="open"),
    Binding("escape", "back", "Back", show=False, id="back"),
    Binding("slash", "search", "Search", key_display="/", id="search"),
    Binding("n", "next_unread", "Next unread", show=False, id="next-unread"),
    Binding("N", "previous_unread", "Prev unread", show=False, id="previous-unread"),
    Binding("r", "toggle_read", "Read", show=False, id="toggle-read"),
    Binding("s", "toggle_star", "Star", show=False, id="toggle-star"),
    Binding("1", "panel('summary')", "Summary", id="panel-summary"),
    Binding("2", "panel('attendees')", "Attendees", id="panel-attendees"),
    Binding("3", "panel('objectives')", "Objectives", id="panel-objectives"),
    Binding("h", "toggle_highlights", "Highlight", show=False, id="toggle-highlights"),
    Binding("o", "show_link", "Link", show=False, id="show-link"),
    Binding("y", "copy", "Copy", show=False, id="copy"),
    Binding("f", "feeds", "Feeds", show=False, id="feeds"),
    Binding("R", "refresh", "Refresh", show=False, id="refresh"),
]


class KeymapError(Exception):
    """The keymap file cannot be used; the message is one line for the user."""


def binding_ids() -> list[str]:
    """Every id a keymap file may rebind."""
    return [b.id for b in (*APP_BINDINGS, *MAIN_BINDINGS) if b.id]


def keymap_path() -> Path:
    """Where the user keymap lives (``NEWSREAD_KEYMAP`` overrides it, for tests and odd setups)."""
    override = os.environ.get("NEWSREAD_KEYMAP")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("newsread")) / KEYMAP_FILE


def parse_keymap(text: str, source: str = KEYMAP_FILE) -> dict[str, str]:
    """Binding id -> keys from TOML text; unknown ids and non-string keys are errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KeymapError(f"{source}: not valid TOML ({exc})") from None
    table = data.get("keys", data)
    if not isinstance(table, dict):
        raise KeymapError(f"{source}: [keys] must be a table of binding ids")
    known = set(binding_ids())
    keymap: dict[str, str] = {}
    for binding_id, keys in table.items():
        if binding_id not in known:
            raise KeymapError(f"{source}: unknown binding id {binding_id!r} (known: {', '.join(sorted(known))})")
        if isinstance(keys, list):
            keys = ",".join(str(k) for k in keys)
        if not isinstance(keys, str) or not keys.strip():
            raise KeymapError(f"{source}: keys for {binding_id!r} must be a non-empty string")
        keymap[binding_id] = ",".join(k.strip() for k in keys.split(",") if k.strip())
    return keymap


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """The user's keymap, or an empty one when there is no file."""
    path = path or keymap_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise KeymapError(f"{path}: {exc.strerror or exc}") from None
    return parse_keymap(text, str(path))
