"""Training rows for the sentence ranker: features of each candidate sentence and its human label.

The benchmark's own loader (``score.py`` beside ``--data``) reads the articles and maps every
reference sentence back to an article sentence. Our segmenter cuts sentences its own way, so a
sentence of ours is labelled per reference by how much of it (in characters of the benchmark's
matching key: letters and digits only) lies in the sentences that reference chose. The label is
the mean over the references: the share of annotators who chose it (EASC has five per article,
BBC one). ``gains`` is the other label on offer: the sentence's own ROUGE-1 F1 against the
references, as a share of the article's best sentence (it also rewards words, not only picks).
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path

from summarize.ranking.features import SentenceFeatures, sentence_features
from summarize.sentences import Sentence, split_sentences

CORPORA = ("easc", "bbc")


@dataclass(frozen=True)
class Example:
    """One article: its id, corpus, language, text, our sentences, features, labels and budget."""

    id: str
    corpus: str
    lang: str
    path: str
    sentences: tuple[Sentence, ...]
    features: list[SentenceFeatures]
    labels: list[float]
    gains: list[float]
    budget: int
    references: list[list[str]]


def load_scorer(data: Path):
    """The benchmark's ``score.py`` as a module (it lives beside the data folder)."""
    path = data.resolve().parent / "score.py"
    spec = importlib.util.spec_from_file_location("summ_score", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["summ_score"] = module
    spec.loader.exec_module(module)
    return module


def _labels(scorer, article, sentences: tuple[Sentence, ...], features: list[SentenceFeatures]) -> list[float]:
    keys = [scorer.match_key(s) for s in article.sents]
    chosen_keys = [{keys[i] for i in sel if keys[i]} for sel in article.ref_sel]
    labels = []
    for f in features:
        mine = scorer.match_key(sentences[f.index].text)
        if not mine:
            labels.append(0.0)
            continue
        shares = []
        for chosen in chosen_keys:
            if any(mine in k for k in chosen):
                shares.append(1.0)
                continue
            covered = sum(len(k) for k in chosen if len(k) >= 10 and k in mine)
            shares.append(min(1.0, covered / len(mine)))
        labels.append(sum(shares) / len(shares) if shares else 0.0)
    return labels


def _gains(rouge, sentences: tuple[Sentence, ...], features: list[SentenceFeatures], references) -> list[float]:
    """Each sentence's ROUGE-1 F1 against each reference on its own, averaged, as a share of the best."""
    gains = []
    for f in features:
        scores = [rouge.score("\n".join(r), sentences[f.index].text)["rouge1"].fmeasure for r in references if r]
        gains.append(sum(scores) / len(scores) if scores else 0.0)
    top = max(gains, default=0.0)
    return [g / top if top else 0.0 for g in gains]


def load_examples(data: Path, corpora: tuple[str, ...] = CORPORA) -> list[Example]:
    scorer = load_scorer(data)
    rouge = scorer.Scorer(True, "mean").rs
    out = []
    for corpus in corpora:
        for article in scorer.load_corpus(corpus, str(data), None):
            sentences = split_sentences(article.text, article.lang)
            features = sentence_features(sentences, article.lang)
            references = article.references("aligned" if corpus == "easc" else "raw")
            out.append(
                Example(
                    id=article.id,
                    corpus=corpus,
                    lang=article.lang,
                    path=article.path,
                    sentences=sentences,
                    features=features,
                    labels=_labels(scorer, article, sentences, features),
                    gains=_gains(rouge, sentences, features, references),
                    budget=article.budget("median"),
                    references=references,
                )
            )
    return out
