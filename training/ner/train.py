"""Train the person models shipped in ``summarize/ner/models``.

    python training/ner/train.py --corpora /work/shared/corpora/ner --out summarize/ner/models

Deterministic: the corpora are read in a fixed order, nothing is shuffled, and CRFsuite's L-BFGS
has no random state, so the same corpora and code give the same weights. By default the models are
trained on train + dev (the final models); ``--dev`` holds the dev split out, for experiments.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from summarize.ner.tagger import MODELS
from training.ner import splits
from training.ner.pipeline import Params, train

# Chosen on the dev splits (README.md): L1 prunes rare features and keeps the files small.
NEWS = ("newsfane", "anercorp")
NEWS_WEIGHT = 1
DEFAULTS = {"ar": Params(c1=0.1, c2=0.01, max_iterations=150), "en": Params(c1=0.1, c2=0.01, max_iterations=150)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, required=True, help="folder holding ar/ and en/ (SOURCES.md)")
    ap.add_argument("--out", type=Path, required=True, help="where the .crfsuite files go")
    ap.add_argument("--lang", choices=["ar", "en"], action="append", help="one model only (default: both)")
    ap.add_argument("--dev", action="store_true", help="hold the dev split out (experiments)")
    ap.add_argument("--c1", type=float)
    ap.add_argument("--c2", type=float)
    ap.add_argument("--iterations", type=int)
    ap.add_argument("--news-weight", type=int, help="repeat the Arabic newswire sentences this many times")
    ap.add_argument("--split-clitics", action="store_true", help="experiment: split Arabic prefixes into tokens")
    args = ap.parse_args(argv)
    for lang in args.lang or ["ar", "en"]:
        base = DEFAULTS[lang]
        params = Params(
            c1=base.c1 if args.c1 is None else args.c1,
            c2=base.c2 if args.c2 is None else args.c2,
            max_iterations=base.max_iterations if args.iterations is None else args.iterations,
        )
        data = splits.build(lang, args.corpora, final=not args.dev)
        weight = NEWS_WEIGHT if args.news_weight is None else args.news_weight
        if lang == "ar" and weight > 1:  # Wikipedia outnumbers news 2:1; the recognizer reads news
            data.train += [s for s in data.train if s.corpus in NEWS] * (weight - 1)
        transform = None
        if args.split_clitics and lang == "ar":
            from training.ner.clitics import split_clitics

            transform = split_clitics
        stats = train(data.train, lang, args.out / MODELS[lang], params, transform)
        report = {
            "lang": lang,
            "final": not args.dev,
            "params": params.crfsuite(),
            "news_weight": weight if lang == "ar" else None,
            "train_sentences": len(data.train),
            "train_persons": sum(len(s.persons) for s in data.train),
            "removed_for_overlap": data.removed,
            "kept": data.kept,
            **stats,
        }
        print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
