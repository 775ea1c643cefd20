"""Common ground of the side panels: a placeholder while the analysis runs, then its blocks."""

from __future__ import annotations

from summarize.analysis import Analysis
from tui.widgets.lines_view import Block, LinesView

PENDING = "Analysing…"
STEPS = 3  # summary, attendees, objectives


class AnalysisPanel(LinesView):
    """One view of an article's ``Analysis``."""

    EMPTY = "Nothing found."

    def on_mount(self) -> None:
        self.show_pending(None)

    def show_pending(self, article_id: int | None, *, steps: int = 0) -> None:
        """The placeholder while the article is analysed; ``steps`` of the three done so far."""
        if article_id is None:
            self.set_blocks([Block("No article selected.", "muted")])
            return
        self.set_blocks([Block(PENDING if not steps else f"{PENDING} {min(steps, STEPS)}/{STEPS}", "muted")])

    def show_error(self, message: str) -> None:
        self.set_blocks([Block(message, "warning")])

    def show_analysis(self, analysis: Analysis, *, text_length: int = 0, analysed: int | None = None) -> None:
        """The analysis; when only the first ``analysed`` of ``text_length`` characters were read
        (``summarize.analysis.analysed_part``), a notice on top says so."""
        blocks = self.blocks_for(analysis) or [Block(self.EMPTY, "muted")]
        if analysed is not None and analysed < text_length:
            notice = f"Long article ({text_length:,} characters): analysed its first {analysed:,}."
            blocks = [Block(notice, "warning"), *blocks]
        self.set_blocks(blocks)

    def blocks_for(self, analysis: Analysis) -> list[Block]:
        raise NotImplementedError
