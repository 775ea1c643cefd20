"""Publication dates: whatever a feed, a page or an export says, read into one sortable form.

Lists sort by when an article was published, newest first; the time it was imported stands in
when no date is known. Both are kept as ISO 8601 in UTC with microseconds
(``2026-12-04T09:30:00.000000+00:00``), so plain string order is time order.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")  # "2004", "2004-12", "2004-12-1"


def now_iso() -> str:
    """The import timestamp: UTC, ISO 8601, microseconds (so newest-first order is exact)."""
    return iso(datetime.now(UTC))


def iso(moment: datetime) -> str:
    """``moment`` in the library's one form (UTC, microseconds); a naive time is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_date(value: str | None) -> datetime | None:
    """A date or time as feeds, pages and people write it (ISO 8601, RFC 822, "2004-12"), or None."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 64:
        return None
    partial = _PARTIAL.match(text)
    try:
        if partial:
            year, month, day = (int(part) if part else 1 for part in partial.groups())
            return datetime(year, month, day, tzinfo=UTC)
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return parsedate_to_datetime(text)
    except (ValueError, TypeError, IndexError, OverflowError):
        return None


def sort_key(published: str | None, imported: str) -> str:
    """Where an article stands in the lists: when it was published, else when it was imported.

    A date later than the import (a feed's clock, a typo) is not believed: the article would
    stay on top of the list for ever."""
    moment = parse_date(published)
    if moment is None:
        return imported
    return min(iso(moment), imported)
