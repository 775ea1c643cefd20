"""The one place article text is made safe to write out: no article may drive the terminal.

Text from the web can carry ESC (and with it every CSI, OSC, DCS sequence: colours, cursor
moves, OSC 52 clipboard writes, OSC 8 links), C1 controls (0x80-0x9F, which some terminals
read as CSI/OSC), BEL, backspace, carriage return or NUL, and bidi overrides or isolates
(U+202A-U+202E, U+2066-U+2069) that would reorder what newsread draws around them.

* ``for_terminal`` is for every text line the CLI writes (to a terminal or a pipe, which may
  well be ``less -R`` or a terminal later): C0, DEL and C1 controls become visible Unicode
  "control pictures" (ESC shows as ``␛``), bidi overrides and isolates are dropped. The
  implicit marks Arabic text uses (LRM U+200E, RLM U+200F, ALM U+061C) are kept. Newlines
  and tabs are kept unless ``one_line``.
* ``escape_json`` takes JSON text (from ``json.dumps``) and writes those same characters as
  ``\\uXXXX`` escapes, so the JSON is unchanged in meaning but has no raw control in it.
"""

from __future__ import annotations

import re

# Everything below 0x20 but TAB and LF, DEL, C1; bidi embeddings/overrides/isolates; deprecated format chars.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Bidi embeddings, overrides, isolates and the deprecated format characters: never written, anywhere.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069\u206a-\u206f"
_UNSAFE = re.compile(f"[{_CONTROLS}{BIDI_CONTROLS}]")
_UNSAFE_ONE_LINE = re.compile(f"[\t\n\u2028\u2029{_CONTROLS}{BIDI_CONTROLS}]")
# In JSON text, C0 controls are already escaped by json.dumps; the rest are not (with ensure_ascii=False).
_UNSAFE_JSON = re.compile(f"[\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029]")

_BIDI_SET = frozenset(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x2070)])


def _picture(code: int) -> str:
    """A visible stand-in for a control: U+2400 + code for C0 (``␛``), ``␡`` for DEL, U+FFFD for C1."""
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


_PICTURES = {chr(c): _picture(c) for c in [*range(0x20), *range(0x7F, 0xA0)]} | dict.fromkeys(_BIDI_SET, "")
_PICTURES["\n"] = _PICTURES["\t"] = _PICTURES["\u2028"] = _PICTURES["\u2029"] = " "  # only matched with one_line


def for_terminal(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control neutralized (shown as a picture) and bidi overrides/isolates dropped."""
    pattern = _UNSAFE_ONE_LINE if one_line else _UNSAFE
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: _PICTURES[m.group()], text)


def escape_json(document: str) -> str:
    """JSON text with DEL, C1 controls, bidi controls and line/paragraph separators as ``\\uXXXX`` escapes.

    Safe on any output of ``json.dumps``: these characters can only stand inside strings there.
    """
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def is_terminal_safe(text: str) -> bool:
    """Whether ``text`` holds no C0 (but TAB/LF), DEL, C1 or bidi override/isolate character."""
    return not _UNSAFE.search(text)


def web_link(source: str | None) -> str | None:
    """``source`` if it is an ``http(s)`` address fit to hand to the terminal as an OSC 8 link or to the
    clipboard, else ``None``: ``file:`` and ``javascript:`` are no links to click, and a control, bidi
    control or line break in one (``ESC [201~`` then a newline ends a bracketed paste) is paste-jacking."""
    if not source or not source.lower().startswith(("http://", "https://")):
        return None
    if not is_terminal_safe(source) or any(c.isspace() for c in source):
        return None
    return source
