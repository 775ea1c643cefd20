"""Entity-level PERSON scores: exact span match, partial overlap, and whole-word match.

- exact: a predicted span counts only with the very same start and end as a gold span;
- overlap: a predicted span counts when it overlaps some gold span, a gold span is found when some
  predicted span overlaps it (lenient; says how often the model is near the name);
- words: both sides widened to whole space-separated words before an exact match, so a name
  found with or without its attached "و" counts the same (ANERcorp labels whole words).
"""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]


@dataclass
class Score:
    """Counts for one way of matching; precision, recall and F1 derived from them."""

    tp_pred: int = 0
    tp_gold: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> str:
        p, r, f = self.precision, self.recall, self.f1
        return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (gold {self.gold}, predicted {self.pred})"


def _widen(text: str, span: Span) -> Span:
    start, end = span
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Scores:
    """The three matchings, accumulated over many texts."""

    exact: Score
    overlap: Score
    words: Score

    @classmethod
    def new(cls) -> Scores:
        return cls(Score(), Score(), Score())

    def add(self, text: str, gold: list[Span], pred: list[Span]) -> None:
        gold_set, pred_set = set(gold), set(pred)
        hits = len(gold_set & pred_set)
        self.exact.tp_pred += hits
        self.exact.tp_gold += hits
        gold_w = {_widen(text, s) for s in gold_set}
        pred_w = {_widen(text, s) for s in pred_set}
        hits_w = len(gold_w & pred_w)
        self.words.tp_pred += hits_w
        self.words.tp_gold += hits_w
        self.overlap.tp_pred += sum(1 for p in pred_set if any(_overlap(p, g) for g in gold_set))
        self.overlap.tp_gold += sum(1 for g in gold_set if any(_overlap(p, g) for p in pred_set))
        for score, g, p in ((self.exact, gold_set, pred_set), (self.overlap, gold_set, pred_set)):
            score.gold += len(g)
            score.pred += len(p)
        self.words.gold += len(gold_w)
        self.words.pred += len(pred_w)
