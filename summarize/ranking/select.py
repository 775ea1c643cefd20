"""Coherent selection: the best sentences that read well together, in article order.

Greedy by score, less a redundancy penalty (cosine of the sentence with everything chosen so far,
times the model's ``redundancy`` weight), evaluated lazily through a heap so the work stays
proportional to what is examined. Rules on top of the scores:

- a near-duplicate of a kept sentence (``DuplicateIndex``) and a pull-quote are never chosen;
- fragments (under four words) only when nothing else is left;
- a lead-in that announces a list (``... وهي:``, ``as follows:``, any sentence ending in a colon)
  comes with its items: it is taken only when it and its whole list (the list items right after
  it, or else the next sentence; at most ``MAX_LIST_ITEMS``) fit in the budget, all of them
  together; otherwise it is skipped. A summary never ends on a promise it does not keep.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass

from summarize.ranking.duplicates import DuplicateIndex
from summarize.ranking.features import SentenceFeatures
from summarize.sentences import ITEM, Sentence

MAX_LIST_ITEMS = 4
MAX_EXAMINED_EXTRA = 400  # sentences looked at beyond the budget before giving up (degenerate texts)
DUPLICATE_CONTAINMENT = 0.7


@dataclass(frozen=True, slots=True)
class Pick:
    """A chosen candidate, the penalty it paid for repeating the summary, and why it was taken."""

    index: int
    redundancy: float
    reason: str = "score"  # or "list item" (taken with its lead-in)


class _Summary:
    """Term counts of the chosen sentences, for the redundancy cosine."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()
        self.square = 0

    def cosine(self, bag: Counter) -> float:
        if not self.square or not bag:
            return 0.0
        dot = sum(v * self.counts[t] for t, v in bag.items())
        own = sum(v * v for v in bag.values())
        return dot / (math.sqrt(own) * math.sqrt(self.square))

    def add(self, bag: Counter) -> None:
        for t, v in bag.items():
            before = self.counts[t]
            self.counts[t] = before + v
            self.square += (before + v) ** 2 - before**2


def list_items(sentences: tuple[Sentence, ...], lead_in: int, candidates: dict[int, SentenceFeatures]) -> list[int]:
    """The items a lead-in announces: the list items right after it, else the next sentence."""
    items = []
    j = lead_in + 1
    while j < len(sentences) and sentences[j].kind == ITEM and j in candidates:
        items.append(j)
        j += 1
    if not items and lead_in + 1 < len(sentences) and lead_in + 1 in candidates:
        items.append(lead_in + 1)
    return items


def select(
    sentences: tuple[Sentence, ...],
    features: list[SentenceFeatures],
    scores: dict[int, float],
    n: int,
    redundancy: float,
) -> list[Pick]:
    """Up to ``n`` picks in article order (see the module's rules)."""
    by_index = {f.index: f for f in features}
    duplicates = DuplicateIndex({f.index: f.bag for f in features}, DUPLICATE_CONTAINMENT)
    summary = _Summary()
    picks: dict[int, Pick] = {}
    heap = [(-scores[f.index], f.index) for f in features if not f.pull_quote and not f.fragment]
    heapq.heapify(heap)
    fresh: set[int] = set()
    examined = 0

    def take(i: int, penalty: float, reason: str) -> None:
        picks[i] = Pick(i, penalty, reason)
        summary.add(by_index[i].bag)
        fresh.clear()  # every other sentence's penalty is stale now

    while heap and len(picks) < n and examined < n + MAX_EXAMINED_EXTRA:
        negative, i = heapq.heappop(heap)
        if i in picks:
            continue
        penalty = redundancy * summary.cosine(by_index[i].bag)
        if i not in fresh and heap and -negative - penalty < -heap[0][0]:
            fresh.add(i)  # re-queue with the penalty it pays now; taken when it still leads
            heapq.heappush(heap, (negative + penalty, i))
            continue
        examined += 1
        fresh.discard(i)
        if duplicates.is_duplicate(i):
            continue
        if by_index[i].lead_in:
            items = [j for j in list_items(sentences, i, by_index) if j not in picks]
            if not items or len(items) > MAX_LIST_ITEMS or len(picks) + 1 + len(items) > n:
                continue
            take(i, penalty, "score")
            for j in items:
                take(j, 0.0, "list item")
            continue
        take(i, penalty, "score")
    if not picks and n:  # only fragments and pull-quotes: better a short summary than none
        for f in sorted(features, key=lambda f: (-scores[f.index], f.index))[:n]:
            picks[f.index] = Pick(f.index, 0.0, "score")
    return [picks[i] for i in sorted(picks)]
