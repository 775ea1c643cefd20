"""The judge's tool: list each query word's candidate types, then write judgments from decisions.

    python benchmarks/search_quality/judge.py candidates --corpus DIR [--ids ar01 ar02] [--context TYPE ...]
    python benchmarks/search_quality/judge.py write --corpus DIR

``candidates`` only shows (types with their article counts; ``--context`` prints where a type stands,
for deciding an ambiguous one). The decisions are the judge's, in ``decisions.jsonl``: per query, per
word as typed, the ``base`` word it stands for (when typed with a clitic or variant), the candidate
types ``reject``ed and any type ``add``ed that the generator missed. ``write`` turns them into
``judgments.jsonl`` with every accepted and rejected type written out and the relevant article ids.
Nothing here runs newsread's search.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from judging import DECISIONS, JUDGMENTS, QUERIES, Doc, candidates, load_corpus, query_parts, read_jsonl, relevant


def show_candidates(docs: list[Doc], ids: set[str] | None) -> None:
    counts = Counter(t for doc in docs for t in doc.types)
    decisions = {d["id"]: d for d in read_jsonl(DECISIONS)} if DECISIONS.exists() else {}
    for query in read_jsonl(QUERIES):
        if ids and query["id"] not in ids:
            continue
        for part in query_parts(query["query"]):
            base = decisions.get(query["id"], {}).get("terms", {}).get(part.word, {}).get("base", part.word)
            found = sorted(candidates(base, counts), key=lambda t: (-counts[t], t))
            print(f"\n## {query['id']} {query['query']!r} word {part.word!r} base {base!r}: {len(found)} candidates")
            print("  ".join(f"{t}:{counts[t]}" for t in found))


def show_context(docs: list[Doc], folder: Path, wanted: list[str], width: int = 8) -> None:
    for word in wanted:
        print(f"\n## {word}")
        shown = 0
        for doc in docs:
            for types in doc.lines:
                for i, t in enumerate(types):
                    if t == word and shown < 12:
                        before, after = " ".join(types[max(0, i - width) : i]), " ".join(types[i + 1 : i + width])
                        print(f"  {doc.id}: {before} [{t}] {after}")
                        shown += 1


def write(docs: list[Doc]) -> None:
    vocabulary = {t for doc in docs for t in doc.types}
    decisions = {d["id"]: d for d in read_jsonl(DECISIONS)}
    rows, problems = [], []
    for query in read_jsonl(QUERIES):
        decision = decisions.get(query["id"])
        if decision is None:
            problems.append(f"{query['id']}: no decision")
            continue
        terms = []
        for part in query_parts(query["query"]):
            said = decision.get("terms", {}).get(part.word, {})
            base = said.get("base", part.word)
            found = candidates(base, vocabulary)
            reject, add = set(said.get("reject", [])), set(said.get("add", []))
            only_in, not_in = said.get("only_in", {}), said.get("not_in", {})
            for t in sorted(set(only_in) - reject):
                problems.append(f"{query['id']} {part.word}: {t!r} is accepted in some articles only: reject it")
            for t in sorted(set(not_in) & reject):
                problems.append(f"{query['id']} {part.word}: {t!r} is rejected, it cannot be 'not_in' too")
            for t in sorted(reject - found):
                problems.append(f"{query['id']} {part.word}: rejected {t!r} is not a candidate")
            for t in sorted(add - vocabulary):
                problems.append(f"{query['id']} {part.word}: added {t!r} is not in the corpus")
            accepted = (found - reject) | add
            terms.append(
                {
                    "word": part.word,
                    "base": base,
                    "phrase": part.phrase,
                    "accepted": sorted(accepted),
                    "rejected": sorted(reject),
                    "added": sorted(add),
                    "only_in": {t: sorted(ids) for t, ids in sorted(only_in.items())},
                    "not_in": {t: sorted(ids) for t, ids in sorted(not_in.items())},
                }
            )
        rows.append(
            {
                "id": query["id"],
                "query": query["query"],
                "terms": terms,
                "relevant": relevant(docs, terms),
                "note": decision.get("note", ""),
            }
        )
    if problems:
        sys.exit("\n".join(problems))
    JUDGMENTS.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} judgments to {JUDGMENTS.name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["candidates", "write"])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--ids", nargs="*")
    parser.add_argument("--context", nargs="*", help="types whose occurrences to print")
    args = parser.parse_args()
    docs = load_corpus(args.corpus)
    if args.action == "write":
        write(docs)
    elif args.context:
        show_context(docs, args.corpus, args.context)
    else:
        show_candidates(docs, set(args.ids) if args.ids else None)


if __name__ == "__main__":
    main()
