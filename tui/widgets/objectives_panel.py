"""The Objectives panel: each list with its lead-in and numbered items, and a visible warning
when the article announces a different number of items than it lists."""

from __future__ import annotations

from summarize.analysis import Analysis, Objectives
from tui.widgets.analysis_panel import AnalysisPanel
from tui.widgets.lines_view import Block


def mismatch_warning(objectives: Objectives) -> str | None:
    if objectives.count_mismatch:
        return f"⚠ announced {objectives.announced_count}, found {len(objectives.items)}"
    return None


class ObjectivesPanel(AnalysisPanel):
    EMPTY = "No objective lists found."

    def blocks_for(self, analysis: Analysis) -> list[Block]:
        blocks: list[Block] = []
        for objectives in analysis.objectives:
            lead_in = objectives.lead_in or objectives.topic
            if lead_in:
                blocks.append(Block(lead_in, "heading", gap=0))
            warning = mismatch_warning(objectives)
            if warning:
                blocks.append(Block(warning, "warning", gap=0))
            for n, item in enumerate(objectives.items, 1):
                blocks.append(Block(item, "body", gap=0, prefix=f"{n}. "))
            blocks.append(Block("", "body", gap=0))
        return blocks
