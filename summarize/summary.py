"""Extractive summaries: our news method by default, every sumy summarizer by name.

The news method scores each body sentence by its position (news puts the gist first),
its centrality (overlap with the rest of the article) and its overlap with the
headline, skips near-duplicates (pull-quotes repeat body sentences) and returns the
chosen sentences in article order. Its cost is linear in the article's length.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from summarize.language import detect_language
from summarize.ranking.classic import DUPLICATE_CONTAINMENT, candidate_indices, classic_scores
from summarize.ranking.duplicates import DuplicateIndex
from summarize.ranking.terms import terms
from summarize.sentences import TITLE, Sentence, split_sentences

__all__ = [
    "DEFAULT_COUNT",
    "METHODS",
    "SUMY_METHODS",
    "ChosenSentence",
    "InputTooLong",
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
DEFAULT_COUNT = 3

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
class ChosenSentence:
    """A summary sentence: its index in ``Summary.sentences`` and its score (higher is better)."""

    index: int
    text: str
    score: float
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Summary:
    language: str
    method: str
    title: str | None
    sentences: tuple[Sentence, ...]
    chosen: tuple[ChosenSentence, ...]


def budget(n_candidates: int, count: int | None, ratio: float | None) -> int:
    """How many sentences to choose: an explicit count, a ratio of the body, or the default."""
    if count is not None:
        wanted = count
    elif ratio is not None:
        wanted = max(1, round(ratio * n_candidates))
    else:
        wanted = DEFAULT_COUNT
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


def _news(sentences: tuple[Sentence, ...], lang: str, n: int) -> tuple[list[int], dict[int, float]]:
    ranked = classic_scores(sentences, lang)
    duplicates = DuplicateIndex(ranked.bags, DUPLICATE_CONTAINMENT)
    return best_first(ranked.scores, n, duplicates.is_duplicate, MAX_SKIPPED_DUPLICATES), ranked.scores


def summarize_text(
    text: str,
    *,
    count: int | None = None,
    ratio: float | None = None,
    method: str = DEFAULT_METHOD,
    language: str | None = None,
) -> Summary:
    """Summarize ``text`` with ``method``; the chosen sentences keep the article's order.

    Raises ``ValueError`` for an unknown method and ``InputTooLong`` past ``MAX_INPUT_CHARS``.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r} (known: {', '.join(METHODS)})")
    if len(text) > MAX_INPUT_CHARS:
        raise InputTooLong(len(text), MAX_INPUT_CHARS)
    lang = language or detect_language(text)
    sentences = split_sentences(text, lang)
    title = next((s.text for s in sentences if s.kind == TITLE), None)
    n = budget(len(candidate_indices(sentences)), count, ratio)
    if method in (DEFAULT_METHOD, CLASSIC_METHOD):
        best, scores = _news(sentences, lang, n)
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
    chosen = tuple(
        ChosenSentence(i, sentences[i].text, round(scores[i], 4), sentences[i].start, sentences[i].end)
        for i in sorted(best)
    )
    return Summary(language=lang, method=method, title=title, sentences=sentences, chosen=chosen)
