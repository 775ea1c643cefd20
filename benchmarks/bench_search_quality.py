"""Search-quality benchmark (issue 13): recall and precision at 10 of ``Library.search`` on judged queries.

Goal: mean recall >= 0.95 with mean precision at 10 >= 0.9, per language. The corpus, queries,
judgments and the definitions are in ``benchmarks/search_quality/`` (README.md there); relevance was
judged by hand before any search ran, so these figures measure the search, not fit it.

    python benchmarks/bench_search_quality.py --corpus DIR [--json] [--all]
    python benchmarks/bench_search_quality.py --corpus DIR --check-judgments

Only the public ``Library`` API is used (``Library(path)``, ``add_many``, ``search``), so the same
script measures any later version of the store.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "search_quality"))

from judging import (
    JUDGMENTS,
    MANIFEST,
    QUERIES,
    Doc,
    accepted_in,
    candidates,
    is_arabic,
    load_corpus,
    loose,
    read_jsonl,
    relevant,
)

RECALL_GOAL, PRECISION_GOAL, TOP = 0.95, 0.9, 10
LIMIT = 1000


@dataclass
class Result:
    """One query's figures, and what went wrong in words."""

    id: str
    lang: str
    kind: str
    query: str
    relevant: int
    hits: int
    recall: float | None  # None: no relevant article
    precision_at_10: float
    top_hits: int
    missed: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)
    missed_words: dict[str, int] = field(default_factory=dict)
    false_hit_words: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def check_files(folder: Path) -> list[str]:
    """Files missing or different from the manifest (a corpus built from other sources is another benchmark)."""
    problems = []
    for row in read_jsonl(MANIFEST):
        path = folder / row["file"]
        if not path.exists():
            problems.append(f"{row['file']}: missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != row["sha256"]:
            problems.append(f"{row['file']}: sha256 differs from corpus.jsonl")
    return problems


def check_judgments(docs: list[Doc]) -> list[str]:
    """Every candidate decided, nothing both accepted and rejected, every relevant set re-derived."""
    vocabulary = {t for doc in docs for t in doc.types}
    queries = {q["id"]: q for q in read_jsonl(QUERIES)}
    judged = read_jsonl(JUDGMENTS)
    problems = [f"{qid}: no judgment" for qid in sorted(set(queries) - {j["id"] for j in judged})]
    for judgment in judged:
        qid = judgment["id"]
        if qid not in queries or queries[qid]["query"] != judgment["query"]:
            problems.append(f"{qid}: the query differs from queries.jsonl")
        for term in judgment["terms"]:
            accepted, rejected, added = set(term["accepted"]), set(term["rejected"]), set(term.get("added", []))
            where = f"{qid} {term['word']!r}"
            if accepted & rejected:
                problems.append(f"{where}: both accepted and rejected: {sorted(accepted & rejected)}")
            found = candidates(term["base"], vocabulary)
            if undecided := found - accepted - rejected:
                problems.append(f"{where}: undecided candidates {sorted(undecided)}")
            if unknown := (accepted | rejected) - found - added:
                problems.append(f"{where}: decided types that are no candidate and not added: {sorted(unknown)}")
            if absent := added - vocabulary:
                problems.append(f"{where}: added types not in the corpus: {sorted(absent)}")
            if loose := set(term.get("only_in", {})) - rejected:
                problems.append(f"{where}: 'only_in' types must be rejected elsewhere: {sorted(loose)}")
            if loose := set(term.get("not_in", {})) - accepted:
                problems.append(f"{where}: 'not_in' types must be accepted: {sorted(loose)}")
        derived = relevant(docs, judgment["terms"])
        if derived != judgment["relevant"]:
            gained, lost = set(derived) - set(judgment["relevant"]), set(judgment["relevant"]) - set(derived)
            problems.append(f"{qid}: relevant set differs (re-derived adds {sorted(gained)}, drops {sorted(lost)})")
        if not derived:
            problems.append(f"{qid}: no relevant article")
    return problems


def import_corpus(library, folder: Path) -> dict[int, str]:
    """Add every corpus file as the product would; library id -> corpus id (through the source path)."""
    from articles.importers.text import parse_text

    rows = read_jsonl(MANIFEST)
    articles = [
        parse_text((folder / row["file"]).read_text(encoding="utf-8"), source=str(folder / row["file"])) for row in rows
    ]
    by_source = {str(folder / row["file"]): row["id"] for row in rows}
    results = library.add_many(articles)
    mapping: dict[int, str] = {}
    for article, (library_id, added) in zip(articles, results, strict=True):
        if not added:
            raise SystemExit(f"{article.source}: the library took it for a duplicate; the corpus must be distinct")
        mapping[library_id] = by_source[article.source]
    return mapping


def resembles(word: str, base: str) -> bool:
    """Looser than the candidate generator, for explaining a false hit only: same first letters."""
    if is_arabic(base):
        return loose(base)[:3] in loose(word)
    return word.startswith(base[:4])


def words_in(doc: Doc, types: set[str]) -> Counter[str]:
    return Counter(t for line in doc.lines for t in line if t in types)


def score(query: dict, judgment: dict, hit_ids: list[str], docs: dict[str, Doc]) -> Result:
    """Recall over all hits and precision over the first 10 (README.md, "Metrics")."""
    wanted = set(judgment["relevant"])
    found = set(hit_ids)
    top = hit_ids[:TOP]
    recall = len(wanted & found) / len(wanted) if wanted else None
    empty = 0.0 if wanted else 1.0  # no hits: nothing useful shown, unless there was nothing to show
    precision = sum(1 for h in top if h in wanted) / len(top) if top else empty
    missed = sorted(wanted - found)
    false_hits = [h for h in hit_ids if h not in wanted]
    missed_words: Counter[str] = Counter()
    for doc_id in missed:
        for term in judgment["terms"]:
            missed_words.update(set(words_in(docs[doc_id], accepted_in(term, doc_id))))
    false_words: Counter[str] = Counter()
    rejected = {t for term in judgment["terms"] for t in [*term["rejected"], *term.get("not_in", {})]}
    for doc_id in false_hits:
        seen = set(words_in(docs[doc_id], rejected))
        if not seen:  # matched through a word the generator does not propose: show its near words, marked "?"
            near = {t + "?" for term in judgment["terms"] for t in docs[doc_id].types if resembles(t, term["base"])}
            seen = near or {"(no candidate word)"}
        false_words.update(seen)
    return Result(
        judgment["id"],
        query["lang"],
        query["kind"],
        query["query"],
        len(wanted),
        len(hit_ids),
        recall,
        precision,
        len(top),
        missed,
        false_hits,
        dict(missed_words.most_common()),
        dict(false_words.most_common()),
    )


def summary(results: list[Result]) -> dict:
    with_recall = [r for r in results if r.relevant]
    return {
        "queries": len(results),
        "mean_recall": sum(r.recall or 0.0 for r in with_recall) / len(with_recall) if with_recall else None,
        "mean_precision_at_10": sum(r.precision_at_10 for r in results) / len(results) if results else None,
        "under_recall_goal": sum(1 for r in with_recall if (r.recall or 0.0) < RECALL_GOAL),
        "under_precision_goal": sum(1 for r in results if r.precision_at_10 < PRECISION_GOAL),
        "meeting_both": sum(
            1 for r in with_recall if (r.recall or 0.0) >= RECALL_GOAL and r.precision_at_10 >= PRECISION_GOAL
        ),
        "no_relevant": len(results) - len(with_recall),
    }


def badness(result: Result) -> tuple[float, int]:
    recall = 1.0 if result.recall is None else result.recall
    return (recall + result.precision_at_10, -len(result.missed) - len(result.false_hits))


def figure(value: float | None, width: int = 0) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:>{width}.3f}"


def shorten(counts: dict[str, int], limit: int = 8) -> str:
    items = list(counts.items())
    text = ", ".join(f"{word}×{n}" for word, n in items[:limit])
    return text + (f", … ({len(items) - limit} more)" if len(items) > limit else "")


def report(results: list[Result], seconds: float, show_all: bool) -> None:
    print(f"{len(results)} queries; goal: mean recall >= {RECALL_GOAL} and mean precision at 10 >= {PRECISION_GOAL}")
    print(f"searches: {seconds:.2f} s in all\n")
    print(f"{'':10} {'queries':>7} {'recall':>7} {'P@10':>6} {'R<0.95':>7} {'P<0.9':>6} {'both ok':>8}")
    groups = [("Arabic", "ar"), ("English", "en"), ("overall", None)]
    for label, lang in groups:
        part = [r for r in results if lang is None or r.lang == lang]
        s = summary(part)
        print(
            f"{label:10} {s['queries']:>7} {figure(s['mean_recall'], 7)} {figure(s['mean_precision_at_10'], 6)}"
            f" {s['under_recall_goal']:>7} {s['under_precision_goal']:>6} {s['meeting_both']:>8}"
        )
    print("\nby kind:")
    for kind in sorted({r.kind for r in results}):
        part = [r for r in results if r.kind == kind]
        s = summary(part)
        recall, precision = figure(s["mean_recall"]), figure(s["mean_precision_at_10"])
        print(f"  {kind:13} {s['queries']:>3} queries  recall {recall}  P@10 {precision}")
    for label, lang in groups:
        part = sorted((r for r in results if lang is None or r.lang == lang), key=badness)
        print(f"\n10 worst, {label}:")
        for r in part[:10]:
            print(
                f"  {r.id} {r.query}  [{r.kind}]  recall {figure(r.recall)} ({r.relevant - len(r.missed)}/{r.relevant})"
                f"  P@10 {r.precision_at_10:.2f} ({r.top_hits} hits in top 10, {r.hits} in all)"
            )
            if r.missed:
                print(f"      missed {len(r.missed)}: {shorten(r.missed_words)}")
            if r.false_hits:
                print(f"      false hits {len(r.false_hits)}: {shorten(r.false_hit_words)}")
    if show_all:
        print("\nall queries:")
        for r in results:
            print(
                f"  {r.id} {r.query:24} recall {figure(r.recall)} P@10 {r.precision_at_10:.3f}"
                f" relevant {r.relevant} hits {r.hits}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="the folder build_corpus.py wrote")
    parser.add_argument("--json", action="store_true", help="print the figures and every query's result as JSON")
    parser.add_argument("--all", action="store_true", help="also list every query's figures")
    parser.add_argument("--check-judgments", action="store_true", help="verify judgments.jsonl against the corpus")
    args = parser.parse_args()
    if problems := check_files(args.corpus):
        sys.exit("the corpus is not the one judged:\n  " + "\n  ".join(problems[:20]))
    docs = load_corpus(args.corpus)
    if args.check_judgments:
        if problems := check_judgments(docs):
            sys.exit(f"{len(problems)} problems:\n  " + "\n  ".join(problems))
        judged = read_jsonl(JUDGMENTS)
        print(f"ok: {len(judged)} judgments consistent with {len(docs)} articles (every candidate decided)")
        return

    from articles.store import Library

    queries = {q["id"]: q for q in read_jsonl(QUERIES)}
    by_id = {doc.id: doc for doc in docs}
    results = []
    with tempfile.TemporaryDirectory(prefix="newsread-searchq-") as work:
        library = Library(Path(work) / "library.sqlite3")
        try:
            mapping = import_corpus(library, args.corpus)
            started = time.perf_counter()
            for judgment in read_jsonl(JUDGMENTS):
                query = queries[judgment["id"]]
                began = time.perf_counter()
                hits = library.search(query["query"], limit=LIMIT)
                result = score(query, judgment, [mapping[h.id] for h in hits], by_id)
                result.seconds = time.perf_counter() - began
                results.append(result)
            seconds = time.perf_counter() - started
        finally:
            library.close()
    if args.json:
        payload = {
            "summary": {
                "ar": summary([r for r in results if r.lang == "ar"]),
                "en": summary([r for r in results if r.lang == "en"]),
                "overall": summary(results),
            },
            "goals": {"recall": RECALL_GOAL, "precision_at_10": PRECISION_GOAL},
            "queries": [asdict(r) for r in results],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        report(results, seconds, args.all)


if __name__ == "__main__":
    main()
