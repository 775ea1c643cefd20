"""How the recognizer would serve attendee extraction: measured on the extraction dev set.

    python training/ner/attendee_recall.py --eval /work/shared/eval/extract

Reports, over the dev articles, how many required attendee names some person span matches
(with ``score.py``'s own name matching: 1.0 = the same name, >= 0.5 = a partial name), and how many
spans match no attendee at all; then prints a fixed random sample of those spans with their
context, to classify by hand. Measurement only: nothing here is tuned on this set, and its texts
and answers stay out of the repository (the output quotes them: do not commit it).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from summarize.ner.tagger import MODELS, model_language
from training.ner.pipeline import predictor_spans


def _scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("extract_score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval", type=Path, required=True, help="the extraction dev folder (gold.jsonl, texts/)")
    ap.add_argument("--models", type=Path, default=Path("summarize/ner/models"))
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args(argv)
    score = _scorer(args.eval)
    predictors = {lang: predictor_spans(args.models / MODELS[lang], lang) for lang in ("ar", "en")}
    totals = {lang: {"names": 0, "exact": 0, "partial": 0, "spans": 0, "other": 0} for lang in ("ar", "en")}
    others = []
    for line in (args.eval / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        lang = model_language(gold["lang"])
        text = (args.eval / "texts" / f"{gold['id']}.txt").read_text(encoding="utf-8")
        spans = predictors[lang](text)
        everyone = [a["name"] for a in gold["attendees"] + gold.get("attendees_optional", [])]
        t = totals[lang]
        for person in gold["attendees"]:
            best = max((score.name_score(person["name"], s.text) for s in spans), default=0.0)
            t["names"] += 1
            t["exact"] += best >= 1.0
            t["partial"] += best >= 0.5
        for s in spans:
            t["spans"] += 1
            if not any(score.name_score(name, s.text) >= 0.5 for name in everyone):
                t["other"] += 1
                context = text[max(0, s.start - 40) : s.start] + "[" + s.text + "]" + text[s.end : s.end + 30]
                others.append((gold["id"], round(s.probability, 2), " ".join(context.split())))
    for lang, t in totals.items():
        n = t["names"] or 1
        print(
            f"{lang}: {t['names']} required names; a span is the same name for {t['exact']} ({t['exact'] / n:.0%}), "
            f"the name or part of it for {t['partial']} ({t['partial'] / n:.0%}); "
            f"{t['spans']} spans, {t['other']} of them match no attendee"
        )
    random.Random(args.seed).shuffle(others)
    print(f"\n{min(args.sample, len(others))} of the {len(others)} spans that match no attendee:")
    for row in others[: args.sample]:
        print(*row, sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
