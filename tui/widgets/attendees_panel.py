"""The Attendees panel: each person as 'name — title', then the groups that took part."""

from __future__ import annotations

from summarize.analysis import Analysis, Attendee
from tui.widgets.analysis_panel import AnalysisPanel
from tui.widgets.lines_view import Block


def attendee_line(person: Attendee) -> str:
    return f"{person.name} — {person.title}" if person.title else person.name


class AttendeesPanel(AnalysisPanel):
    EMPTY = "No attendees found."

    def blocks_for(self, analysis: Analysis) -> list[Block]:
        blocks = [Block(attendee_line(p), "body", gap=0, prefix="• ") for p in analysis.attendees]
        if analysis.attendee_groups:
            if blocks:
                blocks.append(Block("", "body", gap=0))
            blocks.append(Block("Groups", "heading", gap=0))
            blocks.extend(Block(g, "body", gap=0, prefix="• ") for g in analysis.attendee_groups if g)
        return blocks
