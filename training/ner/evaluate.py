"""Score a person model on a held-out split: entity-level PERSON P/R/F1, speed and size.

    python training/ner/evaluate.py --corpora /work/shared/corpora/ner --models summarize/ner/models

Prints exact-span, partial-overlap and whole-word scores (``metrics.py``) per test set, the
tagging speed in tokens per second (one thread, the shipped code path, tokenizing included) and
the model's size. ``--split dev`` scores the dev split instead (for choices; the test split is
for the final figure only).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from summarize.ner.tagger import MODELS
from summarize.ner.tokens import tokenize
from training.ner import splits
from training.ner.corpora import Sample
from training.ner.metrics import Scores
from training.ner.pipeline import predictor


def score(samples: list[Sample], predict) -> tuple[Scores, float, float, int]:
    """Scores, tagging time in seconds (wall clock, CPU) and the number of tokens tagged.

    CPU time is the fairer speed figure on a shared machine: wall time grows with other people's load.
    """
    scores = Scores.new()
    tokens = sum(len(tokenize(s.text)) for s in samples)
    t0, c0 = time.perf_counter(), time.process_time()
    predictions = [predict(s.text) for s in samples]
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    for sample, pred in zip(samples, predictions, strict=True):
        scores.add(sample.text, list(sample.persons), pred)
    return scores, elapsed, cpu, tokens


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, required=True)
    ap.add_argument("--models", type=Path, default=Path("summarize/ner/models"))
    ap.add_argument("--lang", choices=["ar", "en"], action="append")
    ap.add_argument("--split", choices=["test", "dev"], default="test")
    ap.add_argument("--split-clitics", action="store_true", help="experiment: the model was trained so")
    args = ap.parse_args(argv)
    for lang in args.lang or ["ar", "en"]:
        model = args.models / MODELS[lang]
        transform = None
        if args.split_clitics and lang == "ar":
            from training.ner.clitics import split_clitics

            transform = split_clitics
        predict = predictor(model, lang, transform)
        data = splits.build(lang, args.corpora, final=args.split == "test")
        sets = data.tests if args.split == "test" else {f"{lang}-dev": data.dev}
        print(f"== {lang} model {model} ({model.stat().st_size / 1e6:.2f} MB)")
        for name, samples in sets.items():
            scores, elapsed, cpu, tokens = score(samples, predict)
            speed = f"{tokens / elapsed:,.0f} tokens/s wall clock, {tokens / cpu:,.0f} per CPU second"
            print(f"{name}: {len(samples)} sentences, {tokens} tokens, {speed}")
            print(f"  exact   {scores.exact.row()}")
            print(f"  overlap {scores.overlap.row()}")
            print(f"  words   {scores.words.row()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
