"""The article itself: kicker, headline, body, pull-quotes set apart, summary highlights on demand."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from articles.model import Article
from tui.options import RenderOptions
from tui.widgets.lines_view import Block, LinesView

# The reader lays out at most this many characters of an article, and a longer paragraph in pieces
# of at most READER_MAX_PARAGRAPH (bidi runs over a whole paragraph: one 300,000-character Arabic line
# took 9 s). Layout is on the UI thread: a 5 MB article froze it for 12 s. A notice says what is left out.
READER_MAX_CHARS = 200_000
READER_MAX_PARAGRAPH = 5_000


def paragraph_offsets(article: Article) -> list[tuple[int, int]]:
    """(start, end) of each body paragraph inside ``article.text`` (summary spans point there)."""
    text = article.text
    spans = []
    cursor = 0
    for paragraph in article.paragraphs:
        start = text.find(paragraph, cursor)
        if start < 0:
            spans.append((-1, -1))
            continue
        spans.append((start, start + len(paragraph)))
        cursor = start + len(paragraph)
    return spans


def split_by_spans(text: str, offset: int, spans: Iterable[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` (which starts at ``offset``) cut into (piece, highlighted) runs by the given spans."""
    pieces: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in sorted(spans):
        a, b = max(start - offset, cursor), min(end - offset, len(text))
        if b <= a:
            continue
        if a > cursor and text[cursor:a].strip():
            pieces.append((text[cursor:a].strip(), False))
        pieces.append((text[a:b].strip(), True))
        cursor = b
    if text[cursor:].strip():
        pieces.append((text[cursor:].strip(), False))
    return pieces or [(text, False)]


def article_blocks(
    article: Article, highlights: Iterable[tuple[int, int]] = (), *, show_highlights: bool = False
) -> list[Block]:
    """The blocks the reader shows for ``article``; highlighted runs become their own blocks."""
    blocks: list[Block] = []
    if article.kicker:
        blocks.append(Block(article.kicker, "kicker", gap=0))
    blocks.append(Block(article.title, "headline"))
    meta = " · ".join(part for part in (article.source, article.published, article.language) if part)
    if meta:
        blocks.append(Block(meta, "muted"))
    quotes = set(article.pull_quotes)
    spans = list(highlights) if show_highlights else []
    offsets = paragraph_offsets(article)
    for paragraph, (start, _end) in zip(article.paragraphs, offsets, strict=True):
        if paragraph in quotes:
            blocks.append(Block(paragraph, "quote", prefix="┃ "))
            continue
        if spans and start >= 0:
            runs = split_by_spans(paragraph, start, spans)
            for n, (piece, marked) in enumerate(runs):
                blocks.append(Block(piece, "highlight" if marked else "body", gap=1 if n == len(runs) - 1 else 0))
        else:
            blocks.append(Block(paragraph))
    return capped(blocks, article.id)


def _pieces(text: str) -> list[str]:
    """``text`` cut at spaces into pieces of at most ``READER_MAX_PARAGRAPH`` characters."""
    pieces = []
    while len(text) > READER_MAX_PARAGRAPH:
        cut = text.rfind(" ", READER_MAX_PARAGRAPH // 2, READER_MAX_PARAGRAPH)
        cut = cut if cut > 0 else READER_MAX_PARAGRAPH
        pieces.append(text[:cut])
        text = text[cut:].lstrip(" ")
    return [*pieces, text]


def capped(blocks: list[Block], article_id: int | None) -> list[Block]:
    """``blocks`` cut to ``READER_MAX_CHARS`` characters (with a notice) and long ones into pieces."""
    total = sum(len(block.text) for block in blocks)
    if total <= READER_MAX_CHARS and all(len(block.text) <= READER_MAX_PARAGRAPH for block in blocks):
        return blocks
    out: list[Block] = []
    shown = 0
    for block in blocks:
        if shown >= READER_MAX_CHARS:
            break
        text = block.text[: READER_MAX_CHARS - shown]
        shown += len(text)
        pieces = _pieces(text)
        for n, piece in enumerate(pieces):
            last = n == len(pieces) - 1
            out.append(replace(block, text=piece, gap=block.gap if last else 0, prefix=block.prefix if not n else ""))
    if shown < total:
        command = f"newsread show {article_id}" if article_id is not None else "newsread show"
        out.append(
            Block(
                f"⚠ The article is {total:,} characters long: the reader shows its first {shown:,}; "
                f"'{command}' prints all of it.",
                "warning",
            )
        )
    return out


class ReaderView(LinesView):
    """Shows one article; ``h`` toggles the summary's sentences highlighted in place."""

    def __init__(self, render: RenderOptions = RenderOptions(), *, id: str | None = None) -> None:
        super().__init__(render, id=id)
        self.article: Article | None = None
        self.highlights: list[tuple[int, int]] = []
        self.show_highlights = False

    def show_article(self, article: Article | None) -> None:
        self.article = article
        self.highlights = []
        self._redraw(keep_scroll=False)

    def set_highlights(self, spans: Iterable[tuple[int, int]]) -> None:
        self.highlights = list(spans)
        if self.show_highlights:
            self._redraw(keep_scroll=True)

    def toggle_highlights(self) -> bool:
        self.show_highlights = not self.show_highlights
        self._redraw(keep_scroll=True)
        return self.show_highlights

    def _redraw(self, *, keep_scroll: bool) -> None:
        if self.article is None:
            self.set_blocks([Block("No article selected.", "muted")])
            return
        blocks = article_blocks(self.article, self.highlights, show_highlights=self.show_highlights)
        self.set_blocks(blocks, keep_scroll=keep_scroll)
