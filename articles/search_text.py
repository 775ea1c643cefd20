"""Arabic-aware text forms for full-text search: what the index stores, what a query asks, where a hit is.

SQLite's FTS5 cannot load a custom tokenizer from Python, so both sides are folded the
same way *before* FTS5 sees them: harakat and tatweel dropped, alef forms unified,
taa marbuta to haa, alef maqsura to yaa, digits to ASCII, lower case
(``summarize.text.normalize``). FTS5's own ``porter`` tokenizer then stems English words.
The stored article text is never changed; snippets are cut from the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarize.text import WORD, normalize
from summarize.text.clitics import strip_article as _strip_article

SNIPPET_WORDS = 24
INDEX_VERSION = "2"  # bump when index_form, clitic_form or the tokenizer change: the store then rebuilds the index
_PHRASE = re.compile(r'"([^"]*)"')


def index_form(text: str) -> str:
    """The folded text FTS5 indexes (``normalize(text, fold_letters=True)``); its tokenizer splits the words."""
    return normalize(text, fold_letters=True)


def strip_article(folded_word: str) -> str:
    """A folded Arabic word without its definite article (``والامريكيه`` → ``امريكيه``); others unchanged."""
    return _strip_article(folded_word, min_stem=3) if not folded_word.isascii() else folded_word


def clitic_form(folded_text: str) -> str:
    """The extra words indexed for an article: each Arabic word that had an article, without it, once.

    With these, ``امريكية`` finds ``الأمريكية`` and ``والأمريكية``, and ``الامريكية`` finds
    ``أمريكية``: the query term is stripped the same way and matched as a prefix in every column.
    """
    if folded_text.isascii():
        return ""
    found: dict[str, None] = {}
    for word in WORD.findall(folded_text):
        bare = strip_article(word)
        if bare != word:
            found[bare] = None
    return " ".join(found)


@dataclass(frozen=True)
class Query:
    """A parsed user query: prefix terms and exact phrases, all folded, all required."""

    terms: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.terms and not self.phrases

    def match_expression(self) -> str:
        """An FTS5 MATCH string: every term as a quoted prefix, every phrase quoted; AND between them.

        An Arabic term with an article also matches without it, in any column (``extra`` holds the
        article's words stripped the same way); phrases match the title and body as written.

        Quoting each token means the user's text can never be read as FTS5 syntax (no
        ``NEAR``, ``OR``, column filters or stray quotes reaching the parser).
        """
        parts = []
        for term in self.terms:
            bare = strip_article(term)
            parts.append(f'("{term}"* OR "{bare}"*)' if bare != term else f'"{term}"*')
        parts += ['{title body} : "' + " ".join(phrase) + '"' for phrase in self.phrases]
        return " AND ".join(parts)

    @property
    def stems(self) -> tuple[str, ...]:
        """Loose forms of the terms for finding a snippet: article stripped, and for long words the
        ending cut (FTS5 stems ``meetings`` to ``meet``; the snippet must find the word FTS5 matched)."""
        return tuple(_loose(strip_article(t)) for t in self.terms)

    def matches_word(self, folded_word: str) -> bool:
        """Whether a folded word of the article is one the query asks for (for snippets)."""
        bare = strip_article(folded_word)
        return any(bare.startswith(stem) or folded_word.startswith(stem) for stem in self.stems) or any(
            folded_word in phrase for phrase in self.phrases
        )


def _loose(term: str) -> str:
    return term if len(term) <= 4 else term[: max(4, len(term) - 3)]


def parse_query(query: str) -> Query:
    """Split ``query`` into phrases (``"..."``) and prefix terms, folded like the index."""
    phrases = []
    for found in _PHRASE.findall(query):
        tokens = tuple(WORD.findall(index_form(found)))
        if tokens:
            phrases.append(tokens)
    rest = _PHRASE.sub(" ", query).replace('"', " ")
    terms: list[str] = []
    for token in WORD.findall(index_form(rest)):
        if token not in terms:
            terms.append(token)
    return Query(tuple(terms), tuple(phrases))


def snippet(blocks: list[str], query: Query, *, width: int = SNIPPET_WORDS) -> str:
    """A plain-text excerpt of the first block with a matching word, cut around that word.

    The excerpt is a slice of the original text (logical order, harakat kept), with
    ``…`` where it was cut; without any matching word, the start of the first block.
    """
    needles = [*query.stems, *(w for phrase in query.phrases for w in phrase)]
    for block in blocks:
        folded = index_form(block)
        if not any(needle in folded for needle in needles):
            continue  # a matching word contains a needle: skip the word-by-word look
        spans = [m.span() for m in WORD.finditer(block)]
        for index, (start, end) in enumerate(spans):
            if query.matches_word(index_form(block[start:end])):
                return _cut(block, spans, index, width)
    first = next((b for b in blocks if b.strip()), "")
    spans = [m.span() for m in WORD.finditer(first)]
    return _cut(first, spans, 0, width) if spans else " ".join(first.split())


def _cut(block: str, spans: list[tuple[int, int]], index: int, width: int) -> str:
    first = max(0, index - width // 3)
    last = min(len(spans), first + width) - 1
    first = max(0, min(first, last - width + 1))
    start = 0 if first == 0 else spans[first][0]
    end = len(block) if last == len(spans) - 1 else spans[last][1]
    text = " ".join(block[start:end].split())
    return ("…" if start > 0 else "") + text + ("…" if end < len(block.rstrip()) else "")
