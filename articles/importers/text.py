"""Plain-text and Markdown articles: Markdown markup is taken off, then the plain-text rules apply.

The plain-text structure (kicker, headline, pull-quotes, paragraphs) is found by
``articles.plaintext.parse_plaintext``; here Markdown headings, block quotes, emphasis,
links and images are reduced to their text first.
"""

from __future__ import annotations

import re

from articles.model import Article
from articles.plaintext import parse_plaintext

_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_RULE = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def markdown_to_text(text: str) -> str:
    """The readable text of Markdown: markup removed, blocks (blank-line separated) kept."""
    text = _FRONT_MATTER.sub("", text)
    text = _RULE.sub("", text)
    text = _HEADING.sub(r"\1", text)
    text = _QUOTE.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    return _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)


def parse_text(text: str, *, source: str | None, markdown: bool = False) -> Article:
    """An article from plain text (or Markdown); ``ValueError`` when there is no text."""
    return parse_plaintext(markdown_to_text(text) if markdown else text, source=source)
