"""The Summary panel: the chosen sentences, in article order."""

from __future__ import annotations

from summarize.analysis import Analysis
from tui.widgets.analysis_panel import AnalysisPanel
from tui.widgets.lines_view import Block


class SummaryPanel(AnalysisPanel):
    EMPTY = "No summary: the article is too short."

    def blocks_for(self, analysis: Analysis) -> list[Block]:
        return [Block(s.text, "body", prefix="• ") for s in analysis.sentences if s.text]

    def summary_text(self) -> str:
        """The summary as logical text (for copying), one sentence a line."""
        return "\n".join(b.text for b in self.blocks if b.kind == "body")
