"""Samples -> CRFsuite training sequences, and candidate models -> predicted spans.

Both sides use the recognizer's own tokenizer, sentence splitter, features and label coding
(``summarize.ner``), so a model is trained on exactly what it will see at run time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from summarize.ner.features import sentence_features
from summarize.ner.labels import encode
from summarize.ner.recognizer import persons_with
from summarize.ner.spans import PersonSpan
from summarize.ner.tokens import Token, sentences, tokenize
from training.ner.corpora import Sample

Transform = Callable[[list[Token]], list[Token]]  # an experimental change of the tokens (clitic splitting)


def sequences(
    samples: list[Sample], lang: str, transform: Transform | None = None
) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, labels) per sentence, as the tagger will cut and see them."""
    for sample in samples:
        tokens = tokenize(sample.text)
        if transform is not None:
            tokens = transform(tokens)
        for sent in sentences(tokens, sample.text):
            yield sentence_features(sent, lang), encode(sent, sample.persons)


@dataclass(frozen=True)
class Params:
    """CRFsuite L-BFGS settings (documented in README.md)."""

    c1: float = 0.1
    c2: float = 0.01
    max_iterations: int = 150
    min_freq: int = 1

    def crfsuite(self) -> dict[str, object]:
        return {
            "c1": self.c1,
            "c2": self.c2,
            "max_iterations": self.max_iterations,
            "feature.minfreq": self.min_freq,
            "feature.possible_transitions": True,
        }


def train(
    samples: list[Sample], lang: str, out: Path, params: Params, transform: Transform | None = None
) -> dict[str, float]:
    """Train one model into ``out``; returns sizes and timings for the report."""
    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    n_tokens = 0
    for xseq, yseq in sequences(samples, lang, transform):
        trainer.append(xseq, yseq)
        n_tokens += len(yseq)
    trainer.set_params(params.crfsuite())
    t1 = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    last = trainer.logparser.last_iteration or {}
    return {
        "tokens": n_tokens,
        "features_s": round(t1 - t0, 1),
        "train_s": round(time.perf_counter() - t1, 1),
        "iterations": len(trainer.logparser.iterations),
        "active_features": last.get("active_features", 0),
        "bytes": out.stat().st_size,
    }


def predictor_spans(model: Path, lang: str) -> Callable[[str], tuple[PersonSpan, ...]]:
    """Text -> ``PersonSpan`` values with the model file ``model`` (the shipped code path)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return lambda text: persons_with(tagger, text, lang)


def predictor(model: Path, lang: str, transform: Transform | None = None) -> Callable[[str], list[tuple[int, int]]]:
    """Text -> predicted (start, end) person spans with the model file ``model``."""
    if transform is None:
        spans = predictor_spans(model, lang)
        return lambda text: [(p.start, p.end) for p in spans(text)]
    from training.ner.clitics import persons_split

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return lambda text: persons_split(tagger, text, lang, transform)
