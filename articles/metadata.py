"""Articles checked on import: a language is a short tag, a date is a date, text is text.

Feeds, pages and JSON exports come from anyone, and their metadata lands in narrow columns of
the list, the reader and every export. A ``<language>`` holding escape sequences, or a date that
is not a date, is dropped here, once, for every importer (``articles.importers.from_bytes``):
a dropped language is detected from the text again, a dropped date is simply unknown.
"""

from __future__ import annotations

import re
from dataclasses import replace

from articles.dates import parse_date
from articles.model import Article

# An article longer than this is refused on import (issue 17). Long news runs to some 60,000
# characters; 5,000,000 is ten novels. Everything after import stays bounded on what is let in.
MAX_ARTICLE_CHARS = 5_000_000

# BCP 47-like: a 2-3 letter base and a few short subtags ("en", "ar-EG", "zh_Hant_TW").
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,4}")


def language_tag(value: str | None) -> str | None:
    """``value`` if it is a language tag, else ``None``."""
    if value is None:
        return None
    value = value.strip()
    return value if _LANGUAGE_TAG.fullmatch(value) else None


def valid_date(value: str | None) -> str | None:
    """``value`` if it is a real date as ``articles.dates.parse_date`` reads them (ISO 8601, RFC 822,
    ``2004-12``), in printable ASCII; else ``None`` (``2004-02-30`` is no date, nor is ``ESC c``)."""
    if value is None:
        return None
    value = value.strip()
    if not value.isascii() or not value.isprintable() or parse_date(value) is None:
        return None
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(article: Article) -> None:
    """``ValueError`` for a lone surrogate (JSON's ``"\\ud800"``): it is no character, and no UTF-8 can
    hold it, so the store could not write it (and would lose the articles batched with it)."""
    fields = {"title": [article.title], "kicker": [article.kicker or ""], "paragraphs": article.paragraphs}
    fields |= {"pull_quotes": article.pull_quotes, "source": [article.source or ""], "tags": article.tags}
    for name, values in fields.items():
        for value in values:
            if found := _SURROGATE.search(value):
                raise ValueError(f"'{name}' is not valid text (a lone surrogate, U+{ord(found.group()):04X})")


def check_length(characters: int) -> None:
    """``ValueError`` for an article of more than ``MAX_ARTICLE_CHARS`` characters."""
    if characters > MAX_ARTICLE_CHARS:
        raise ValueError(
            f"article too long ({characters:,} characters, newsread keeps articles of up to "
            f"{MAX_ARTICLE_CHARS:,}; split it into several files): not imported"
        )


def checked(article: Article) -> Article:
    """``article`` with any language or date that is not one dropped (the text is left as it is);
    ``ValueError`` when its text is not valid Unicode or is too long."""
    check_length(len(article.text))
    _check_text(article)
    language, published, imported = (
        language_tag(article.language),
        valid_date(article.published),
        valid_date(article.imported),
    )
    if (language, published, imported) == (article.language, article.published, article.imported):
        return article
    return replace(article, language=language, published=published, imported=imported)
