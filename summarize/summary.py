"""Extractive summaries: our learned news method by default, the first one, Lead-N and every sumy method.

``news`` (default) scores each body sentence with a small logistic model over features
(``summarize.ranking.features``: position, length, headline overlap, centrality from two graphs,
cue words, quotation, list membership, numbers, people named) trained on human extractive
summaries (``training/summary/train.py``), then chooses coherently
(``summarize.ranking.select``): no near-duplicates or pull-quotes, a lead-in only with its list,
a penalty for repeating what is already chosen, the picks in article order. Each pick carries its
top features and their contributions. ``classic`` is the first news method (hand-set weights).
Both cost time linear in the article's length.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from summarize.language import detect_language
from summarize.ranking.classic import DUPLICATE_CONTAINMENT, candidate_indices, classic_scores
from summarize.ranking.duplicates import DuplicateIndex
from summarize.ranking.features import sentence_features
from summarize.ranking.model import RankerModel, default_model
from summarize.ranking.select import select
from summarize.ranking.terms import terms
from summarize.sentences import TITLE, Sentence, split_sentences

__all__ = [
    "METHODS",
    "SUMY_METHODS",
    "ChosenSentence",
    "Feature",
    "InputTooLong",
    "RankerModel",
    "Summary",
    "budget",
    "candidate_indices",
    "summarize_text",
    "terms",
]

DEFAULT_METHOD = "news"
CLASSIC_METHOD = "classic"  # the first news method (hand-set weights), kept by name to compare against
LEAD_METHOD = "lead"
SUMY_METHODS = ("lsa", "lex-rank", "text-rank", "luhn", "edmundson", "sum-basic", "kl", "reduction")
METHODS = (DEFAULT_METHOD, CLASSIC_METHOD, LEAD_METHOD, *SUMY_METHODS)
MAX_DEFAULT_COUNT = 6
EXPLAINED_FEATURES = 4

# The hard limit: past it nothing is read (the news method takes about 5 s per million characters).
MAX_INPUT_CHARS = 10_000_000
# How many near-duplicates the news method skips before it stops looking (a text of one sentence
# repeated thousands of times would otherwise be checked copy by copy).
MAX_SKIPPED_DUPLICATES = 200


class InputTooLong(ValueError):
    """The text is longer than ``limit`` characters: refused before any work."""

    def __init__(self, length: int, limit: int):
        super().__init__(f"text has {length:,} characters; the summarizer reads at most {limit:,}")
        self.length = length
        self.limit = limit


@dataclass(frozen=True, slots=True)
class Feature:
    """Why a sentence scored as it did: a feature's value and what it added to the score."""

    name: str
    value: float
    contribution: float


@dataclass(frozen=True, slots=True)
class ChosenSentence:
    """A summary sentence: its index in ``Summary.sentences`` and its score (higher is better).

    ``position`` counts body sentences from 0 (the kicker and headline are not counted);
    ``features`` are the news method's strongest reasons, largest contribution first (empty for
    the other methods); ``reason`` is ``"score"``, or ``"list item"`` for an item taken with the
    lead-in that announces it.
    """

    index: int
    text: str
    score: float
    start: int
    end: int
    position: int = 0
    features: tuple[Feature, ...] = ()
    reason: str = "score"


@dataclass(frozen=True, slots=True)
class Summary:
    language: str
    method: str
    title: str | None
    sentences: tuple[Sentence, ...]
    chosen: tuple[ChosenSentence, ...]
    budget: int = 0  # how many sentences were asked for (after the default rule and the article's size)


def default_count(n_candidates: int) -> int:
    """The default length: the square root of the body's sentence count, rounded, from 1 to 6.

    1-2 sentences -> 1, 3-6 -> 2, 7-12 -> 3, 13-20 -> 4, 21-30 -> 5, 31 or more -> 6: a brief
    gets one sentence, a long report six.
    """
    return max(1, min(MAX_DEFAULT_COUNT, round(math.sqrt(n_candidates))))


def budget(n_candidates: int, count: int | None, ratio: float | None) -> int:
    """How many sentences to choose: an explicit count, a ratio of the body, or ``default_count``."""
    if count is not None:
        wanted = count
    elif ratio is not None:
        wanted = max(1, round(ratio * n_candidates))
    else:
        wanted = default_count(n_candidates)
    return max(0, min(wanted, n_candidates))


def lead_scores(sentences: tuple[Sentence, ...], lang: str) -> dict[int, float]:
    """Lead-N: earlier is better."""
    candidates = candidate_indices(sentences)
    return {i: 1.0 / (rank + 1) for rank, i in enumerate(candidates)}


def best_first(
    scores: dict[int, float], n: int, skip: Callable[[int], bool] | None = None, max_skipped: int | None = None
) -> list[int]:
    """The ``n`` best indices by score (ties: earlier first), passing over those ``skip`` rejects."""
    chosen: list[int] = []
    skipped = 0
    for i in sorted(scores, key=lambda i: (-scores[i], i)):
        if len(chosen) >= n or (max_skipped is not None and skipped > max_skipped):
            break
        if skip is not None and skip(i):
            skipped += 1
            continue
        chosen.append(i)
    return chosen


def _classic(sentences: tuple[Sentence, ...], lang: str, n: int) -> tuple[list[int], dict[int, float]]:
    ranked = classic_scores(sentences, lang)
    duplicates = DuplicateIndex(ranked.bags, DUPLICATE_CONTAINMENT)
    return best_first(ranked.scores, n, duplicates.is_duplicate, MAX_SKIPPED_DUPLICATES), ranked.scores


def _reasons(model: RankerModel, values: dict[str, float], contributions: tuple[float, ...]) -> list[Feature]:
    """The strongest features, a language's own copy of a feature ("name@ar") counted with it."""
    total: dict[str, float] = {}
    for name, c in zip(model.features, contributions, strict=True):
        base = name.split("@")[0]
        total[base] = total.get(base, 0.0) + c
    ranked = sorted(total.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:EXPLAINED_FEATURES]
    return [Feature(name, round(values.get(name, 0.0), 4), round(c, 4)) for name, c in ranked]


def _news(sentences: tuple[Sentence, ...], lang: str, n: int, model: RankerModel) -> tuple[ChosenSentence, ...]:
    features = sentence_features(sentences, lang)
    contributions = {f.index: model.contributions(f.values) for f in features}
    scores = {f.index: model.bias + sum(contributions[f.index]) for f in features}
    by_index = {f.index: f for f in features}
    chosen = []
    for pick in select(sentences, features, scores, n, model.redundancy):
        f = by_index[pick.index]
        reasons = _reasons(model, f.values, contributions[f.index])
        if pick.redundancy:
            reasons.append(
                Feature("redundancy", round(pick.redundancy / model.redundancy, 4), -round(pick.redundancy, 4))
            )
        s = sentences[pick.index]
        score = round(scores[pick.index] - pick.redundancy, 4)
        chosen.append(
            ChosenSentence(pick.index, s.text, score, s.start, s.end, f.position, tuple(reasons), pick.reason)
        )
    return tuple(chosen)


def summarize_text(
    text: str,
    *,
    count: int | None = None,
    ratio: float | None = None,
    method: str = DEFAULT_METHOD,
    language: str | None = None,
    model: RankerModel | None = None,
) -> Summary:
    """Summarize ``text`` with ``method``; the chosen sentences keep the article's order.

    ``count`` or ``ratio`` set the length, else ``default_count`` does. ``model`` replaces the
    shipped ranker of the news method (training and cross-validation use it).
    Raises ``ValueError`` for an unknown method and ``InputTooLong`` past ``MAX_INPUT_CHARS``.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r} (known: {', '.join(METHODS)})")
    if len(text) > MAX_INPUT_CHARS:
        raise InputTooLong(len(text), MAX_INPUT_CHARS)
    lang = language or detect_language(text)
    sentences = split_sentences(text, lang)
    title = next((s.text for s in sentences if s.kind == TITLE), None)
    candidates = candidate_indices(sentences)
    n = budget(len(candidates), count, ratio)
    if method == DEFAULT_METHOD:
        chosen = _news(sentences, lang, n, model or default_model())
        return Summary(lang, method, title, sentences, chosen, n)
    if method == CLASSIC_METHOD:
        best, scores = _classic(sentences, lang, n)
    else:
        if method == LEAD_METHOD:
            scores = lead_scores(sentences, lang)
        else:
            from summarize.sumy_methods import sumy_scores

            scores = sumy_scores(method, sentences, lang, n)
        best = best_first(scores, n)
    if not best and n:  # only fragments: better a short summary than none
        scores = lead_scores(sentences, lang)
        best = best_first(scores, n)
    position = {i: rank for rank, i in enumerate(candidates)}
    chosen = tuple(
        ChosenSentence(i, sentences[i].text, round(scores[i], 4), sentences[i].start, sentences[i].end, position[i])
        for i in sorted(best)
    )
    return Summary(lang, method, title, sentences, chosen, n)
