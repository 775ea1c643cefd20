"""The Summary panel: the chosen sentences, in article order; with ``h``, why each was chosen."""

from __future__ import annotations

from summarize.analysis import Analysis
from tui.widgets.analysis_panel import AnalysisPanel
from tui.widgets.lines_view import Block


class SummaryPanel(AnalysisPanel):
    EMPTY = "No summary: the article is too short."

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.explained = False  # with the highlights on, each sentence says why it was chosen
        self._analysis: Analysis | None = None
        self._lengths: tuple[int, int | None] = (0, None)

    def show_analysis(self, analysis: Analysis, *, text_length: int = 0, analysed: int | None = None) -> None:
        self._analysis = analysis
        self._lengths = (text_length, analysed)  # the long-article notice stays when explanations toggle
        super().show_analysis(analysis, text_length=text_length, analysed=analysed)

    def explain(self, on: bool) -> None:
        self.explained = on
        if self._analysis is not None:
            text_length, analysed = self._lengths
            super().show_analysis(self._analysis, text_length=text_length, analysed=analysed)

    def blocks_for(self, analysis: Analysis) -> list[Block]:
        blocks = []
        for s in analysis.sentences:
            if not s.text:
                continue
            blocks.append(Block(s.text, "body", gap=0 if self.explained else 1, prefix="• "))
            if self.explained:
                blocks.append(Block(s.explanation(top=3), "muted"))
        return blocks

    def summary_text(self) -> str:
        """The summary as logical text (for copying), one sentence a line."""
        return "\n".join(b.text for b in self.blocks if b.kind == "body")
