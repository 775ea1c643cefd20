"""Turning inputs (files, directories, standard input, URLs) into ``Article`` values for the library.

Each kind of input has its own module: plain text and Markdown (``text``), web pages
(``html``), RSS/Atom feeds (``feeds``) and newsread's own JSON export (``articles.export``).
``load`` sniffs the bytes to choose; a failure is an ``ImportFailure`` (a ``LoadError``)
whose message names the input and the reason, so one bad input never stops the others.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from articles.decoding import DecodeError, decode_bytes
from articles.fetch import fetch, is_url
from articles.metadata import check_length, checked
from articles.model import Article
from articles.sources import STDIN, LoadError, read_bytes
from summarize.language import detect_language

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
JSON_SUFFIXES = frozenset({".json"})
LANGUAGE_SAMPLE = 2000  # characters (some 300 words): plenty to tell the language, and import stays fast
KNOWN_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSON_SUFFIXES


PARALLEL_MIN = 200  # below this many inputs, worker processes cost more than they save
MAX_WORKERS = 4


class ImportFailure(LoadError):
    """An input that gave no article; ``str()`` is ``"input: reason"``."""


@dataclass
class Loaded:
    """What one input gave: its articles, and the reasons some parts of it (feed entries) failed."""

    articles: list[Article] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    restores: bool = False  # newsread's own export: an article already stored takes its flags and tags


def expand(refs: Iterable[str]) -> tuple[list[str], list[str]]:
    """Inputs to read, directories walked recursively (known suffixes, no hidden files); and failures."""
    items: list[str] = []
    failures: list[str] = []
    for ref in refs:
        if ref == STDIN or is_url(ref):
            items.append(ref)
            continue
        path = Path(ref)
        if path.is_dir():
            found = sorted(
                str(p)
                for p in path.rglob("*")
                if p.suffix.lower() in KNOWN_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.is_file()
            )
            if not found:
                failures.append(f"{ref}: no article files in this folder ({', '.join(sorted(KNOWN_SUFFIXES))})")
            items.extend(found)
        elif path.is_file():
            items.append(ref)
        elif path.exists():
            failures.append(f"{ref}: not a regular file (a device, pipe or socket), not read")
        else:
            failures.append(f"{ref}: no such file or folder")
    return items, failures


def load(ref: str) -> Loaded:
    """Read and parse one input (path, URL or ``-``); ``LoadError`` when it gives nothing."""
    if is_url(ref):
        fetched = fetch(ref)
        return from_bytes(
            fetched.data, name=ref, source=fetched.url, content_type=fetched.content_type, charset=fetched.charset
        )
    data = read_bytes(ref)
    if ref == STDIN:
        return from_bytes(data, name="standard input", source=None)
    return from_bytes(data, name=ref, source=os.path.abspath(ref))


def _load_or_error(ref: str) -> Loaded | LoadError:
    try:
        return load(ref)
    except LoadError as exc:
        return exc


def _ignore_interrupts(parent: int | None = None) -> None:
    """Workers leave Ctrl-C to the main process, which stops them (no traceback from each worker).

    They also die with it: after a ``kill -9`` of ``newsread add`` they would otherwise print a
    BrokenPipeError traceback each on the user's terminal (Linux: the parent-death signal).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            return
        if parent is not None and os.getppid() != parent:  # the parent died before prctl
            os._exit(1)


def load_all(refs: list[str], *, workers: int | None = None) -> Iterator[tuple[str, Loaded | LoadError]]:
    """Load every input, in order: ``(ref, Loaded)`` or ``(ref, LoadError)``.

    Many inputs are read and parsed in worker processes (parsing is pure CPU work and
    the GIL would serialise it); the caller stores the results in its own process. The
    pool is started before this returns, so it is forked before the caller starts threads.
    """
    count = min(os.cpu_count() or 1, MAX_WORKERS) if workers is None else workers
    parallel = (
        count > 1
        and len(refs) >= PARALLEL_MIN
        and STDIN not in refs
        and "fork" in multiprocessing.get_all_start_methods()
    )
    if not parallel:
        return ((ref, _load_or_error(ref)) for ref in refs)
    pool = multiprocessing.get_context("fork").Pool(count, initializer=_ignore_interrupts, initargs=(os.getpid(),))

    def results() -> Iterator[tuple[str, Loaded | LoadError]]:
        try:
            yield from zip(refs, pool.imap(_load_or_error, refs, chunksize=16), strict=True)
        finally:
            pool.terminate()
            pool.join()

    return results()


def sniff(data: bytes, *, suffix: str = "", content_type: str | None = None) -> str:
    """The kind of input: ``json``, ``feed``, ``html``, ``markdown`` or ``text``."""
    head = data[:4096].replace(b"\x00", b"").decode("latin-1").lstrip("\ufeffï»¿ \t\r\n").lower()
    content_type = (content_type or "").lower()
    if head.startswith(("{", "[")) and (suffix in JSON_SUFFIXES or "json" in content_type or "newsread" in head):
        return "json"
    if any(tag in head for tag in ("<rss", "<feed", "<rdf:rdf")) or content_type in (
        "application/rss+xml",
        "application/atom+xml",
    ):
        return "feed"
    if head.startswith(("<!doctype html", "<html")) or "html" in content_type or suffix in HTML_SUFFIXES:
        return "html"
    if head.startswith("<?xml") or suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in MARKDOWN_SUFFIXES or "markdown" in content_type:
        return "markdown"
    return "text"


def from_bytes(
    data: bytes, *, name: str, source: str | None, content_type: str | None = None, charset: str | None = None
) -> Loaded:
    """Articles from the bytes of one input, by sniffed kind; languages detected where not given."""
    suffix = Path(name.split("?", 1)[0]).suffix.lower()
    kind = sniff(data, suffix=suffix, content_type=content_type)
    try:
        if kind == "json":
            from articles.export import parse_export

            loaded = Loaded(parse_export(_decode(data, name)), restores=True)
        elif kind == "feed":
            from articles.importers.feeds import parse_feed

            loaded = parse_feed(data, source=source or name)
        elif kind == "html":
            from articles.importers.html import parse_html_page

            loaded = Loaded([parse_html_page(data, url=source, charset=charset)])
        else:
            from articles.importers.text import parse_text

            text = _decode(data, name)
            check_length(len(text))  # before the parsing, which a 50 MB text would make wait
            loaded = Loaded([parse_text(text, source=source, markdown=kind == "markdown")])
        loaded.articles = _checked(loaded.articles)
    except ImportFailure:
        raise
    except (ValueError, LookupError) as exc:
        raise ImportFailure(f"{name}: {exc}") from exc
    loaded.failures = [f"{name}: {reason}" for reason in loaded.failures]
    if not loaded.articles and not loaded.failures:
        raise ImportFailure(f"{name}: no article found")
    loaded.articles = [with_language(a) for a in loaded.articles]
    return loaded


def _checked(articles: list[Article]) -> list[Article]:
    """Every article through the one import check (``articles.metadata.checked``); ``ValueError`` names the bad one."""
    out = []
    for number, article in enumerate(articles, 1):
        try:
            out.append(checked(article))
        except ValueError as exc:
            raise ValueError(f"article {number}: {exc}") from exc
    return out


def _decode(data: bytes, name: str) -> str:
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        raise ImportFailure(f"{name}: {exc}") from exc


def with_language(article: Article) -> Article:
    """``article`` with its language set: a given code cut to its base (``en-US`` → ``en``), else detected."""
    if article.language:
        base = article.language.split("-", 1)[0].split("_", 1)[0].lower()
        return article if base == article.language else replace(article, language=base)
    return replace(article, language=detect_language(article.text[:LANGUAGE_SAMPLE]))
