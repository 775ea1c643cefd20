"""The Attendees panel: each person as 'name — title', then the groups that took part.

A person can be chosen (``j``/``k`` when the panel has focus) and followed (``enter``): the other
articles of the library they attended."""

from __future__ import annotations

from summarize.analysis import Analysis, Attendee
from tui.widgets.analysis_panel import AnalysisPanel
from tui.widgets.lines_view import Block


def attendee_line(person: Attendee) -> str:
    return f"{person.name} — {person.title}" if person.title else person.name


class AttendeesPanel(AnalysisPanel):
    EMPTY = "No attendees found."

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.people: tuple[Attendee, ...] = ()
        self.groups: tuple[str, ...] = ()
        self.selected = 0

    def show_pending(self, article_id: int | None, *, steps: int = 0) -> None:
        self.people, self.groups = (), ()
        super().show_pending(article_id, steps=steps)

    def show_analysis(self, analysis: Analysis, *, text_length: int = 0, analysed: int | None = None) -> None:
        self.people, self.groups, self.selected = analysis.attendees, analysis.attendee_groups, 0
        super().show_analysis(analysis, text_length=text_length, analysed=analysed)

    def blocks_for(self, analysis: Analysis) -> list[Block]:
        return self._people_blocks()

    def _people_blocks(self) -> list[Block]:
        marked = self.has_focus
        blocks = [
            Block(attendee_line(p), "highlight" if marked and n == self.selected else "body", gap=0, prefix="• ")
            for n, p in enumerate(self.people)
        ]
        if self.groups:
            if blocks:
                blocks.append(Block("", "body", gap=0))
            blocks.append(Block("Groups", "heading", gap=0))
            blocks.extend(Block(g, "body", gap=0, prefix="• ") for g in self.groups if g)
        return blocks

    @property
    def chosen(self) -> Attendee | None:
        """The person ``enter`` follows."""
        return self.people[self.selected] if self.people else None

    def choose(self, delta: int) -> None:
        """Move the choice by ``delta`` people (the panel scrolls with it)."""
        if not self.people:
            return
        self.selected = max(0, min(len(self.people) - 1, self.selected + delta))
        self.set_blocks(self._people_blocks(), keep_scroll=True)
        self.scroll_to(y=max(0, self.selected - self.scrollable_content_region.height + 2), animate=False)

    def on_focus(self) -> None:
        if self.people:
            self.set_blocks(self._people_blocks(), keep_scroll=True)

    def on_blur(self) -> None:
        if self.people:
            self.set_blocks(self._people_blocks(), keep_scroll=True)
