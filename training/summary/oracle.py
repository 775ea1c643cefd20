"""What separates the sentences annotators chose from the rest: the ceiling and the signals.

    python training/summary/oracle.py --data ../shared/eval/summ/data [--cv-dir /tmp/cv]

Per corpus: ROUGE-1 of Lead-N, of the top-n sentences by the share of annotators who chose them,
and of a greedy extractive oracle (each step adds the sentence that raises ROUGE-1 most); how the
share falls with rank; each feature's correlation with the share within an article (past the
first sentence, which Lead-N already takes). With ``--cv-dir``, the per-article difference between
the cross-validated news method and Lead-N, its standard deviation and standard error: what a
difference between two systems must exceed to mean anything on this many articles.
Scores in process with the benchmark's tokens, as ``train.py``'s objective does.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import load_examples, load_scorer
from train import _rouge1, objective

from summarize.ranking.features import FEATURES
from summarize.ranking.model import RankerModel


def _greedy(counts: list[Counter], references, budget: int) -> list[int]:
    picks: list[int] = []
    for _ in range(min(budget, len(counts))):
        rest = [k for k in range(len(counts)) if k not in picks]
        picks.append(max(rest, key=lambda k: _rouge1(counts, references, [*picks, k])))
    return picks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cv-dir", type=Path, help="train.py's fold models, for the noise figures")
    args = parser.parse_args()
    examples = load_examples(args.data)
    tokenizer = load_scorer(args.data).UnicodeTokenizer(True)
    tokens = {}
    for e in examples:
        counts = [Counter(tokenizer.tokenize(e.sentences[f.index].text)) for f in e.features]
        joined = [tokenizer.tokenize(" ".join(r)) for r in e.references if r]
        tokens[e.id] = (counts, [(Counter(t), len(t)) for t in joined])
    folds = json.loads((args.cv_dir / "folds.json").read_text("utf-8")) if args.cv_dir else {}
    for corpus in sorted({e.corpus for e in examples}):
        subset = [e for e in examples if e.corpus == corpus and e.features]
        lead, by_share, greedy, inside, majority = [], [], [], [], []
        by_rank: dict[int, list[float]] = defaultdict(list)
        for e in subset:
            counts, references = tokens[e.id]
            n = min(e.budget, len(e.features))
            top = sorted(range(len(e.features)), key=lambda k: -e.labels[k])[:n]
            lead.append(_rouge1(counts, references, list(range(n))))
            by_share.append(_rouge1(counts, references, top))
            greedy.append(_rouge1(counts, references, _greedy(counts, references, n)))
            inside.append(sum(k < n for k in top) / n)
            majority.append(sum(y > 0.5 for y in e.labels) / len(e.labels))
            for k, y in enumerate(e.labels):
                by_rank[min(k, 9)].append(y)
        print(f"{corpus}: {len(subset)} articles")
        print(
            f"  ROUGE-1: Lead-N {100 * statistics.mean(lead):.2f}, "
            f"top-n by share {100 * statistics.mean(by_share):.2f}, "
            f"greedy oracle {100 * statistics.mean(greedy):.2f}; top-n by share inside the first n: "
            f"{100 * statistics.mean(inside):.0f} %; sentences most annotators chose: "
            f"{100 * statistics.mean(majority):.0f} %"
        )
        print("  share by rank: " + " ".join(f"{k + 1}:{statistics.mean(v):.2f}" for k, v in sorted(by_rank.items())))
        for name in FEATURES:
            xs, ys = [], []
            for e in subset:
                x = numpy.array([f.values[name] for f in e.features[1:]])
                y = numpy.array(e.labels[1:])
                if len(x) > 1:
                    xs.append(x - x.mean())
                    ys.append(y - y.mean())
            x, y = numpy.concatenate(xs), numpy.concatenate(ys)
            if x.std() > 0 and y.std() > 0:
                print(
                    f"  correlation with the share within an article, past rank 1: {name:18} "
                    f"{numpy.corrcoef(x, y)[0, 1]:+.3f}"
                )
        if folds:
            models = {
                k: RankerModel.from_json((args.cv_dir / f"fold_{k}.json").read_text("utf-8"))
                for k in set(folds.values())
            }
            diffs = [
                100 * (objective([e], models[folds[e.id]], tokens) - base) for e, base in zip(subset, lead, strict=True)
            ]
            sd = statistics.stdev(diffs)
            print(
                f"  news (CV) - Lead-N per article: mean {statistics.mean(diffs):+.2f}, sd {sd:.2f}, "
                f"standard error {sd / math.sqrt(len(diffs)):.2f}"
            )


if __name__ == "__main__":
    main()
