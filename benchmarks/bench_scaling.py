"""How CPU time grows with article length: the summarizer's methods and the extractors.

    python benchmarks/bench_scaling.py --source ../shared/corpora/ner/ar/WikiFANE_2014_Gold_standard.zip
    python benchmarks/bench_scaling.py --source FILE --sizes 2000,20000,200000,2000000 --tasks news,lsa,extract

The text is REAL and never repeats: the sentences of a tagged corpus (a WikiFANE zip: one
``token<TAB>tag`` line per token, blank lines between sentences; or ANERCorp: ``token tag``
lines, no sentence breaks) glued back into prose (split-off clitics rejoin their word:
``و ف ب ل ك`` the next, pronoun suffixes the previous), five sentences to a paragraph. Each
size is a prefix of that text, cut at a paragraph end. Times are CPU seconds
(``time.process_time``, in this process), the least of a few runs at small sizes. Each cell
also gives the time as a multiple of a linear scan of the same text (finding its words),
measured in the same run, so figures hold on a busy machine; the growth exponent is the
least-squares slope of log(time) on log(size).

Goals (issue 11): exponent <= 1.1 for ``news`` and ``extract``; ``news`` under 10 s at 2M characters.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from summarize.text import words

SIZES = (2_000, 20_000, 200_000, 2_000_000)
METHOD_TASKS = ("news", "classic", "lead", "lsa", "lex-rank", "text-rank", "luhn", "edmundson", "sum-basic", "kl")
METHOD_TASKS += ("reduction",)
TASKS = (*METHOD_TASKS, "extract")
PROCLITICS = {"و", "ف", "ب", "ل", "ك"}
ENCLITICS = {"ه", "ها", "هما", "هم", "هن", "كم", "كما", "نا"}
SENTENCES_PER_PARAGRAPH = 5
MIN_MEASURE_S = 0.3


def _token_lines(source: Path) -> Iterator[str]:
    if source.suffix == ".zip":
        with zipfile.ZipFile(source) as archive:
            for name in sorted(archive.namelist()):
                if name.endswith(".txt") and "Gold" in Path(name).name:
                    yield from archive.read(name).decode("utf-8-sig").splitlines()
    else:
        yield from source.read_text("utf-8-sig").splitlines()


def _sentences(source: Path) -> Iterator[str]:
    """Sentences of the corpus as prose, in corpus order."""
    tokens: list[str] = []
    glue = False
    for line in _token_lines(source):
        token = line.replace("\u200e", "").replace("\u200f", "").strip().split("\t")[0].split(" ")[0]
        if not token:
            if tokens:
                yield " ".join(tokens)
                tokens = []
            continue
        if tokens and (glue or token in ENCLITICS):
            tokens[-1] += token
        else:
            tokens.append(token)
        glue = token in PROCLITICS
        if token in {".", "؟", "!"} and len(tokens) > 3:
            yield " ".join(tokens)
            tokens = []
    if tokens:
        yield " ".join(tokens)


def real_text(source: Path, size: int) -> str:
    """At least ``size`` characters of the corpus's prose, no sentence twice."""
    seen: set[str] = set()
    paragraphs: list[str] = []
    current: list[str] = []
    length = 0
    for sentence in _sentences(source):
        sentence = sentence.replace(" .", ".").replace(" ،", "،")
        if sentence in seen:
            continue
        seen.add(sentence)
        current.append(sentence)
        if len(current) == SENTENCES_PER_PARAGRAPH:
            paragraphs.append(" ".join(current))
            length += len(paragraphs[-1]) + 2
            current = []
            if length >= size:
                break
    if length < size:
        sys.exit(f"{source} holds only {length:,} characters of distinct sentences, less than {size:,}")
    return "\n\n".join(paragraphs)


def prefix(text: str, size: int) -> str:
    cut = text.rfind("\n\n", 0, size)
    return text[: cut if cut > 0 else size]


def cpu(job: Callable[[], object], budget: float = MIN_MEASURE_S) -> float:
    """Least CPU time of ``job`` over runs that add up to about ``budget`` seconds (at least one)."""
    best = math.inf
    spent = 0.0
    while spent < budget or best == math.inf:
        start = time.process_time()
        job()
        took = time.process_time() - start
        best = min(best, took)
        spent += took
        if took > budget:
            break
    return best


def slope(sizes: list[int], times: list[float]) -> float:
    """Least-squares slope of log(time) on log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def task(name: str, lang: str) -> Callable[[str], object]:
    if name == "extract":
        from summarize.attendees import extract_attendees
        from summarize.objectives import extract_objectives

        return lambda text: (extract_attendees(text, lang), extract_objectives(text, lang))
    from summarize.summary import summarize_text

    return lambda text: summarize_text(text, count=5, method=name, language=lang)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, required=True, help="WikiFANE zip or a token-per-line file")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--tasks", default=",".join(TASKS), help=f"comma list of {', '.join(TASKS)}")
    parser.add_argument("--lang", default="ar")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    names = [t for t in args.tasks.split(",") if t]
    unknown = set(names) - set(TASKS)
    if unknown:
        sys.exit(f"unknown task(s): {', '.join(sorted(unknown))}")
    full = real_text(args.source, max(sizes))
    texts = {size: prefix(full, size) for size in sizes}
    for name in names:  # imports and caches are paid before the clock starts
        task(name, args.lang)(texts[sizes[0]])
    baseline = {size: cpu(lambda t=texts[size]: words(t)) for size in sizes}
    print(f"source {args.source.name}; sizes (characters): {', '.join(f'{len(texts[s]):,}' for s in sizes)}")
    print(f"{'task':<10} " + " ".join(f"{s:>18,}" for s in sizes) + "   exponent")
    scan = " ".join(f"{baseline[s]:>17.4f}s" for s in sizes)
    print(f"{'scan':<10} {scan}   {slope(sizes, list(baseline.values())):8.2f}")
    for name in names:
        job = task(name, args.lang)
        times = []
        for size in sizes:
            times.append(cpu(lambda job=job, t=texts[size]: job(t)))
        cells = " ".join(f"{t:>9.3f}s {t / baseline[s]:>6.0f}x" for s, t in zip(sizes, times, strict=True))
        print(f"{name:<10} {cells}   {slope(sizes, times):8.2f}", flush=True)
    print("each cell: CPU seconds, and that time as a multiple of the scan at the same size")


if __name__ == "__main__":
    main()
