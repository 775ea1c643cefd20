"""Dates as the reader shows them: local time, compact, always the same width in a column."""

from __future__ import annotations

import re
from datetime import datetime

from articles.dates import parse_date

DATE_WIDTH = 10
_PARTIAL = re.compile(r"^\d{4}(?:-\d{1,2})?$")  # "2004", "2004-12": a date known only this far


def short_date(published: str | None, sort_key: str, now: datetime | None = None) -> str:
    """``HH:MM`` today, ``04 Dec`` this year, ``2004-12-01`` before; a partial date as written.

    Always ``DATE_WIDTH`` cells, so every row's columns line up."""
    if published and _PARTIAL.match(published.strip()):
        return published.strip().ljust(DATE_WIDTH)
    moment = parse_date(sort_key)
    if moment is None:
        return " " * DATE_WIDTH
    local = moment.astimezone()
    now = now or datetime.now().astimezone()
    if local.date() == now.date():
        text = local.strftime("%H:%M")
    elif local.year == now.year:
        text = local.strftime("%d %b")
    else:
        text = local.strftime("%Y-%m-%d")
    return text.ljust(DATE_WIDTH)


def long_date(value: str | None) -> str | None:
    """A date for the reader's details line: local time with the minutes when the time is known."""
    if not value:
        return None
    if _PARTIAL.match(value.strip()):
        return value.strip()
    moment = parse_date(value)
    if moment is None:
        return value
    local = moment.astimezone()
    if moment.hour == moment.minute == 0 and ("T" not in value and ":" not in value):
        return local.strftime("%Y-%m-%d")
    return local.strftime("%Y-%m-%d %H:%M")
