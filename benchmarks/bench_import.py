"""Import throughput: ``newsread add`` against a bare FTS5 importer of the same files (issue 11).

The bare importer is the floor any importer of these files pays: read, decode UTF-8, one row and
one FTS5 entry (unicode61) per file, batched transactions. ``newsread add`` also parses structure
(kicker, headline, pull-quotes), detects the language and indexes each word's exact form, folded
form and readings (``articles.search_text``). Both run as fresh processes, in turns, and are
measured in CPU seconds of every process they start (the machine is shared: wall time drifts).

    python benchmarks/bench_import.py [--count 10000] [--rounds 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

BARE = r"""
import sqlite3, sys
from pathlib import Path
conn = sqlite3.connect(sys.argv[2], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA synchronous = NORMAL")
conn.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, body TEXT)")
conn.execute("CREATE VIRTUAL TABLE docs_fts USING fts5 (title, body, content = '', tokenize = 'unicode61')")
files = sorted(Path(sys.argv[1]).rglob("*.txt"))
for start in range(0, len(files), 500):
    conn.execute("BEGIN")
    for path in files[start : start + 500]:
        text = path.read_bytes().decode("utf-8")
        title, _, body = text.partition("\n")
        rowid = conn.execute("INSERT INTO docs (title, body) VALUES (?, ?)", (title, body)).lastrowid
        conn.execute("INSERT INTO docs_fts (rowid, title, body) VALUES (?, ?, ?)", (rowid, title, body))
    conn.execute("COMMIT")
"""


def cpu_of(command: list[str], env: dict[str, str] | None = None) -> float:
    """CPU seconds (user + system) of ``command`` and every process it started."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def fresh(path: Path) -> Path:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="work in this folder (the generated files are reused)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsread-import-"))
    corpus = work / f"articles-{args.count}"
    if not corpus.exists():
        subprocess.run(
            [sys.executable, str(HERE / "gen_articles.py"), str(corpus), "--count", str(args.count)], check=True
        )
    files = sum(1 for _ in corpus.rglob("*.txt"))
    env = {**os.environ, "NEWSREAD_LIBRARY": str(work / "newsread.sqlite3")}
    newsread, bare = [], []
    for _ in range(args.rounds):
        fresh(work / "newsread.sqlite3")
        newsread.append(cpu_of([sys.executable, "-m", "tui.entry", "add", str(corpus)], env))
        bare.append(cpu_of([sys.executable, "-c", BARE, str(corpus), str(fresh(work / "bare.sqlite3"))]))
    ratio = statistics.median(n / b for n, b in zip(newsread, bare, strict=True))
    print(f"{files} generated articles, {args.rounds} rounds; CPU seconds of every process (median)")
    print(f"newsread add:        {files / statistics.median(newsread):7,.0f} articles per CPU-second")
    print(f"bare FTS5 importer:  {files / statistics.median(bare):7,.0f} articles per CPU-second")
    print(f"ratio newsread/bare: {ratio:.2f} (goal <= 2)")


if __name__ == "__main__":
    main()
