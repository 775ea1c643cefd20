"""OPML subscription lists: read (OPML 1.0 and 2.0, nested outlines become folders) and written.

Reading is listparser's (feedparser's sibling, by the same maintainer): it knows the dialects
real readers export. The bytes first pass the feed importer's entity check (``check_safe``), so a
list declaring entities is refused as a feed would be. Writing uses the standard library's
ElementTree, which escapes every attribute; nested folders are written as nested outlines.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

from articles.importers.feeds import as_utf8, check_safe
from articles.subscriptions import Feed

MAX_OUTLINES = 10_000
FOLDER_SEPARATOR = "/"


@dataclass(frozen=True)
class Subscription:
    """One feed of an OPML list: its address, title and folder (nested outlines joined by ``/``)."""

    url: str
    title: str | None = None
    folder: str | None = None


def is_opml(data: bytes) -> bool:
    """Whether the bytes look like an OPML document (its root element)."""
    head = data[:2048].replace(b"\x00", b"").lower()
    return b"<opml" in head


def parse_opml(data: bytes) -> list[Subscription]:
    """The feeds of an OPML document, in document order; ``ValueError`` for one that is not OPML or unsafe."""
    import listparser

    data = as_utf8(data)
    check_safe(data)
    if not is_opml(data):
        raise ValueError("not an OPML subscription list")
    if data.lower().count(b"<outline") > MAX_OUTLINES:
        raise ValueError(f"more than {MAX_OUTLINES} outlines: not imported")
    parsed = listparser.parse(data)
    found: list[Subscription] = []
    for feed in parsed.feeds:
        url = str(feed.get("url") or "").strip()
        if not url.lower().startswith(("http://", "https://")):
            continue
        categories = feed.get("categories") or []
        path = [" ".join(str(part).split()) for part in categories[0]] if categories else []
        folder = FOLDER_SEPARATOR.join(part for part in path if part) or None
        title = " ".join(str(feed.get("title") or "").split()) or None
        found.append(Subscription(url, title if title != url else None, folder))
    if not found and parsed.get("bozo"):
        raise ValueError(f"not a readable OPML list ({parsed.get('bozo_exception')})")
    return found


def to_opml(feeds: Iterable[Feed], *, title: str = "newsread subscriptions") -> str:
    """An OPML 2.0 document of ``feeds``, folders as nested outlines."""
    root = ET.Element("opml", version="2.0")
    ET.SubElement(ET.SubElement(root, "head"), "title").text = title
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}

    def folder_element(path: str) -> ET.Element:
        if path in folders:
            return folders[path]
        parent_path, _, name = path.rpartition(FOLDER_SEPARATOR)
        parent = folder_element(parent_path) if parent_path else body
        element = ET.SubElement(parent, "outline", text=name, title=name)
        folders[path] = element
        return element

    for feed in feeds:
        parent = folder_element(feed.folder) if feed.folder else body
        attributes = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        if feed.site_url:
            attributes["htmlUrl"] = feed.site_url
        ET.SubElement(parent, "outline", attributes)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
