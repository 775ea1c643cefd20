"""Placeholder until the Arabic renderer lands: logical text, unchanged."""

from __future__ import annotations


def render_text(text: str, width: int) -> list[str]:
    """Lines to draw for ``text`` at ``width`` cells."""
    return [text]
