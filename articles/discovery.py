"""Finding a site's feed from one of its pages: ``<link rel="alternate" type="application/rss+xml">``.

Read with lxml's HTML parser (already used for feed entries), which takes broken markup as browsers
do; relative addresses are resolved against the page's own address (or its ``<base href>``).
"""

from __future__ import annotations

import urllib.parse

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml")
MAX_SCANNED = 2 * 1024 * 1024  # the <head> is at the top: a huge page is not parsed whole


def feed_links(html: bytes, page_url: str) -> list[str]:
    """The feed addresses a page advertises, in page order, RSS/Atom first kinds as written."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html[:MAX_SCANNED])
    except (ValueError, lxml.etree.ParserError):
        return []
    base = page_url
    for element in root.iter("base"):
        href = (element.get("href") or "").strip()
        if href:
            base = urllib.parse.urljoin(page_url, href)
            break
    found: list[str] = []
    for element in root.iter("link"):
        rel = (element.get("rel") or "").lower().split()
        kind = (element.get("type") or "").strip().lower()
        href = (element.get("href") or "").strip()
        if "alternate" in rel and kind in FEED_TYPES and href:
            url = urllib.parse.urljoin(base, href)
            if url.lower().startswith(("http://", "https://")) and url not in found:
                found.append(url)
    return found
