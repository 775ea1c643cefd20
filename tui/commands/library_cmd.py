"""Library commands: ``add``, ``list``, ``show``, ``search``, ``rm``, ``mark`` and ``export``.

Each opens the library named by ``--library``/``NEWSREAD_LIBRARY`` (samples imported on
first use) and turns every library problem into one line on stderr.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

import typer

from articles.model import Article
from articles.sources import LoadError
from articles.store import Library
from tui import errors
from tui.inputs import check_stdin_once
from tui.library_access import library_errors, open_library, parse_id
from tui.output import stdout_is_terminal, write_json, write_line
from tui.progress import with_progress
from tui.sanitize import escape_json, for_terminal

BATCH_ARTICLES = 500  # one transaction per batch: whole articles only, and few commits
BATCH_SECONDS = 1.0  # ... but commit at least this often, so other writers get their turn


class ListFormat(StrEnum):
    text = "text"
    json = "json"


class ShowFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class ExportFormat(StrEnum):
    json = "json"
    markdown = "markdown"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def add(
    refs: list[str] = typer.Argument(..., metavar="PATH|URL|-...", help="Files, folders (recursive), URLs, '-'."),
    tags: list[str] = typer.Option([], "--tag", "-t", help="Tag every imported article (repeatable)."),
) -> None:
    """Import articles: text/Markdown files, folders, web pages, RSS/Atom feeds, newsread JSON exports."""
    from articles.importers import expand, load_all

    check_stdin_once(refs)
    items, failures = expand(refs)
    added = skipped = 0
    batch: list[Article] = []
    with library_errors(), open_library() as library:
        # Worker processes (for many inputs) start here, before the progress bar's thread;
        # they never touch the library connection they inherit.
        loaded_inputs = load_all(items)

        def flush() -> None:
            nonlocal added, skipped
            if batch:
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
            for article in loaded.articles:
                batch.append(replace(article, tags=tuple(dict.fromkeys([*article.tags, *tags]))) if tags else article)
            if len(batch) >= BATCH_ARTICLES or time.monotonic() - last_flush > BATCH_SECONDS:
                flush()
                last_flush = time.monotonic()
        flush()
    for failure in failures:
        errors.report(failure)
    print(f"added {added}, skipped {_plural(skipped, 'duplicate')}, failed {len(failures)}")
    if failures:
        raise typer.Exit(1)


def write_row(prefix: str, text: str, *, wrap: bool = False) -> None:
    """Plain left-to-right columns, then ``text``: as is when piped; on a terminal, ``text`` is shaped
    (Arabic) in the rest of the line, cut with … to one line unless ``wrap``. Controls are neutralized."""
    text = for_terminal(text, one_line=True)
    if not stdout_is_terminal():
        sys.stdout.write(prefix + text + "\n")
        return
    from summarize.text import arabic_share
    from tui.rendering import bidi_guard, cell_width, render_text

    if arabic_share(text) > 0:
        bidi_guard(sys.stdout)
    room = max(10, shutil.get_terminal_size((80, 24)).columns - cell_width(prefix))
    lines = render_text(text, room)
    if not wrap and len(lines) > 1:
        cut = text[: room - 1]
        while len(lines) > 1 and cut:
            cut = cut[:-1]
            lines = render_text(cut.rstrip() + "…", room)
        lines = lines[:1]
    pad = " " * cell_width(prefix)
    for number, line in enumerate(lines):
        sys.stdout.write((prefix if number == 0 else pad) + line.rstrip() + "\n")


def _date(value: str | None) -> str:
    return (value or "")[:10]


def list_articles(
    unread: bool = typer.Option(False, "--unread", help="Only unread articles."),
    starred: bool = typer.Option(False, "--starred", help="Only starred articles."),
    lang: str | None = typer.Option(None, "--lang", help="Only articles in this language (ar, en, ...)."),
    limit: int = typer.Option(100, "--limit", "-n", min=0, help="How many rows (0: all)."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many rows first."),
    output_format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json (JSON Lines)."),
) -> None:
    """List stored articles, newest first: id, unread (•) and starred (★) marks, language, date, title."""
    lang = lang.strip().lower() if lang else None
    with library_errors(), open_library() as library:
        total = library.count(unread=unread, starred=starred, lang=lang)
        rows = library.rows(offset=offset, limit=limit or max(total, 1), unread=unread, starred=starred, lang=lang)
    for row in rows:
        if output_format is ListFormat.json:
            write_json(
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
                }
            )
        else:
            marks = ("•" if not row.read else " ") + ("★" if row.starred else " ")
            write_row(
                f"{row.id:>5} {marks} {row.language or '--':<2} {_date(row.published or row.imported):<10} ", row.title
            )
    if output_format is ListFormat.text and len(rows) < total and sys.stdout.isatty():
        errors.report(f"showing {len(rows)} of {total}; use --offset/--limit for more")


def show(
    article_ref: str = typer.Argument(..., metavar="ID", help="Article id (12 or @12)."),
    output_format: ShowFormat = typer.Option(ShowFormat.text, "--format", "-f", help="text, json or markdown."),
) -> None:
    """Show one article: kicker, headline, details, then the text (pull-quotes marked with '>')."""
    from articles.export import article_to_dict, to_markdown

    article_id = parse_id(article_ref)
    with library_errors(), open_library() as library:
        try:
            article = library.get(article_id)
        except KeyError:
            raise errors.UserError(f"no article with id {article_id} in the library") from None
    if output_format is ShowFormat.json:
        write_json(article_to_dict(article))
        return
    if output_format is ShowFormat.markdown:
        sys.stdout.write(for_terminal(to_markdown([article])))
        return
    if article.kicker:
        write_line(article.kicker)
    write_line(article.title)
    details = [
        f"id {article.id}",
        article.language or "",
        f"published {article.published}" if article.published else "",
        f"imported {_date(article.imported)}",
        "read" if article.read else "unread",
        "starred" if article.starred else "",
    ]
    write_line(" · ".join(d for d in details if d))
    if article.source:
        write_line(f"source: {article.source}")
    if article.tags:
        write_line(f"tags: {', '.join(article.tags)}")
    quotes = set(article.pull_quotes)
    for paragraph in article.paragraphs:
        write_line("")
        write_line(f"> {paragraph}" if paragraph in quotes else paragraph)


def search(
    query: list[str] = typer.Argument(..., metavar="QUERY...", help='Words (prefixes match), or "a phrase".'),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many hits."),
    output_format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json (JSON Lines)."),
) -> None:
    """Full-text search over titles and bodies, Arabic-aware (diacritics, alef, ة/ه, ى/ي) and English-stemmed."""
    text = " ".join(query)
    with library_errors(), open_library() as library:
        hits = library.search(text, limit=limit)
    if not hits:
        errors.report(f"no article matches {text!r}")
        raise typer.Exit(1)
    for hit in hits:
        if output_format is ListFormat.json:
            write_json({"id": hit.id, "title": hit.title, "snippet": hit.snippet, "rank": hit.rank})
        else:
            write_row(f"{hit.id:>5}  ", hit.title)
            write_row("       ", hit.snippet, wrap=True)


def _ids(refs: list[str]) -> list[int]:
    return list(dict.fromkeys(parse_id(ref) for ref in refs))


def _missing(library: Library, ids: list[int]) -> list[int]:
    present = set(library.ids())
    return [i for i in ids if i not in present]


def _fail_if_missing(missing: list[int]) -> None:
    """Each id the library does not have is one line on stderr, and the command exits 1."""
    for article_id in missing:
        errors.report(f"no article with id {article_id} in the library")
    if missing:
        raise typer.Exit(1)


def rm(refs: list[str] = typer.Argument(..., metavar="ID...", help="Article ids.")) -> None:
    """Remove articles (with their search entries and cached analyses)."""
    ids = _ids(refs)
    with library_errors(), open_library() as library:
        missing = _missing(library, ids)
        removed = library.remove(ids)
    print(f"removed {removed}")
    _fail_if_missing(missing)


def mark(
    refs: list[str] = typer.Argument(..., metavar="ID...", help="Article ids."),
    read: bool = typer.Option(False, "--read", help="Mark read."),
    unread: bool = typer.Option(False, "--unread", help="Mark unread."),
    star: bool = typer.Option(False, "--star", help="Star."),
    unstar: bool = typer.Option(False, "--unstar", help="Unstar."),
) -> None:
    """Mark articles read or unread, starred or not."""
    if read and unread:
        raise errors.UserError("use --read or --unread, not both", exit_code=2)
    if star and unstar:
        raise errors.UserError("use --star or --unstar, not both", exit_code=2)
    if not (read or unread or star or unstar):
        raise errors.UserError("say what to mark: --read, --unread, --star or --unstar", exit_code=2)
    ids = _ids(refs)
    with library_errors(), open_library() as library:
        missing = _missing(library, ids)
        changed = 0
        if read or unread:
            changed = library.set_read(ids, read)
        if star or unstar:
            changed = max(changed, library.set_starred(ids, star))
    print(f"marked {changed}")
    _fail_if_missing(missing)


def export(
    refs: list[str] = typer.Argument(None, metavar="[ID...]", help="Article ids; all when omitted."),
    output_format: ExportFormat = typer.Option(ExportFormat.json, "--format", "-f", help="json or markdown."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
) -> None:
    """Export articles (oldest first); 'newsread add' of a JSON export gives back the same library."""
    from articles.export import to_json, to_markdown

    with library_errors(), open_library() as library:
        if refs:
            ids = _ids(refs)
            missing = _missing(library, ids)
            if missing:
                raise errors.UserError(f"no article with id {', '.join(map(str, missing))} in the library")
        else:
            ids = list(reversed(library.ids()))
        articles = [library.get(i) for i in ids]
    # Controls escaped in JSON (same values), neutralized in Markdown: the document may well be shown on a terminal.
    document = (
        escape_json(to_json(articles)) if output_format is ExportFormat.json else for_terminal(to_markdown(articles))
    )
    if output is None:
        sys.stdout.write(document)
        return
    _write_atomically(output, document)
    print(f"exported {_plural(len(articles), 'article')} to {output}", file=sys.stderr)


def _write_atomically(path: Path, text: str) -> None:
    """Write a whole file or nothing: a temporary file beside it, then a rename."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent if str(path.parent) else ".")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        raise errors.UserError(f"{path}: cannot write ({exc.strerror or exc})") from exc


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("add")(add)
    app.command("list")(list_articles)
    app.command("show")(show)
    app.command("search")(search)
    app.command("rm")(rm)
    app.command("mark")(mark)
    app.command("export")(export)
