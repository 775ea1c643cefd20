"""The library's cache of analyses: one per article content and analyzer version.

The version names everything an analysis depends on: the contract's ``FORMAT``, a digest of every
file of the ``summarize`` package (code, rules and model weights) and the versions of the
libraries it calls. Any change to them (one new cue word) misses the cache: never a stale panel.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

from articles.store import LibraryError
from summarize.analysis import FORMAT, Analysis, analyze

if TYPE_CHECKING:
    from articles.model import Article
    from articles.store import Library

# Libraries whose behaviour shapes an analysis: sumy (stop words, methods), pysbd (English sentences).
DEPENDENCIES = ("sumy", "pysbd")


@cache
def analyzer_version() -> str:
    """The cache key next to the content hash."""
    versions = ",".join(f"{name}={_version(name)}" for name in DEPENDENCIES)
    return f"format{FORMAT};summarize={code_digest(files('summarize'))};{versions}"


def code_digest(root: Traversable) -> str:
    """A short digest of every file under ``root`` (names included), compiled caches left out."""
    digest = hashlib.sha256()
    for name, data in sorted(_files(root, "")):
        digest.update(name.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:16]


def _files(folder: Traversable, prefix: str) -> list[tuple[str, bytes]]:
    found = []
    for entry in folder.iterdir():
        if entry.name == "__pycache__" or entry.name.endswith((".pyc", ".pyo")):
            continue
        name = f"{prefix}{entry.name}"
        found.extend(_files(entry, name + "/") if entry.is_dir() else [(name, entry.read_bytes())])
    return found


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "none"


def analysis_of(
    library: Library,
    article: Article,
    *,
    analyse: Callable[[str, str | None], Analysis] = analyze,
) -> Analysis:
    """The article's analysis from the cache, else computed by ``analyse(text, language)`` (which may
    raise ``summarize.analysis.Cancelled``) and stored."""
    version = analyzer_version()
    found = library.cached_analysis(article.content_hash, version)
    if found is None:
        found = analyse(article.text, article.language)
        # the cache is a convenience: a full disk or a busy library costs a recomputation later, not the result
        with contextlib.suppress(LibraryError):
            library.store_analysis(article.content_hash, version, found)
    return found


BATCH = 100


def analyse_library(
    library: Library,
    *,
    analyse: Callable[[str, str | None], Analysis] = analyze,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> int:
    """Make sure every article has an analysis of this version, and its attendees in the people index;
    newest first, resumable (what is done is skipped quickly). How many articles were analysed.

    An analysis cached before the people index existed is indexed without being computed again."""
    version = analyzer_version()
    total, done, computed = library.count(), 0, 0
    after = None
    while not cancelled():
        rows = library.page(after=after, limit=BATCH)
        if not rows:
            break
        for row in rows:
            if cancelled():
                return computed
            try:
                article = library.get(row.id)
            except KeyError:  # removed meanwhile
                continue
            if not library.people_indexed(article.content_hash, version):
                cached = library.cached_analysis(article.content_hash, version)
                if cached is not None:
                    library.index_people(article.content_hash, version, cached)
                else:
                    library.store_analysis(article.content_hash, version, analyse(article.text, article.language))
                    computed += 1
            done += 1
        progress(done, total)
        after = rows[-1].key
    return computed
