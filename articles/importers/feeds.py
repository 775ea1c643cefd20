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
from datetime import UTC, datetime

from articles.importers.html import fragment_paragraphs
from articles.metadata import check_length
from articles.model import Article

MAX_ENTRIES = 10_000  # a feed lists recent items (100,000 took 15 s and 270 MB): refused up front
# feedparser reads <ITEM> and <Entry> as entries too: so must the count
_ENTRY_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]", re.IGNORECASE)


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


def parse_feed(data: bytes, *, source: str):  # -> Loaded (import kept local to avoid a cycle)
    """The articles of an RSS/Atom feed, and the reasons any entry was skipped."""
    import feedparser

    from articles.importers import Loaded

    data = as_utf8(data)  # the checks below and feedparser then read the very same text
    check_safe(data)
    entries = len(_ENTRY_TAG.findall(data))
    if entries > MAX_ENTRIES:
        raise TooManyEntries(f"feed has {entries} entries, more than {MAX_ENTRIES}: not imported")
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise ValueError(f"not a readable feed ({parsed.get('bozo_exception')})")
        raise ValueError("the feed has no entries")
    language = parsed.feed.get("language") or None
    loaded = Loaded()
    for number, entry in enumerate(parsed.entries, 1):
        label = entry.get("title") or entry.get("link") or f"#{number}"
        try:
            article = _entry_article(entry, feed_source=source, language=language)
        except ValueError as exc:  # one odd entry costs that entry, never the whole feed
            loaded.failures.append(f"entry {label!r}: {exc}")
            continue
        if article is None:
            loaded.failures.append(f"entry {label!r}: no text in the feed entry")
        else:
            loaded.articles.append(article)
    return loaded
