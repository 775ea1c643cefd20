"""Feed entries and how the library recognises one it already holds.

Within a feed an entry is known by its guid, else its link: seen again, it is the same article
(updated in place when its text changed; read and star marks stay). Across feeds the same story
is recognised by its canonical link (tracking parameters and the fragment dropped) or by its
normalised title within a day of the other's date; it is stored once and ``article_feeds``
records every feed that carried it.
"""

from __future__ import annotations

import hashlib
import re
import urllib.parse
from dataclasses import dataclass
from datetime import timedelta

from articles.dates import iso, parse_date
from articles.model import Article
from summarize.text.normalize import normalize

# Query parameters that only say where a click came from: two links differing in them name one page.
_TRACKING = re.compile(r"^(?:utm_[a-z_]*|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ocid|cmpid)$", re.IGNORECASE)
_NOT_A_WORD = re.compile(r"[^\w]+")
MIN_TITLE_WORDS = 4  # shorter titles ("Live updates", "Weather") are too common to name one story
SAME_STORY_WINDOW = timedelta(days=1)


@dataclass(frozen=True)
class FeedEntry:
    """One feed entry as an article, with the identifiers the feed gave it."""

    article: Article
    guid: str | None = None
    link: str | None = None
    index: tuple[str, ...] | None = None  # the article's search index values, when computed ahead (a parser process)

    @property
    def key(self) -> str:
        """The entry's identity within its feed: guid, else link, else its content."""
        return self.guid or self.link or "sha256:" + self.article.content_hash


def canonical_link(url: str | None) -> str | None:
    """``url`` as one story's address: scheme and host in lower case, no fragment, no tracking parameters."""
    if not url:
        return None
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    return urllib.parse.urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urllib.parse.urlencode(query), "")
    )


def title_key(title: str) -> str | None:
    """The folded title two feeds' copies of a story share (Arabic harakat, alef forms, case, punctuation
    ignored), or None for a title too short to tell one story from another."""
    words = _NOT_A_WORD.sub(" ", normalize(title, fold_letters=True)).split()
    if len(words) < MIN_TITLE_WORDS:
        return None
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


def story_window(sort_key: str) -> tuple[str, str]:
    """The ``sort_key`` range within which a story of the same title counts as the same story."""
    moment = parse_date(sort_key)
    if moment is None:
        return sort_key, sort_key
    return iso(moment - SAME_STORY_WINDOW), iso(moment + SAME_STORY_WINDOW)
