"""``newsread people``: who attended the events of the library's articles, across the library."""

from __future__ import annotations

from tui.dates import short_date
from tui.library_access import library_errors, open_library
from tui.options import GlobalOptions
from tui.output import Output


def people(options: GlobalOptions, *, query: str | None, limit: int, output_format: str) -> int:
    """People, most followed first: how many articles, the latest title, the newest article's date."""
    out = Output(options.render)
    with library_errors(), open_library(options.library) as library:
        found = library.people(query, limit=limit)
    for person in found:
        if output_format == "json":
            out.json(
                {
                    "id": person.id,
                    "name": person.name,
                    "articles": person.articles,
                    "title": person.title,
                    "latest": person.latest,
                }
            )
        else:
            role = f" — {person.title}" if person.title else ""
            out.row(f"{person.articles:>5}  {short_date(None, person.latest)} ", f"{person.name}{role}")
    return 0
