"""The Attendees panel: each person as 'name — title', then the groups that took part."""

from __future__ import annotations

from typing import Any

from tui.widgets.analysis_panel import AnalysisPanel, item_text
from tui.widgets.lines_view import Block


def attendee_line(person: Any) -> str:
    if not isinstance(person, dict):
        return str(person)
    name = person.get("name") or ""
    title = person.get("title")
    return f"{name} — {title}" if title else name


class AttendeesPanel(AnalysisPanel):
    EMPTY = "No attendees found."

    def blocks_for(self, data: dict[str, Any]) -> list[Block]:
        blocks: list[Block] = []
        error = (data.get("errors") or {}).get("attendees")
        if error:
            blocks.append(Block(error, "warning"))
        blocks.extend(Block(attendee_line(p), "body", gap=0, prefix="• ") for p in data.get("attendees") or [])
        groups = [item_text(g) for g in data.get("groups") or []]
        if groups:
            if blocks:
                blocks.append(Block("", "body", gap=0))
            blocks.append(Block("Groups", "heading", gap=0))
            blocks.extend(Block(g, "body", gap=0, prefix="• ") for g in groups if g)
        return blocks
