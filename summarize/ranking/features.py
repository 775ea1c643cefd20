"""Per-sentence features for the learned news ranker, computed in one pass over the article.

Every feature is a number per candidate sentence (body sentences and list items). Centrality
comes from two graphs, both summed in linear time from document totals: the cosine of a
sentence's term counts with the rest of the article (a weighted graph), and how many terms it
shares with the other sentences (the word-overlap graph's degree). Language-specific signals
(reporting verbs, titles) exist for Arabic and English; every other feature only needs words.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from summarize.ranking.classic import MIN_WORDS, candidate_indices
from summarize.ranking.cues import DIGIT, LEAD_IN_END, LEAD_IN_WORDS, QUOTES, REPORTING, TITLES
from summarize.ranking.terms import terms
from summarize.sentences import ITEM, TITLE, Sentence
from summarize.text import LATIN_LETTER, normalize, words

FEATURES = (
    "position",
    "first",
    "relative_position",
    "paragraph_start",
    "length",
    "short",
    "long",
    "headline",
    "centrality",
    "overlap_degree",
    "keywords",
    "reporting",
    "quote",
    "item",
    "lead_in",
    "numbers",
    "people",
    "pull_quote",
    "question",
)
# Arabic news (human-picked EASC summaries) and English (BBC) weigh the same cues differently, so
# each feature also has an Arabic copy, "name@ar": the feature's value in Arabic text, 0 elsewhere.
# Every other language gets the base weights alone.
SPECIFIC_LANGUAGES = ("ar",)
ALL_FEATURES = FEATURES + tuple(f"{name}@{lang}" for lang in SPECIFIC_LANGUAGES for name in FEATURES)
KEYWORDS = 10
PULL_QUOTE_MAX_WORDS = 25


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """The features of one candidate, its term bag (for redundancy) and the flags selection needs."""

    index: int
    position: int
    values: dict[str, float]
    bag: Counter
    lead_in: bool
    pull_quote: bool
    fragment: bool


def _cosine(dot: float, aa: float, bb: float) -> float:
    return dot / (math.sqrt(aa) * math.sqrt(bb)) if aa > 0 and bb > 0 else 0.0


def is_lead_in(text: str) -> bool:
    """True when the sentence announces a list: it ends in a colon or a 'the following' word."""
    if LEAD_IN_END.search(text):
        return True
    tail = words(text)[-1:]
    return bool(tail) and normalize(tail[0]) in LEAD_IN_WORDS


def is_pull_quote(sentences: tuple[Sentence, ...], i: int) -> bool:
    """A short paragraph of its own shaped 'Name: words' (or all in quotation marks): a display quote."""
    s = sentences[i]
    alone = (i == 0 or sentences[i - 1].paragraph != s.paragraph) and (
        i + 1 == len(sentences) or sentences[i + 1].paragraph != s.paragraph
    )
    if not alone or s.kind == ITEM or len(words(s.text)) > PULL_QUOTE_MAX_WORDS:
        return False
    colon = s.text.find(":")
    named = colon > 0 and len(words(s.text[:colon])) <= 4 and not LEAD_IN_END.search(s.text)
    quoted = s.text[:1] in '"«“' and s.text.rstrip(".")[-1:] in '"»”'
    return named or quoted


def _people(tokens: list[str], lang: str) -> float:
    titles = TITLES.get(lang, frozenset())
    count = sum(1 for w in tokens if normalize(w) in titles)
    if LATIN_LETTER.match(tokens[0] if tokens else ""):
        count += sum(1 for w in tokens[1:] if w[:1].isupper())  # capitalized words after the first
    return math.log1p(count)


def sentence_features(sentences: tuple[Sentence, ...], lang: str) -> list[SentenceFeatures]:
    """Features of every candidate sentence, in article order."""
    candidates = candidate_indices(sentences)
    bags = [Counter(terms(sentences[i].text, lang)) for i in candidates]
    document: Counter = Counter()
    frequency: Counter = Counter()
    for bag in bags:
        document.update(bag)
        frequency.update(bag.keys())
    doc_sq = sum(v * v for v in document.values())
    headline: Counter = Counter()
    for s in sentences:
        if s.kind == TITLE:
            headline.update(terms(s.text, lang))
    head_sq = sum(v * v for v in headline.values())
    top = {t for t, c in sorted(document.items(), key=lambda kv: (-kv[1], kv[0]))[:KEYWORDS] if c > 1}
    reporting = REPORTING.get(lang, frozenset())
    others = max(1, len(candidates) - 1)
    out = []
    previous_paragraph = None
    for rank, (i, bag) in enumerate(zip(candidates, bags, strict=True)):
        s = sentences[i]
        tokens = words(s.text)
        own_sq = sum(v * v for v in bag.values())
        with_doc = sum(v * document[t] for t, v in bag.items())
        with_head = sum(v * headline[t] for t, v in bag.items()) if head_sq else 0
        shared = sum(frequency[t] - 1 for t in bag)
        lead_in = is_lead_in(s.text)
        pull_quote = is_pull_quote(sentences, i)
        values = {
            "position": 1.0 / (rank + 1) ** 0.6,
            "first": float(rank == 0),
            "relative_position": rank / others,
            "paragraph_start": float(s.paragraph != previous_paragraph),
            "length": math.log1p(len(bag)),
            "short": float(len(tokens) < 8),
            "long": float(len(tokens) > 45),
            "headline": _cosine(with_head, own_sq, head_sq),
            "centrality": _cosine(with_doc - own_sq, own_sq, doc_sq - 2 * with_doc + own_sq),
            "overlap_degree": shared / others / math.sqrt(max(1, len(bag))),
            "keywords": len(top & bag.keys()) / KEYWORDS,
            "reporting": float(any(normalize(w) in reporting for w in tokens)),
            "quote": float(bool(QUOTES.search(s.text))),
            "item": float(s.kind == ITEM),
            "lead_in": float(lead_in),
            "numbers": float(bool(DIGIT.search(s.text))),
            "people": _people(tokens, lang),
            "pull_quote": float(pull_quote),
            "question": float(s.text.rstrip().endswith(("?", "؟"))),
        }
        if lang in SPECIFIC_LANGUAGES:
            values.update({f"{name}@{lang}": v for name, v in list(values.items())})
        previous_paragraph = s.paragraph
        out.append(SentenceFeatures(i, rank, values, bag, lead_in, pull_quote, len(tokens) < MIN_WORDS))
    return out
