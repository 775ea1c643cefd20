"""Web pages: main content (title, date, body without navigation and ads) by trafilatura.

The bytes are decoded first with the charset the server or the page declares, else by
``articles.decoding`` (which also knows Windows-1256 and ISO-8859-6), so Arabic pages
without a declaration are not stored as mojibake.
"""

from __future__ import annotations

import codecs
import re

from articles.decoding import DecodeError, decode_bytes
from articles.model import Article
from summarize.text import arabic_share

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_LATIN_DEFAULTS = frozenset({"iso8859-1", "cp1252", "ascii"})
# What XML (and so lxml, under trafilatura too) cannot hold: C0 controls but TAB, LF and CR, raw or as a
# character reference (&#27; &#x1b;), and the non-characters U+FFFE and U+FFFF. lxml refuses a whole
# document for one of them ("All strings must be XML compatible"): they are taken out, the rest is kept.
_XML_INCOMPATIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]"
    r"|&#0*(?:[0-8]|1[124-9]|2[0-9]|3[01])(?![0-9]);?"
    r"|&#[xX]0*(?:[0-8bcefBCEF]|1[0-9a-fA-F])(?![0-9a-fA-F]);?"
)
_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "section", "article")


class NoContent(ValueError):
    """The page has no article text that could be extracted."""


def decode_html(data: bytes, charset: str | None = None) -> str:
    """The page's text: the declared charset (header, then ``<meta>``) if valid, else detection."""
    declared = charset
    if not declared and (found := _META_CHARSET.search(data[:4096])):
        declared = found.group(1).decode("ascii")
    if declared:
        try:
            name = codecs.lookup(declared).name
            text = data.decode("utf-8-sig" if name == "utf-8" else name)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if name not in _LATIN_DEFAULTS or data.isascii():
                return text
            # A Latin-1/Windows-1252 label is often a server default, and decodes Arabic bytes into
            # mojibake without an error: trust it only if detection finds no Arabic text.
            try:
                detected = decode_bytes(data)
            except DecodeError:
                return text
            return detected if arabic_share(detected) > 0.3 else text
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        raise NoContent(str(exc)) from exc


def strip_controls(html: str) -> str:
    """``html`` without the characters XML cannot hold (raw or as references); everything else as it was."""
    return _XML_INCOMPATIBLE.sub("", html)


def parse_html_page(data: bytes, *, url: str | None = None, charset: str | None = None) -> Article:
    """The article of a web page; ``NoContent`` (a ``ValueError``) when there is none."""
    import trafilatura

    html = strip_controls(decode_html(data, charset))
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, include_images=False
    )
    if doc is None or isinstance(doc, dict):  # a dict only comes with as_dict=True, which is not asked for
        raise NoContent("no article text found in the page")
    text = doc.text
    if not text or not text.strip():
        raise NoContent("no article text found in the page")
    paragraphs = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    title = " ".join((doc.title or "").split())
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise NoContent("no article text found in the page")
    if not title:
        title = paragraphs[0] if len(paragraphs[0]) <= 120 else paragraphs[0][:119].rstrip() + "…"
    language = doc.language or None
    return Article(title=title, paragraphs=tuple(paragraphs), language=language, source=url, published=doc.date or None)


def fragment_paragraphs(fragment: str) -> list[str]:
    """Paragraphs of an HTML fragment (a feed entry's content): block elements and ``<br>`` split them."""
    import lxml.html

    fragment = strip_controls(fragment)
    if "<" not in fragment:
        return [" ".join(block.split()) for block in re.split(r"\n\s*\n", fragment) if block.strip()]
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return []
    for element in [*root.iter("script", "style")]:
        element.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n\n" + (br.tail or "")
    for element in root.iter(*_BLOCK_TAGS):
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    text = root.text_content()
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]
