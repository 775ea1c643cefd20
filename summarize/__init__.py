"""Text analysis, pure: ``analyze(text)`` for one article, ``analyze_many(texts, jobs=...)`` for a corpus.

``from summarize import analyze, analyze_many`` is the public API; both are loaded on first use, so
``import summarize`` (and every ``summarize.*`` module) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarize.analysis import Analysis, analyze
    from summarize.batch import Document, Result, analyze_many

__all__ = ["Analysis", "Document", "Result", "analyze", "analyze_many"]

_HOMES = {
    "Analysis": "summarize.analysis",
    "analyze": "summarize.analysis",
    "Document": "summarize.batch",
    "Result": "summarize.batch",
    "analyze_many": "summarize.batch",
}


def __getattr__(name: str) -> Any:
    """The public names, imported when first asked for (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'summarize' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
