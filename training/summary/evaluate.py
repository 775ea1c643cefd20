"""Quick in-process ROUGE of the news method under cross-validation, beside the first method and Lead.

    python training/summary/evaluate.py --data ../shared/eval/summ/data --cv-dir /tmp/cv

Same tokenizer, references (EASC aligned, BBC raw) and budget (median reference length) as
``score.py``, which gives the figures of record; this one is for iterating on features.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import load_examples, load_scorer

from summarize.ranking.model import RankerModel
from summarize.summary import summarize_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cv-dir", type=Path, required=True)
    parser.add_argument("--methods", default="news,classic,lead")
    args = parser.parse_args()
    scorer_module = load_scorer(args.data)
    scorer = scorer_module.Scorer(True, "mean")
    folds = json.loads((args.cv_dir / "folds.json").read_text("utf-8"))
    models = {
        k: RankerModel.from_json(p.read_text("utf-8"))
        for k, p in ((int(p.stem.split("_")[1]), p) for p in args.cv_dir.glob("fold_*.json"))
    }
    examples = load_examples(args.data)
    for corpus in ("easc", "bbc"):
        subset = [e for e in examples if e.corpus == corpus]
        for method in args.methods.split(","):
            rows = []
            for e in subset:
                text = Path(e.path).read_text("utf-8")
                model = models[folds[e.id]] if method == "news" else None
                summary = summarize_text(text, count=e.budget, method=method, language=e.lang, model=model)
                output = scorer_module.split_output("\n".join(c.text for c in summary.chosen), e.lang)
                rows.append(scorer.score(output, e.references))
            cells = " ".join(f"{100 * statistics.mean(r[t] for r in rows):6.2f}" for t in scorer.TYPES)
            print(f"{corpus:5} {method:10} R1/R2/RL {cells}")


if __name__ == "__main__":
    main()
