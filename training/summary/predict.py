"""Summarize one article with the fold model that never saw it: the command ``score.py`` runs for CV.

    python training/summary/predict.py --cv-dir /tmp/cv --id {id} -n {n} {file}

Prints the chosen sentences, one per line (what ``newsread summarize`` prints).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from summarize.ranking.model import RankerModel
from summarize.summary import summarize_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", type=Path)
    parser.add_argument("--cv-dir", type=Path, required=True)
    parser.add_argument("--id", required=True, help="the article's id in the benchmark")
    parser.add_argument("-n", type=int, required=True)
    args = parser.parse_args()
    fold = json.loads((args.cv_dir / "folds.json").read_text("utf-8"))[args.id]
    model = RankerModel.from_json((args.cv_dir / f"fold_{fold}.json").read_text("utf-8"))
    summary = summarize_text(args.file.read_text("utf-8"), count=args.n, model=model)
    for chosen in summary.chosen:
        print(chosen.text)


if __name__ == "__main__":
    main()
