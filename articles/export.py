"""newsread's own export: JSON that ``newsread add`` reads back into the same library, and Markdown to read.

The JSON keeps every field but the id (ids belong to a library), including the import
date and the read/starred flags, so export then import gives back the same library.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from articles.model import Article

EXPORT_FORMAT = "newsread-export"
EXPORT_VERSION = 1


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "kicker": article.kicker,
        "paragraphs": list(article.paragraphs),
        "pull_quotes": list(article.pull_quotes),
        "language": article.language,
        "source": article.source,
        "published": article.published,
        "imported": article.imported,
        "read": article.read,
        "starred": article.starred,
        "tags": list(article.tags),
        "content_hash": article.content_hash,
    }


def to_json(articles: Iterable[Article]) -> str:
    """The export document (UTF-8 text, one article per line inside the array for diff-friendliness)."""
    lines = [json.dumps(article_to_dict(a), ensure_ascii=False) for a in articles]
    body = ",\n".join(lines)
    return f'{{"format": "{EXPORT_FORMAT}", "version": {EXPORT_VERSION}, "articles": [\n{body}\n]}}\n'


def to_markdown(articles: Iterable[Article]) -> str:
    """Articles as Markdown for reading: kicker, headline, metadata line, paragraphs; pull-quotes as quotes."""
    parts = []
    for article in articles:
        lines = []
        if article.kicker:
            lines += [f"**{article.kicker}**", ""]
        lines += [f"# {article.title}", ""]
        meta = [m for m in (article.published, article.source, ", ".join(article.tags)) if m]
        if meta:
            lines += ["*" + " · ".join(meta) + "*", ""]
        quotes = set(article.pull_quotes)
        for paragraph in article.paragraphs:
            lines += [f"> {paragraph}" if paragraph in quotes else paragraph, ""]
        parts.append("\n".join(lines).rstrip() + "\n")
    return "\n---\n\n".join(parts)


def _strings(value: Any, field: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{field}' must be a list of strings")
    return tuple(value)


def _optional_str(entry: dict, field: str) -> str | None:
    value = entry.get(field)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"'{field}' must be a string")
    return value


def article_from_dict(entry: Any) -> Article:
    """One exported article back; ``ValueError`` names the bad field."""
    if not isinstance(entry, dict):
        raise ValueError("an article must be a JSON object")
    title = entry.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ValueError("an article needs a non-empty 'title'")
    paragraphs = _strings(entry.get("paragraphs", []), "paragraphs")
    return Article(
        title=title,
        paragraphs=paragraphs,
        kicker=_optional_str(entry, "kicker"),
        pull_quotes=_strings(entry.get("pull_quotes", []), "pull_quotes"),
        language=_optional_str(entry, "language"),
        source=_optional_str(entry, "source"),
        published=_optional_str(entry, "published"),
        imported=_optional_str(entry, "imported"),
        read=bool(entry.get("read", False)),
        starred=bool(entry.get("starred", False)),
        tags=_strings(entry.get("tags", []), "tags"),
    )


def parse_export(text: str) -> list[Article]:
    """Articles of an export document; ``ValueError`` when it is not one (or an article in it is bad)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    if isinstance(document, list):
        entries = document
    elif isinstance(document, dict) and document.get("format") == EXPORT_FORMAT:
        version = document.get("version")
        if not isinstance(version, int) or version > EXPORT_VERSION:
            raise ValueError(f"export version {version!r} is newer than this newsread reads ({EXPORT_VERSION})")
        listed = document.get("articles")
        if not isinstance(listed, list):
            raise ValueError("'articles' must be a list")
        entries = listed
    else:
        raise ValueError(f'JSON that is not a newsread export (no "format": "{EXPORT_FORMAT}")')
    articles = []
    for number, entry in enumerate(entries, 1):
        try:
            articles.append(article_from_dict(entry))
        except ValueError as exc:
            raise ValueError(f"article {number}: {exc}") from exc
    return articles
