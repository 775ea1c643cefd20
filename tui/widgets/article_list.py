"""The article list, virtualized: it draws only the visible rows and fetches them page by page.

A library of 10,000 articles costs one ``count()`` and one page of light rows at start-up, and
no widget per article. Titles go through the renderer (shaped, visual order) and Arabic titles
are right-aligned in their column.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import ClassVar, Protocol

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from articles.store import EVERYTHING, ArticleRow, ListFilter, RowKey
from tui.dates import short_date
from tui.options import RenderOptions
from tui.sanitize import for_terminal
from tui.widgets.lines_view import is_rtl, layout

PAGE_SIZE = 200
MAX_PAGES = 50  # 10,000 rows in memory at most, whatever the library's size
DATE_ROOM = 34  # cells from which a row shows its date (a 120-column terminal gives the list 35)
TITLE_CACHE = 4000
UNREAD_MARK, STAR_MARK = "●", "★"


class RowSource(Protocol):
    """What the list needs from the library (``articles.store.Library`` provides it)."""

    def count(self, where: ListFilter = ...) -> int: ...
    def rows(self, where: ListFilter = ..., *, offset: int = 0, limit: int = 100) -> list[ArticleRow]: ...
    def page(
        self, where: ListFilter = ..., *, after: RowKey | None = None, limit: int = 100, backwards: bool = False
    ) -> list[ArticleRow]: ...
    def key_of(self, article_id: int) -> RowKey | None: ...
    def position(self, article_id: int, where: ListFilter = ...) -> int | None: ...


def fit_title(title: str, width: int, render: RenderOptions) -> tuple[str, bool]:
    """The title as one display line of at most ``width`` cells, and whether it reads right to left."""
    rtl = is_rtl(title)
    if width <= 1:
        return "", rtl
    # only the first line is shown: shaping a long title to the end would be wasted work
    lines = layout(" ".join(title[: 3 * width + 16].split()), width - 1, render)
    if not lines:
        return "", rtl
    line = lines[0]
    if len(lines) > 1:
        line = "…" + line if rtl else line + "…"
    return line, rtl


def row_meta(row: ArticleRow, width: int) -> str:
    """The date and language columns (as wide as there is room for), made safe for the terminal."""
    lang = for_terminal(row.language or "--", one_line=True)[:2].ljust(2)
    if width >= DATE_ROOM:
        return f"{short_date(row.published, row.sort_key or row.imported)} {lang} "
    return f"{lang} " if width >= 20 else ""


class ArticleList(ScrollView, can_focus=True):
    """Rows of (unread, star, date, language, title); a cursor; pages fetched on demand."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-list--cursor", "article-list--unread", "article-list--meta"}

    class Highlighted(Message):
        """The cursor moved to another article."""

        def __init__(self, article_list: ArticleList, row: ArticleRow) -> None:
            super().__init__()
            self.article_list = article_list
            self.row = row

    class Selected(Message):
        """The user opened the row under the cursor (enter or a click on the selected row)."""

        def __init__(self, article_list: ArticleList, row: ArticleRow) -> None:
            super().__init__()
            self.article_list = article_list
            self.row = row

    def __init__(
        self,
        source: RowSource,
        render: RenderOptions | None = None,
        *,
        where: ListFilter = EVERYTHING,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.source = source
        self.render_options = render or RenderOptions()
        self.where = where
        self.cursor = 0
        self._count = 0
        self._pages: OrderedDict[int, list[ArticleRow]] = OrderedDict()
        self._styles: dict[tuple[bool, bool], tuple[Style, Style, Style]] = {}
        self._titles: OrderedDict[tuple[int, str, int], tuple[str, bool]] = OrderedDict()
        self.reload()

    # data
    def reload(self, *, follow: int | None = None) -> None:
        """Forget cached pages (after marks or imports) and re-count; the cursor stays on article
        ``follow`` (default: the one under it) wherever new rows put it, never on a row number."""
        current = self.current_row if follow is None and self._count else None
        follow = follow if follow is not None else (current.id if current is not None else None)
        self._pages.clear()
        self._count = self.source.count(self.where)
        position = self.source.position(follow, self.where) if follow is not None else None
        self.cursor = position if position is not None else min(self.cursor, max(0, self._count - 1))
        # the width never scrolls, so it is left at 0: a resize then needs no new virtual size
        # (and no layout pass), only a count change does
        if self.virtual_size.height != self._count:
            self.virtual_size = Size(0, self._count)
        if not self.is_mounted and self._count > self.app.size.height:
            # more rows than the terminal has lines: the scrollbar is certain, and knowing it before
            # the first layout spares a second one (and a repaint of the list) once it appears
            self.set_reactive(ScrollView.show_vertical_scrollbar, True)
        if self.is_mounted:
            self._scroll_cursor_into_view()
        self.refresh()

    @property
    def row_count(self) -> int:
        return self._count

    def row_at(self, index: int) -> ArticleRow | None:
        if not 0 <= index < self._count:
            return None
        page = index // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            rows = self._fetch(page)
            self._keep(page, rows)
        else:
            self._pages.move_to_end(page)
        offset = index - page * PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def _keep(self, page: int, rows: list[ArticleRow]) -> None:
        self._pages[page] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)

    def _fetch(self, page: int) -> list[ArticleRow]:
        """Rows of ``page`` by keyset from a neighbouring page or an end of the list; only a jump far
        from both (dragging the scrollbar) pays one OFFSET query."""
        start = page * PAGE_SIZE
        size = min(PAGE_SIZE, self._count - start)
        before, after = self._pages.get(page - 1), self._pages.get(page + 1)
        if page == 0:
            return self.source.page(self.where, limit=size)
        if before and len(before) == PAGE_SIZE:
            return self.source.page(self.where, after=before[-1].key, limit=size)
        if after:
            return self.source.page(self.where, after=after[0].key, limit=size, backwards=True)
        if start + size >= self._count:
            return self.source.page(self.where, limit=size, backwards=True)
        return self.source.rows(self.where, offset=start, limit=size)

    @property
    def current_row(self) -> ArticleRow | None:
        return self.row_at(self.cursor)

    def replace_row(self, row: ArticleRow) -> None:
        """Update one cached row in place (after ``r``/``s``) without refetching the page."""
        for rows in self._pages.values():
            for n, old in enumerate(rows):
                if old.id == row.id:
                    rows[n] = row
        self.refresh()

    def index_of(self, article_id: int) -> int | None:
        """Position of ``article_id`` in this list (one indexed count), its page fetched around it."""
        key = self.source.key_of(article_id)
        index = self.source.position(article_id, self.where) if key is not None else None
        if key is None or index is None:
            return None
        page = index // PAGE_SIZE
        if page not in self._pages:
            start = page * PAGE_SIZE
            before = self.source.page(self.where, after=key, limit=index - start, backwards=True)
            # ids are whole numbers: "after (sort_key, id + 1)" is "from this row on"
            rest = self.source.page(self.where, after=(key[0], key[1] + 1), limit=start + PAGE_SIZE - index)
            if len(before) == index - start and rest and rest[0].id == article_id:
                self._keep(page, before + rest)
        return index

    def move_to_article(self, article_id: int) -> bool:
        """Put the cursor on ``article_id``; False when it is not in this list."""
        index = self.index_of(article_id)
        if index is None:
            return False
        self.move_to(index)
        return True

    # cursor
    def move_to(self, index: int) -> None:
        if self._count == 0:
            return
        index = max(0, min(index, self._count - 1))
        changed = index != self.cursor
        old = self.cursor
        self.cursor = index
        self._scroll_cursor_into_view()
        self.refresh_line(old)
        self.refresh_line(index)
        row = self.current_row
        if changed and row is not None:
            self.post_message(self.Highlighted(self, row))

    def refresh_line(self, index: int) -> None:
        y = index - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh_lines(y)

    def move_by(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def page_by(self, pages: int) -> None:
        self.move_by(pages * max(1, self.scrollable_content_region.height - 1))

    def _scroll_cursor_into_view(self) -> None:
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif height and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def select_current(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.Selected(self, row))

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < self._count:
            if index == self.cursor and event.chain >= 2:
                self.select_current()
            else:
                self.move_to(index)

    def on_resize(self) -> None:
        self._scroll_cursor_into_view()

    # drawing
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = {}

    def _row_styles(self, unread: bool, current: bool) -> tuple[Style, Style, Style]:
        """(base, row, meta) styles, cached until the CSS or focus changes."""
        key = (unread, current)
        found = self._styles.get(key)
        if found is None:
            base = style = self.rich_style
            if unread:
                style = style + self.get_component_rich_style("article-list--unread", partial=True)
            if current:
                style = style + self.get_component_rich_style("article-list--cursor", partial=True)
            found = (base, style, style + self.get_component_rich_style("article-list--meta", partial=True))
            self._styles[key] = found
        return found

    def _title(self, row: ArticleRow, width: int) -> tuple[str, bool]:
        key = (row.id, row.title, width)
        found = self._titles.get(key)
        if found is None:
            found = fit_title(row.title or "", width, self.render_options)
            self._titles[key] = found
            if len(self._titles) > TITLE_CACHE:
                self._titles.popitem(last=False)
        return found

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        row = self.row_at(index)
        if row is None:
            return Strip.blank(width, self._row_styles(False, False)[0])
        base, style, meta_style = self._row_styles(not row.read, index == self.cursor)
        marks = f"{' ' if row.read else UNREAD_MARK}{STAR_MARK if row.starred else ' '} "
        meta = row_meta(row, width)
        title_width = max(0, width - cell_len(marks) - cell_len(meta))
        title, rtl = self._title(row, title_width)
        gap = " " * max(0, title_width - cell_len(title))
        body = [Segment(gap, style), Segment(title, style)] if rtl else [Segment(title, style), Segment(gap, style)]
        segments = [Segment(marks, style), Segment(meta, meta_style), *body]
        used = cell_len(marks) + cell_len(meta) + max(title_width, cell_len(title))
        if used == width:
            return Strip(segments, width)
        return Strip(segments).crop_extend(0, width, base)
