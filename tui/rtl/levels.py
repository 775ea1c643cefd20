"""Unicode bidi embedding levels of one paragraph (UAX #9 rules P to I, bracket pairs included).

python-bidi 0.6 (Rust unicode-bidi) resolves them but its public API only returns the
reordered string, which is useless once the paragraph is wrapped: UAX #9 resolves levels on
the whole paragraph and reorders each line separately. Its ``debug=True`` output holds the
levels, so they are read from there (one level per UTF-8 byte). If a future release changes
that output, the legacy pure-Python ``bidi.algorithm`` (no bracket pairing) takes over.
"""

from __future__ import annotations

import re
import unicodedata

_LEVEL = re.compile(r"Level\(\s*(\d+)")
_NOT_RTL_ONLY = frozenset(("L", "EN", "AN", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"))


def first_strong_level(text: str) -> int | None:
    """1 if the first strong character is right-to-left, 0 if left-to-right, None if there is none."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return 0
        if kind in ("R", "AL"):
            return 1
    return None


def has_rtl(text: str) -> bool:
    """Whether anything in ``text`` needs the bidi algorithm (right-to-left letters or Arabic digits)."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL", "AN") for ch in text)


def resolve_levels(text: str, para_level: int) -> list[int]:
    """Embedding level of every character of ``text`` with the paragraph level forced."""
    if not text:
        return []
    if para_level == 1 and not any(unicodedata.bidirectional(ch) in _NOT_RTL_ONLY for ch in text):
        return [1] * len(text)  # only right-to-left letters and neutrals: everything resolves to 1
    levels = _rust_levels(text, para_level)
    return levels if levels is not None else _legacy_levels(text, para_level)


def _rust_levels(text: str, para_level: int) -> list[int] | None:
    from bidi import get_display

    try:
        debug = get_display(text, base_dir="R" if para_level else "L", debug=True)
        body = debug[debug.index("levels:") : debug.index("paragraphs:")]
    except (ValueError, TypeError):
        return None
    per_byte = _LEVEL.findall(body)
    levels: list[int] = []
    pos = 0
    for ch in text:
        if pos >= len(per_byte):
            return None
        levels.append(int(per_byte[pos]))
        pos += len(ch.encode("utf-8"))
    return levels if pos == len(per_byte) else None


def _legacy_levels(text: str, para_level: int) -> list[int]:
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    storage["base_level"] = para_level
    storage["base_dir"] = ("L", "R")[para_level]
    algorithm.get_embedding_levels(text, storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    return [c["level"] for c in storage["chars"]]
