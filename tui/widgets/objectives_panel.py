"""The Objectives panel: each list with its lead-in and numbered items, and a visible warning
when the article announces a different number of items than it lists."""

from __future__ import annotations

from typing import Any

from tui.widgets.analysis_panel import AnalysisPanel, item_text
from tui.widgets.lines_view import Block


def mismatch_warning(objective: dict[str, Any]) -> str | None:
    announced = objective.get("announced_count")
    found = len(objective.get("items") or [])
    if objective.get("count_mismatch") or (isinstance(announced, int) and announced != found):
        return f"⚠ announced {announced}, found {found}"
    return None


class ObjectivesPanel(AnalysisPanel):
    EMPTY = "No objective lists found."

    def blocks_for(self, data: dict[str, Any]) -> list[Block]:
        blocks: list[Block] = []
        error = (data.get("errors") or {}).get("objectives")
        if error:
            blocks.append(Block(error, "warning"))
        for objective in data.get("objectives") or []:
            if not isinstance(objective, dict):
                continue
            lead_in = objective.get("lead_in") or objective.get("topic")
            if lead_in:
                blocks.append(Block(lead_in, "heading", gap=0))
            warning = mismatch_warning(objective)
            if warning:
                blocks.append(Block(warning, "warning", gap=0))
            items = objective.get("items") or []
            for n, item in enumerate(items, 1):
                blocks.append(Block(item_text(item), "body", gap=0, prefix=f"{n}. "))
            blocks.append(Block("", "body", gap=0))
        return blocks
