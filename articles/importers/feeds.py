"""RSS and Atom feeds (feedparser), refused when they declare XML entities.

Entity declarations are how "billion laughs" expansion and external-entity reads get
in; no real news feed needs them, so defusedxml checks every feed before feedparser
sees it. The check reads the feed as feedparser will, decoded to UTF-8 by feedparser's own
detection first: in EBCDIC or UTF-16, ``<!ENTITY`` is not the ASCII bytes a check could look for.
Each entry becomes one article; an entry without any text is reported, not stored.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from articles.feed_entries import FeedEntry
from articles.importers.html import fragment_paragraphs
from articles.metadata import check_length
from articles.model import Article

MAX_ENTRIES = 10_000  # a feed lists recent items (100,000 took 15 s and 270 MB): refused up front
# feedparser reads <ITEM> and <Entry> as entries too: so must the count
_ENTRY_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]", re.IGNORECASE)


MAX_ID_CHARS = 2000  # a guid or link longer than any real one is dropped, not stored
_PERIOD_S = {"hourly": 3600, "daily": 86400, "weekly": 7 * 86400, "monthly": 30 * 86400, "yearly": 365 * 86400}


@dataclass(frozen=True)
class ParsedFeed:
    """A feed read for a subscription: its own title and link, how often it says to poll, its entries,
    and the reasons any entry was skipped."""

    title: str | None
    site_url: str | None
    interval_s: int | None  # from <ttl> (minutes) or sy:updatePeriod / sy:updateFrequency
    entries: tuple[FeedEntry, ...] = ()
    failures: tuple[str, ...] = field(default=())


class TooManyEntries(ValueError):
    """The feed has more entries than one import takes."""


class UnsafeFeed(ValueError):
    """The feed declares entities or a DTD that could expand or read files."""


def check_safe(data: bytes) -> None:
    """Raise ``UnsafeFeed`` if the XML declares entities (internal or external)."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsafeFeed("feed refused: it declares XML entities (unsafe)") from exc
    except ParseError:
        # Malformed XML (feedparser may still read it): refuse entity declarations on sight.
        lowered = data.replace(b"\x00", b"").lower()
        if b"<!entity" in lowered:
            raise UnsafeFeed("feed refused: it declares XML entities (unsafe)") from None


def as_utf8(data: bytes) -> bytes:
    """The feed in UTF-8, decoded as feedparser decodes it (BOM, EBCDIC and UTF-16 sniffing, the XML declaration)."""
    from feedparser.encodings import convert_to_utf8

    return convert_to_utf8({}, data, {})


def _iso(parsed: object) -> str | None:
    if not parsed:
        return None
    try:
        return datetime(*parsed[:6], tzinfo=UTC).isoformat()  # type: ignore[index,misc]
    except (TypeError, ValueError):
        return None


def _entry_article(entry: dict, *, feed_source: str, language: str | None) -> Article | None:
    html = ""
    if entry.get("content"):
        html = max((part.get("value", "") for part in entry["content"]), key=len)
    if not html.strip():
        html = entry.get("summary", "") or ""
    check_length(len(html))  # ValueError: this entry fails, the others are imported
    paragraphs = fragment_paragraphs(html) if html.strip() else []
    title_parts = fragment_paragraphs(entry.get("title", "") or "")
    title = " ".join(title_parts)
    if not paragraphs:
        return None
    if not title:
        title = paragraphs[0] if len(paragraphs[0]) <= 120 else paragraphs[0][:119].rstrip() + "…"
    tags = tuple(dict.fromkeys(t.get("term", "").strip() for t in entry.get("tags", []) if t.get("term", "").strip()))
    return Article(
        title=title,
        paragraphs=tuple(paragraphs),
        language=entry.get("language") or language,
        source=entry.get("link") or feed_source,
        published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        tags=tags,
    )


def _parsed(data: bytes, *, allow_empty: bool = False) -> Any:
    """feedparser's reading of ``data`` after the safety checks (entities, entry count)."""
    import feedparser

    data = as_utf8(data)  # the checks below and feedparser then read the very same text
    check_safe(data)
    entries = len(_ENTRY_TAG.findall(data))
    if entries > MAX_ENTRIES:
        raise TooManyEntries(f"feed has {entries} entries, more than {MAX_ENTRIES}: not imported")
    # No HTML sanitizing: an entry's HTML is only ever read for its text (``fragment_paragraphs``, which drops
    # the elements whose text the sanitizer would drop), never shown as HTML; sanitizing cost a quarter of a
    # refresh's CPU for the same paragraphs.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False)
    if not parsed.entries:
        if parsed.get("bozo") and not (allow_empty and parsed.get("version")):
            raise ValueError(f"not a readable feed ({parsed.get('bozo_exception')})")
        if not allow_empty:
            raise ValueError("the feed has no entries")
    return parsed


def _entries(parsed: Any, source: str) -> tuple[list[tuple[Any, Article]], list[str]]:
    """(feedparser entry, article) for each entry with text, and the reasons the others were skipped."""
    language = parsed.feed.get("language") or None
    found: list[tuple[Any, Article]] = []
    failures: list[str] = []
    for number, entry in enumerate(parsed.entries, 1):
        label = entry.get("title") or entry.get("link") or f"#{number}"
        try:
            article = _entry_article(entry, feed_source=source, language=language)
        except ValueError as exc:  # one odd entry costs that entry, never the whole feed
            failures.append(f"entry {label!r}: {exc}")
            continue
        if article is None:
            failures.append(f"entry {label!r}: no text in the feed entry")
        else:
            found.append((entry, article))
    return found, failures


def parse_feed(data: bytes, *, source: str):  # -> Loaded (import kept local to avoid a cycle)
    """The articles of an RSS/Atom feed, and the reasons any entry was skipped."""
    from articles.importers import Loaded

    found, failures = _entries(_parsed(data), source)
    return Loaded([article for _, article in found], failures)


def _identifier(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value if value and len(value) <= MAX_ID_CHARS and value.isprintable() else None


def _text(value: Any, limit: int = 500) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())[:limit]
    return value or None


def poll_interval(meta: Any) -> int | None:
    """Seconds between fetches the feed asks for: ``<ttl>`` (minutes), else ``sy:updatePeriod`` divided by
    ``sy:updateFrequency``; None when it says nothing usable."""
    ttl = str(meta.get("ttl") or "").strip()
    if ttl.isascii() and ttl.isdigit() and 0 < int(ttl) < 10**6:
        return int(ttl) * 60
    period = _PERIOD_S.get(str(meta.get("sy_updateperiod") or "").strip().lower())
    if period is None:
        return None
    frequency = str(meta.get("sy_updatefrequency") or "1").strip()
    times = int(frequency) if frequency.isascii() and frequency.isdigit() and int(frequency) > 0 else 1
    return period // min(times, 10**6)


def parse_feed_entries(data: bytes, *, source: str) -> ParsedFeed:
    """A feed read for a subscription (``ParsedFeed``): the same checks and articles as ``parse_feed``, with
    each entry's guid and link; a valid feed without entries is an empty one, not an error."""
    from articles.importers import with_language
    from articles.metadata import checked

    parsed = _parsed(data, allow_empty=True)
    found, failures = _entries(parsed, source)
    entries = []
    for entry, article in found:
        try:
            ready = with_language(checked(article))
        except ValueError as exc:
            failures.append(f"entry {article.title[:80]!r}: {exc}")
            continue
        entries.append(FeedEntry(ready, guid=_identifier(entry.get("id")), link=_identifier(entry.get("link"))))
    meta = parsed.feed
    return ParsedFeed(
        title=_text(meta.get("title")),
        site_url=_identifier(meta.get("link")),
        interval_s=poll_interval(meta),
        entries=tuple(entries),
        failures=tuple(failures),
    )
