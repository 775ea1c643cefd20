"""What the reader's side panels show for one article: summary, attendees, objectives.

The result is a plain JSON-serializable dict (so the store can cache it) tagged with a version
that names the analysers which produced it; a new analyser version means a cache miss, never a
stale panel. The summarize modules are imported inside :func:`analyze`, which the app runs in a
worker thread after the first paint: start-up never pays for sumy or NLTK.
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import Any

from articles.model import Article

FORMAT = 1  # bump when the dict's shape changes
SUMMARY_SENTENCES = 3


def jsonable(value: Any) -> Any:
    """Frozen dataclasses, tuples and enums turned into JSON-ready dicts, lists and strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _optional(module: str, name: str) -> Any | None:
    """An analyser that may not be installed yet (extraction landed after the app)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def analyzer_version() -> str:
    """Names every analyser and its version: the cache key next to the content hash."""
    parts = [f"app{FORMAT}"]
    for module in ("summarize.summary", "summarize.attendees", "summarize.objectives"):
        try:
            mod = importlib.import_module(module)
        except ImportError:
            parts.append(f"{module.rsplit('.', 1)[1]}=none")
            continue
        parts.append(f"{module.rsplit('.', 1)[1]}={getattr(mod, 'VERSION', getattr(mod, '__version__', '1'))}")
    return ";".join(parts)


def analyze(article: Article, *, cancelled: Any = None) -> dict[str, Any]:
    """Summary, attendees and objectives of ``article``; ``cancelled()`` stops early (returns {})."""
    from summarize.language import detect_language
    from summarize.summary import summarize_text

    text = article.text
    lang = article.language or detect_language(text)
    result: dict[str, Any] = {"version": analyzer_version(), "language": lang, "errors": {}}
    summary = summarize_text(text, count=SUMMARY_SENTENCES, language=lang)
    result["summary"] = [
        {"index": c.index, "text": c.text, "score": c.score, "start": c.start, "end": c.end} for c in summary.chosen
    ]
    if cancelled and cancelled():
        return {}
    extract_attendees = _optional("summarize.attendees", "extract_attendees")
    result["attendees"], result["groups"] = [], []
    if extract_attendees is None:
        result["errors"]["attendees"] = "attendee extraction is not installed"
    else:
        found = jsonable(extract_attendees(text, lang))
        if isinstance(found, dict):
            result["attendees"] = found.get("attendees") or found.get("people") or []
            result["groups"] = found.get("groups") or []
        else:
            result["attendees"] = found or []
    if cancelled and cancelled():
        return {}
    extract_objectives = _optional("summarize.objectives", "extract_objectives")
    result["objectives"] = []
    if extract_objectives is None:
        result["errors"]["objectives"] = "objective extraction is not installed"
    else:
        found = jsonable(extract_objectives(text, lang))
        if isinstance(found, dict):
            found = found.get("lists") or found.get("objectives") or [found]
        result["objectives"] = found or []
    return result
