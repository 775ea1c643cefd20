"""Structure of a plain-text article: kicker, headline, pull-quotes and paragraphs.

Blocks are separated by blank lines. A short first block followed by another short
block is a kicker (``أخبار عاجلة``, ``Breaking news``) over the headline, and so is a short
label line directly above a headline line in the first block; a short
one-line block whose words mostly repeat a longer paragraph is a pull-quote.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence

from articles.model import Article
from summarize.text import WORD, normalize, words
from summarize.text.headings import is_label_over_headline
from summarize.text.lists import is_list_item

KICKER_MAX_WORDS = 4
TITLE_MAX_WORDS = 30
PULL_QUOTE_MAX_WORDS = 30
PULL_QUOTE_OVERLAP = 0.6
# Pull-quotes are looked for among the first blocks only: each short block is compared with every longer
# one, work that grows with the square of the count (100,000 short paragraphs took 58 s). News has dozens.
PULL_QUOTE_SCAN_BLOCKS = 500
_LABEL_SCAN_CHARS = 4096  # a label line and a headline of at most TITLE_MAX_WORDS words fit well within this
_ATTRIBUTION = re.compile(r"^[^:：]{2,40}[:：]\s*")
_SENTENCE_END = re.compile(r"[.،,؛;]$")


def blocks(text: str) -> list[str]:
    """Blank-line separated blocks; hard-wrapped lines joined, list items kept on their own lines."""
    out: list[str] = []
    for raw in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [line.strip() for line in raw.split("\n") if line.strip()]
        if not lines:
            continue
        joined = lines[0]
        for line in lines[1:]:
            joined += ("\n" if is_list_item(line) else " ") + line
        out.append(joined)
    return out


def _more_words_than(text: str, limit: int) -> bool:
    """Whether ``text`` has more than ``limit`` words, read no further than word ``limit + 1``
    (counting all the words of a 50 MB one-line block took 40 s and 700 MB)."""
    return next(itertools.islice(WORD.finditer(text), limit, None), None) is not None


def _headline_like(block: str, max_words: int) -> bool:
    return "\n" not in block and not _more_words_than(block, max_words) and not _SENTENCE_END.search(block)


def _content_words(text: str) -> set[str]:
    return {w for w in words(normalize(_ATTRIBUTION.sub("", text), fold_letters=True)) if len(w) > 2}


def is_pull_quote(block: str, others: Sequence[str], content_words: Callable[[str], set[str]] = _content_words) -> bool:
    """A short single line whose words mostly stand in a longer paragraph of the same article.

    ``content_words`` may remember its answers: the caller compares every block with every other."""
    if "\n" in block or is_list_item(block) or _more_words_than(block, PULL_QUOTE_MAX_WORDS):
        return False
    mine = content_words(block)
    if len(mine) < 3:
        return False
    for other in others:
        if other is block or len(other) <= len(block):
            continue
        if len(mine & content_words(other)) / len(mine) >= PULL_QUOTE_OVERLAP:
            return True
    return False


def _label_over_headline(text: str) -> tuple[str, str] | None:
    """The kicker and headline when the first block is exactly a label line over a headline line."""
    head = text[:_LABEL_SCAN_CHARS].replace("\r\n", "\n")  # two short lines: no need to copy a 50 MB text
    match = re.match(r"\s*([^\n]*)\n([^\n]*)\n\s*\n", head)
    if match is None:
        return None
    label, headline = match.group(1).strip(), match.group(2).strip()
    if not is_label_over_headline(label, headline, headline_max_words=TITLE_MAX_WORDS):
        return None
    return label, headline


def parse_plaintext(text: str, *, source: str | None = None, language: str | None = None) -> Article:
    """Split ``text`` into an ``Article``; the text itself is kept as written."""
    parts = blocks(text)
    if not parts:
        raise ValueError("no text")
    kicker = None
    label_and_headline = _label_over_headline(text)
    if len(parts) >= 2 and label_and_headline is not None:
        kicker, parts[0] = label_and_headline
    elif len(parts) >= 3 and _headline_like(parts[0], KICKER_MAX_WORDS) and _headline_like(parts[1], TITLE_MAX_WORDS):
        kicker = parts.pop(0)
    if len(parts) >= 2 and _headline_like(parts[0], TITLE_MAX_WORDS):
        title = parts.pop(0)
    else:
        first_line = parts[0].split("\n", 1)[0]
        title = first_line if len(first_line) <= 120 else first_line[:119].rstrip() + "…"
    body = tuple(parts)
    scanned = body[:PULL_QUOTE_SCAN_BLOCKS]
    content_words = functools.cache(_content_words)  # each block's words found once, not once per comparison
    quotes = tuple(block for block in scanned if is_pull_quote(block, scanned, content_words))
    return Article(
        title=title,
        kicker=kicker,
        paragraphs=body,
        pull_quotes=quotes,
        language=language,
        source=source,
    )
