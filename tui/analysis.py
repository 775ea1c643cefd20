"""What the reader's side panels show for one article: summary, attendees, objectives.

The result is a plain JSON-serializable dict (so the store can cache it) tagged with a version
that names the analysers which produced it; a new analyser version means a cache miss, never a
stale panel. The summarize modules are imported inside :func:`analyze`, which the app runs in a
worker thread after the first paint: start-up never pays for sumy or NLTK.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import importlib.metadata
from functools import cache
from pathlib import Path
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


@cache
def analyzer_version() -> str:
    """The cache key next to the content hash: the panel format, sumy's version and a digest of
    the analysers' code and rules, so any change to them (one new cue word) misses the cache."""
    import summarize

    return f"app{FORMAT};sumy={_sumy_version()};summarize={code_digest(Path(summarize.__file__).parent)}"


def code_digest(root: Path) -> str:
    """A short digest of every Python file under ``root``, names included."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _sumy_version() -> str:
    try:
        return importlib.metadata.version("sumy")
    except importlib.metadata.PackageNotFoundError:
        return "none"


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
