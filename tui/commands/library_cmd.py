"""Library commands: ``add``, ``list``, ``show``, ``search``, ``rm``, ``mark`` and ``export``.

Each opens the library named by ``--library``/``NEWSREAD_LIBRARY`` (samples imported on first
use), turns every library problem into one line on stderr, and returns the exit status.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from articles.model import Article
from articles.sources import LoadError
from articles.store import Library, ListFilter, SearchHit
from tui import errors
from tui.inputs import check_stdin_once
from tui.library_access import library_errors, open_library, parse_id
from tui.options import GlobalOptions
from tui.output import Output
from tui.progress import with_progress
from tui.sanitize import escape_json

BATCH_ARTICLES = 500  # one transaction per batch: whole articles only, and few commits
BATCH_SECONDS = 1.0  # ... but commit at least this often, so other writers get their turn


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def add(options: GlobalOptions, *, refs: Sequence[str], tags: Sequence[str]) -> int:
    """Import articles: text/Markdown files, folders, web pages, RSS/Atom feeds, newsread JSON exports."""
    from articles.importers import expand, load_all

    check_stdin_once(refs)
    items, failures = expand(refs)
    added = skipped = restored = 0
    batches: dict[bool, list[Article]] = {False: [], True: []}  # by whether they restore marks
    with library_errors(), open_library(options.library) as library:
        # Worker processes (for many inputs) start here, before the progress bar's thread;
        # they never touch the library connection they inherit.
        loaded_inputs = load_all(items)

        def flush() -> None:
            nonlocal added, skipped, restored
            for restore, batch in batches.items():
                if not batch:
                    continue
                if restore:
                    outcomes, changed = library.restore_many(batch)
                    restored += changed
                else:
                    outcomes = library.add_many(batch)
                added += sum(1 for _, new in outcomes if new)
                skipped += sum(1 for _, new in outcomes if not new)
                batch.clear()

        last_flush = time.monotonic()
        for _, (_ref, loaded) in zip(with_progress(items, "Importing"), loaded_inputs, strict=True):
            if isinstance(loaded, LoadError):
                failures.append(str(loaded))
                continue
            failures.extend(loaded.failures)
            batch = batches[loaded.restores]
            for article in loaded.articles:
                batch.append(replace(article, tags=tuple(dict.fromkeys([*article.tags, *tags]))) if tags else article)
            if sum(map(len, batches.values())) >= BATCH_ARTICLES or time.monotonic() - last_flush > BATCH_SECONDS:
                flush()
                last_flush = time.monotonic()
        flush()
    for failure in failures:
        errors.report(failure)
    summary = f"added {added}, skipped {_plural(skipped, 'duplicate')}, failed {len(failures)}"
    print(summary + (f", restored the marks of {restored}" if restored else ""))
    return 1 if failures else 0


def _date(value: str | None) -> str:
    return (value or "")[:10]


def list_articles(
    options: GlobalOptions,
    *,
    unread: bool,
    starred: bool,
    lang: str | None,
    feed: str | None,
    folder: str | None,
    limit: int,
    offset: int,
    output_format: str,
) -> int:
    """List stored articles, newest first."""
    lang = lang.strip().lower() if lang else None
    out = Output(options.render)
    with library_errors(), open_library(options.library) as library:
        feed_id = None
        if feed is not None:
            from tui.commands.feeds_cmd import resolve_feed

            feed_id = resolve_feed(library, feed).id
        where = ListFilter(unread=unread, starred=starred, language=lang, feed=feed_id, folder=folder)
        total = library.count(where)
        rows = library.rows(where, offset=offset, limit=limit or max(total, 1))
    for row in rows:
        if output_format == "json":
            out.json(
                {
                    "id": row.id,
                    "title": row.title,
                    "kicker": row.kicker,
                    "language": row.language,
                    "source": row.source,
                    "published": row.published,
                    "imported": row.imported,
                    "read": row.read,
                    "starred": row.starred,
                    "tags": list(row.tags),
                    "feed_id": row.feed_id,
                }
            )
        else:
            marks = ("•" if not row.read else " ") + ("★" if row.starred else " ")
            out.row(
                f"{row.id:>5} {marks} {row.language or '--':<2} {_date(row.published or row.imported):<10} ", row.title
            )
    if output_format == "text" and len(rows) < total and sys.stdout.isatty():
        errors.report(f"showing {len(rows)} of {total}; use --offset/--limit for more")
    return 0


def show(options: GlobalOptions, *, article_ref: str, output_format: str) -> int:
    """Show one article: kicker, headline, details, then the text (pull-quotes marked with '>')."""
    from articles.export import article_to_dict, to_markdown

    article_id = parse_id(article_ref)
    out = Output(options.render)
    with library_errors(), open_library(options.library) as library:
        try:
            article = library.get(article_id)
        except KeyError:
            raise errors.UserError(f"no article with id {article_id} in the library") from None
        feeds = [feed.name for feed in library.feeds_of_article(article_id)]
    if output_format == "json":
        out.json(article_to_dict(article))
        return 0
    if output_format == "markdown":
        out.raw(to_markdown([article]))
        return 0
    if article.kicker:
        out.line(article.kicker)
    out.line(article.title)
    details = [
        f"id {article.id}",
        article.language or "",
        f"published {article.published}" if article.published else "",
        f"imported {_date(article.imported)}",
        "read" if article.read else "unread",
        "starred" if article.starred else "",
    ]
    out.line(" · ".join(d for d in details if d))
    if article.source:
        out.line(f"source: {article.source}")
    if feeds:
        out.line(f"feeds: {', '.join(feeds)}")
    if article.tags:
        out.line(f"tags: {', '.join(article.tags)}")
    quotes = set(article.pull_quotes)
    for paragraph in article.paragraphs:
        out.line("")
        out.line(f"> {paragraph}" if paragraph in quotes else paragraph)
    return 0


def search(options: GlobalOptions, *, query: Sequence[str], person: str | None, limit: int, output_format: str) -> int:
    """Full-text search over titles and bodies, or the articles a person attended."""
    text = " ".join(query)
    if not text.strip() and not person:
        raise errors.UsageError("say what to search for: words, or --person NAME")
    out = Output(options.render)
    with library_errors(), open_library(options.library) as library:
        found = library.find_person(person) if person else None
        if person and found is None:
            errors.report(f"no one called {person!r} in the people index (see 'newsread people')")
            return 1
        if found is not None and not text.strip():
            rows = library.rows(ListFilter(person=found.id), limit=limit)
            hits = [SearchHit(r.id, r.title, "", 0.0) for r in rows]
        else:
            hits = library.search(text, limit=limit if found is None else 10_000)
            if found is not None:
                attended = {r.id for r in library.rows(ListFilter(person=found.id), limit=1_000_000)}
                hits = [h for h in hits if h.id in attended][:limit]
    if not hits:
        errors.report(f"no article matches {text or person!r}")
        return 1
    for hit in hits:
        if output_format == "json":
            out.json({"id": hit.id, "title": hit.title, "snippet": hit.snippet, "rank": hit.rank})
        else:
            out.row(f"{hit.id:>5}  ", hit.title)
            if hit.snippet:
                out.row("       ", hit.snippet, wrap=True)
    return 0


def _ids(refs: Sequence[str]) -> list[int]:
    return list(dict.fromkeys(parse_id(ref) for ref in refs))


def _missing(library: Library, ids: list[int]) -> list[int]:
    present = set(library.existing(ids))
    return [i for i in ids if i not in present]


def _report_missing(missing: list[int]) -> int:
    """Each id the library does not have is one line on stderr; the exit status."""
    for article_id in missing:
        errors.report(f"no article with id {article_id} in the library")
    return 1 if missing else 0


def rm(options: GlobalOptions, *, refs: Sequence[str]) -> int:
    """Remove articles (with their search entries and cached analyses)."""
    ids = _ids(refs)
    with library_errors(), open_library(options.library) as library:
        missing = _missing(library, ids)
        removed = library.remove(ids)
    print(f"removed {removed}")
    return _report_missing(missing)


def mark(options: GlobalOptions, *, refs: Sequence[str], read: bool, unread: bool, star: bool, unstar: bool) -> int:
    """Mark articles read or unread, starred or not."""
    if read and unread:
        raise errors.UsageError("use --read or --unread, not both")
    if star and unstar:
        raise errors.UsageError("use --star or --unstar, not both")
    if not (read or unread or star or unstar):
        raise errors.UsageError("say what to mark: --read, --unread, --star or --unstar")
    ids = _ids(refs)
    with library_errors(), open_library(options.library) as library:
        missing = _missing(library, ids)
        changed = 0
        if read or unread:
            changed = library.set_read(ids, read)
        if star or unstar:
            changed = max(changed, library.set_starred(ids, star))
    print(f"marked {changed}")
    return _report_missing(missing)


def export(options: GlobalOptions, *, refs: Sequence[str], output_format: str, output: str | None) -> int:
    """Export articles (oldest first); 'newsread add' of a JSON export gives back the same library."""
    from articles.export import to_json, to_markdown

    with library_errors(), open_library(options.library) as library:
        if refs:
            ids = _ids(refs)
            missing = _missing(library, ids)
            if missing:
                raise errors.UserError(f"no article with id {', '.join(map(str, missing))} in the library")
        else:
            ids = list(reversed(library.ids()))
        articles = [library.get(i) for i in ids]
    # Controls escaped in JSON (same values), neutralized in Markdown: the document may well be shown on a terminal.
    if output_format == "json":
        document = escape_json(to_json(articles))
    else:
        from tui.sanitize import for_terminal

        document = for_terminal(to_markdown(articles))
    if output is None:
        sys.stdout.write(document)
        return 0
    _write_atomically(Path(output), document)
    errors.say(f"exported {_plural(len(articles), 'article')} to {output}")
    return 0


def _write_atomically(path: Path, text: str) -> None:
    """Write a whole file or nothing: a temporary file beside it, then a rename."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent if str(path.parent) else ".")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        raise errors.UserError(f"{path}: cannot write ({exc.strerror or exc})") from exc
