"""Extractive summaries: our news method by default, every sumy summarizer by name.

The news method scores each body sentence by its position (news puts the gist first),
its centrality (overlap with the rest of the article) and its overlap with the
headline, skips near-duplicates (pull-quotes repeat body sentences) and returns the
chosen sentences in article order.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from summarize.language import detect_language, stop_words
from summarize.sentences import ITEM, SENTENCE, TITLE, Sentence, split_sentences
from summarize.stemming import stemmer_for
from summarize.text import words

DEFAULT_METHOD = "news"
LEAD_METHOD = "lead"
SUMY_METHODS = ("lsa", "lex-rank", "text-rank", "luhn", "edmundson", "sum-basic", "kl", "reduction")
METHODS = (DEFAULT_METHOD, LEAD_METHOD, *SUMY_METHODS)
DEFAULT_COUNT = 3

# Weights of the news method, tuned on the development half of EASC (see README).
POSITION_WEIGHT = 1.0
POSITION_DECAY = 0.6
CENTRALITY_WEIGHT = 0.5
HEADLINE_WEIGHT = 0.6
LENGTH_WEIGHT = 0.1
DUPLICATE_CONTAINMENT = 0.7
MIN_WORDS = 4


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


def candidate_indices(sentences: tuple[Sentence, ...]) -> list[int]:
    """Body sentences and list items: never the kicker or the headline."""
    return [i for i, s in enumerate(sentences) if s.kind in (SENTENCE, ITEM)]


def budget(n_candidates: int, count: int | None, ratio: float | None) -> int:
    """How many sentences to choose: an explicit count, a ratio of the body, or the default."""
    if count is not None:
        wanted = count
    elif ratio is not None:
        wanted = max(1, round(ratio * n_candidates))
    else:
        wanted = DEFAULT_COUNT
    return max(0, min(wanted, n_candidates))


def terms(text: str, lang: str) -> list[str]:
    """Stemmed content words of ``text`` (stop words and bare numbers left out)."""
    stem = stemmer_for(lang)
    stops = stop_words(lang)
    out = []
    for word in words(text):
        stemmed = stem(word)
        if stemmed and not stemmed.isdigit() and stemmed not in stops and stem(word) not in stops:
            out.append(stemmed)
    return out


def _cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def near_duplicates(bags: dict[int, Counter]) -> set[int]:
    """Indices whose terms are mostly contained in another, longer sentence (pull-quotes)."""
    dropped: set[int] = set()
    keys = list(bags)
    for i in keys:
        mine = set(bags[i])
        if not mine:
            continue
        for j in keys:
            if i == j or j in dropped:
                continue
            other = set(bags[j])
            if len(other) < len(mine) or (len(other) == len(mine) and j > i):
                continue
            if len(mine & other) / len(mine) >= DUPLICATE_CONTAINMENT:
                dropped.add(i)
                break
    return dropped


def news_scores(sentences: tuple[Sentence, ...], lang: str) -> dict[int, float]:
    """Score each candidate; near-duplicates and fragments are left out of the result."""
    candidates = candidate_indices(sentences)
    bags = {i: Counter(terms(sentences[i].text, lang)) for i in candidates}
    document: Counter = Counter()
    for bag in bags.values():
        document.update(bag)
    headline: Counter[str] = Counter()
    for s in sentences:
        if s.kind == TITLE:
            headline.update(terms(s.text, lang))
    dropped = near_duplicates(bags)
    scores: dict[int, float] = {}
    for rank, i in enumerate(candidates):
        if i in dropped or len(words(sentences[i].text)) < MIN_WORDS:
            continue
        rest = document - bags[i]
        score = (
            LENGTH_WEIGHT * math.log1p(len(bags[i]))
            + POSITION_WEIGHT / (rank + 1) ** POSITION_DECAY
            + CENTRALITY_WEIGHT * _cosine(bags[i], rest)
            + HEADLINE_WEIGHT * _cosine(bags[i], headline)
        )
        scores[i] = score
    return scores


def lead_scores(sentences: tuple[Sentence, ...], lang: str) -> dict[int, float]:
    """Lead-N: earlier is better."""
    candidates = candidate_indices(sentences)
    return {i: 1.0 / (rank + 1) for rank, i in enumerate(candidates)}


def summarize_text(
    text: str,
    *,
    count: int | None = None,
    ratio: float | None = None,
    method: str = DEFAULT_METHOD,
    language: str | None = None,
) -> Summary:
    """Summarize ``text`` with ``method``; the chosen sentences keep the article's order."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r} (known: {', '.join(METHODS)})")
    lang = language or detect_language(text)
    sentences = split_sentences(text, lang)
    title = next((s.text for s in sentences if s.kind == TITLE), None)
    n = budget(len(candidate_indices(sentences)), count, ratio)
    if method == DEFAULT_METHOD:
        scores = news_scores(sentences, lang)
    elif method == LEAD_METHOD:
        scores = lead_scores(sentences, lang)
    else:
        from summarize.sumy_methods import sumy_scores

        scores = sumy_scores(method, sentences, lang, n)
    if not scores and n:  # only fragments: better a short summary than none
        scores = lead_scores(sentences, lang)
    best = sorted(scores, key=lambda i: (-scores[i], i))[:n]
    chosen = tuple(
        ChosenSentence(i, sentences[i].text, round(scores[i], 4), sentences[i].start, sentences[i].end)
        for i in sorted(best)
    )
    return Summary(language=lang, method=method, title=title, sentences=sentences, chosen=chosen)
