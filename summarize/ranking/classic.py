"""The first news method (position, centrality, headline overlap, length), in one pass over the words.

Centrality is the cosine of a sentence with the rest of the article. The rest is the document's
term counts ``D`` less the sentence's ``b``, so ``b·(D-b) = b·D - |b|²`` and
``|D-b|² = |D|² - 2 b·D + |b|²``: integer sums over the sentence's own terms, equal to the old
copy-the-vocabulary computation to the last bit, in time linear in the article's words.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from summarize.ranking.terms import terms
from summarize.sentences import ITEM, SENTENCE, TITLE, Sentence
from summarize.text import words

# Weights tuned on the development half of EASC (see README).
POSITION_WEIGHT = 1.0
POSITION_DECAY = 0.6
CENTRALITY_WEIGHT = 0.5
HEADLINE_WEIGHT = 0.6
LENGTH_WEIGHT = 0.1
DUPLICATE_CONTAINMENT = 0.7
MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class ClassicScores:
    """Scores of the sentences that may be chosen, and every candidate's term bag (for duplicates)."""

    scores: dict[int, float]
    bags: dict[int, Counter]


def candidate_indices(sentences: tuple[Sentence, ...]) -> list[int]:
    """Body sentences and list items: never the kicker or the headline."""
    return [i for i, s in enumerate(sentences) if s.kind in (SENTENCE, ITEM)]


def _cosine_parts(dot: int, aa: int, bb: int) -> float:
    if not aa or not bb:
        return 0.0
    norm = math.sqrt(aa) * math.sqrt(bb)
    return dot / norm if norm else 0.0


def classic_scores(sentences: tuple[Sentence, ...], lang: str) -> ClassicScores:
    """Score each candidate of four words or more (duplicates are left to the caller)."""
    candidates = candidate_indices(sentences)
    bags = {i: Counter(terms(sentences[i].text, lang)) for i in candidates}
    document: Counter = Counter()
    for bag in bags.values():
        document.update(bag)
    doc_sq = sum(v * v for v in document.values())
    headline: Counter = Counter()
    for s in sentences:
        if s.kind == TITLE:
            headline.update(terms(s.text, lang))
    head_sq = sum(v * v for v in headline.values())
    scores: dict[int, float] = {}
    for rank, i in enumerate(candidates):
        if len(words(sentences[i].text)) < MIN_WORDS:
            continue
        bag = bags[i]
        own_sq = sum(v * v for v in bag.values())
        with_doc = sum(v * document[t] for t, v in bag.items())
        with_head = sum(v * headline[t] for t, v in bag.items()) if head_sq else 0
        centrality = _cosine_parts(with_doc - own_sq, own_sq, doc_sq - 2 * with_doc + own_sq)
        scores[i] = (
            LENGTH_WEIGHT * math.log1p(len(bag))
            + POSITION_WEIGHT / (rank + 1) ** POSITION_DECAY
            + CENTRALITY_WEIGHT * centrality
            + HEADLINE_WEIGHT * _cosine_parts(with_head, own_sq, head_sq)
        )
    return ClassicScores(scores, bags)
