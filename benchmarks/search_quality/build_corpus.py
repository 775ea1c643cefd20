"""Rebuild the search-quality corpus from local copies of two public corpora.

The article texts are not ours to commit, so the repository keeps only this script and
``corpus.jsonl`` (which file, from which repository and commit, and the sha256 of what this
script writes). Anyone with the two repositories checked out (or as bare git directories,
as ``fetch`` brings them) can rebuild byte-identical files and ``--verify`` them.

    python benchmarks/search_quality/build_corpus.py --ant PATH --bbc PATH --out DIR [--verify]

Sources (read at the pinned commits below, whatever their checkout shows):

* Arabic: ANT corpus v2.1 (``antcorpus/antcorpus.multisource.data``), 2018 news from
  Al Arabiya, BBC Arabic, CNN Arabic, France 24 and Sky News Arabia (citation licence, see its README).
* English: the BBC News dataset of Greene and Cunningham (2004-2005), as copied in
  ``dejanbatanjac/bbc-article-classify-bert`` (copyright BBC; research use).

Selection is fixed: within each (source, category) bucket, files are ordered by the sha256 of
their path and the first ones that pass the length filter are taken. Each output file is the
article as a user would save it: the title line, a blank line, then the paragraphs separated
by blank lines (ANT's abstract is dropped: it repeats the first paragraph).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "corpus.jsonl"

ANT_REPO = "antcorpus/antcorpus.multisource.data"
ANT_COMMIT = "f117ce44a9cfad0dcbd341b7d744e4c3cdb4fed8"
BBC_REPO = "dejanbatanjac/bbc-article-classify-bert"
BBC_COMMIT = "8265dc84e88b82b87ce7f5b2df5bbbb1159ae922"

# (folder, how many); news-heavy, as newsread's readers are, with some of everything else.
ANT_BUCKETS: list[tuple[str, int]] = [
    ("Alarabia/internationalNews", 24),
    ("Alarabia/economy", 10),
    ("Alarabia/sport", 10),
    ("Alarabia/culture", 8),
    ("Alarabia/technology", 8),
    ("BBC/middleEast", 24),
    ("BBC/internationalNews", 20),
    ("BBC/culture", 6),
    ("BBC/economy", 6),
    ("BBC/technology", 4),
    ("CNN/middleEast", 24),
    ("CNN/internationalNews", 12),
    ("CNN/economy", 8),
    ("CNN/sport", 8),
    ("CNN/technology", 8),
    ("France24/internationalNews", 24),
    ("France24/middleEast", 20),
    ("France24/culture", 8),
    ("France24/sport", 8),
    ("SkyNews/middleEast", 24),
    ("SkyNews/internationalNews", 16),
    ("SkyNews/economy", 10),
    ("SkyNews/sport", 10),
    ("SkyNews/technology", 10),
]
BBC_BUCKETS: list[tuple[str, int]] = [
    ("bbc/politics", 40),
    ("bbc/business", 30),
    ("bbc/sport", 20),
    ("bbc/tech", 20),
    ("bbc/entertainment", 20),
]
MIN_WORDS, MAX_WORDS, MIN_PARAGRAPHS = 120, 1200, 3
_TAG = re.compile(r"<(TITLE|TEXT)>(.*?)</\1>", re.DOTALL)


class Source:
    """Files of one repository at one commit: a git directory (bare or not) or a plain checkout."""

    def __init__(self, path: Path, commit: str):
        self.path, self.commit = path, commit
        self.git = self._is_git(path)

    @staticmethod
    def _is_git(path: Path) -> bool:
        probe = subprocess.run(["git", "-C", str(path), "rev-parse", "--git-dir"], capture_output=True, text=True)
        return probe.returncode == 0

    def files(self, folder: str) -> list[str]:
        if self.git:
            out = subprocess.run(
                ["git", "-C", str(self.path), "ls-tree", "-r", "--name-only", self.commit, "--", folder + "/"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            return [line for line in out.splitlines() if line.endswith(".txt")]
        return [str(p.relative_to(self.path)) for p in (self.path / folder).glob("*.txt")]

    def read(self, path: str) -> bytes:
        if self.git:
            return subprocess.run(
                ["git", "-C", str(self.path), "show", f"{self.commit}:{path}"], capture_output=True, check=True
            ).stdout
        return (self.path / path).read_bytes()


@dataclass(frozen=True)
class Item:
    """One selected article: its corpus id and the text this script writes."""

    id: str
    lang: str
    repo: str
    commit: str
    path: str
    text: str


def _clean(line: str) -> str:
    return " ".join(html.unescape(unicodedata.normalize("NFC", line)).split())


def ant_article(raw: bytes) -> tuple[str, list[str]] | None:
    """Title and paragraphs of one ANT ``<DOC>`` (its TEXT lines are its paragraphs)."""
    found = dict((m.group(1), m.group(2)) for m in _TAG.finditer(raw.decode("utf-8")))
    if "TITLE" not in found or "TEXT" not in found:
        return None
    paragraphs = [p for p in (_clean(line) for line in found["TEXT"].splitlines()) if p]
    return _clean(found["TITLE"]), paragraphs


def bbc_article(raw: bytes) -> tuple[str, list[str]] | None:
    """Title (first line) and paragraphs (blank-line separated) of one BBC dataset file."""
    text = raw.decode("latin-1") if b"\xa3" in raw and not _utf8(raw) else raw.decode("utf-8")
    lines = text.replace("\r\n", "\n").split("\n")
    blocks = [_clean(b) for b in re.split(r"\n\s*\n", "\n".join(lines[1:]))]
    return _clean(lines[0]), [b for b in blocks if b]


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def select(source: Source, buckets: list[tuple[str, int]], lang: str, repo: str, parse, prefix: str) -> list[Item]:
    """The fixed selection: per bucket, by sha256 of the path, the first ``n`` that pass the filter."""
    items: list[Item] = []
    seen: set[str] = set()
    for folder, wanted in buckets:
        ordered = sorted(source.files(folder), key=lambda p: hashlib.sha256(p.encode()).hexdigest())
        taken = 0
        for path in ordered:
            if taken == wanted:
                break
            parsed = parse(source.read(path))
            if parsed is None:
                continue
            title, paragraphs = parsed
            count = sum(len(p.split()) for p in paragraphs)
            if not title or len(paragraphs) < MIN_PARAGRAPHS or not MIN_WORDS <= count <= MAX_WORDS:
                continue
            text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
            body_key = hashlib.sha256("\n".join(paragraphs).encode()).hexdigest()
            if body_key in seen:  # the same story filed twice: the library would keep one
                continue
            seen.add(body_key)
            name = Path(path).stem if lang == "ar" else f"{Path(path).parent.name}-{Path(path).stem}"
            items.append(Item(f"{prefix}{name}", lang, repo, source.commit, path, text))
            taken += 1
        if taken < wanted:
            sys.exit(f"{folder}: only {taken} of {wanted} articles pass the filter")
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ant", type=Path, required=True, help=f"local copy of {ANT_REPO}")
    parser.add_argument("--bbc", type=Path, required=True, help=f"local copy of {BBC_REPO}")
    parser.add_argument("--out", type=Path, required=True, help="folder for the .txt files")
    parser.add_argument("--verify", action="store_true", help="compare with the committed manifest, write none")
    args = parser.parse_args()
    items = select(Source(args.ant, ANT_COMMIT), ANT_BUCKETS, "ar", ANT_REPO, ant_article, "ar-")
    items += select(Source(args.bbc, BBC_COMMIT), BBC_BUCKETS, "en", BBC_REPO, bbc_article, "en-bbc-")
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        sys.exit("two selected files share an id")
    rows = []
    for item in items:
        data = item.text.encode("utf-8")
        rows.append(
            {
                "id": item.id,
                "lang": item.lang,
                "file": f"{item.id}.txt",
                "sha256": hashlib.sha256(data).hexdigest(),
                "repo": item.repo,
                "commit": item.commit,
                "path": item.path,
            }
        )
    if args.verify:
        committed = [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.strip()]
        if committed != rows:
            differ = [r["id"] for r, c in zip(rows, committed, strict=False) if r != c]
            sys.exit(f"manifest differs ({len(rows)} built, {len(committed)} committed; first: {differ[:5]})")
        print(f"ok: {len(rows)} articles match {MANIFEST.name}")
        return
    args.out.mkdir(parents=True, exist_ok=True)
    for item, row in zip(items, rows, strict=True):
        (args.out / row["file"]).write_bytes(item.text.encode("utf-8"))
    MANIFEST.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    langs = {lang: sum(r["lang"] == lang for r in rows) for lang in ("ar", "en")}
    print(f"wrote {len(rows)} articles ({langs['ar']} Arabic, {langs['en']} English) to {args.out}")


if __name__ == "__main__":
    main()
