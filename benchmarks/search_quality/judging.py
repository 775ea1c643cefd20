"""Word types, candidate forms and relevant sets for judging search quality, with no newsread code.

Judging must not borrow the analysis it judges: tokens, types and the candidate generator are
defined here from scratch (see README.md, "Judging procedure"). The generator only proposes;
the judge's decisions live in ``decisions.jsonl`` and ``judgments.jsonl``.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "corpus.jsonl"
QUERIES = HERE / "queries.jsonl"
DECISIONS = HERE / "decisions.jsonl"
JUDGMENTS = HERE / "judgments.jsonl"

# Harakat, Quranic marks, superscript alef and tatweel: never a question of meaning.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_LATIN = "A-Za-z\u00c0-\u024f"
_TOKEN = re.compile(rf"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+|[{_LATIN}]+(?:'[{_LATIN}]+)*|[0-9]+")
# The loose skeleton of the candidate generator: every alef and hamza form one letter, ة → ه, ى → ي.
_LOOSE = str.maketrans({**dict.fromkeys("أإآٱءؤئ", "ا"), "ة": "ه", "ى": "ي"})
_PROCLITIC_LETTERS = "وفبكلسا"
_PHRASE = re.compile(r'"([^"]*)"')


def types_of(text: str) -> list[str]:
    """The word types of ``text`` in order: composed, no harakat or tatweel, ASCII digits, Latin lower-cased."""
    text = _MARKS.sub("", unicodedata.normalize("NFC", text)).translate(_DIGITS).replace("’", "'")
    return [token.lower() for token in _TOKEN.findall(text)]


def is_arabic(word: str) -> bool:
    return any("\u0621" <= ch <= "\u06d3" for ch in word)


@functools.cache
def loose(word: str) -> str:
    """The folded skeleton the generator compares (never used to decide anything)."""
    return word.translate(_LOOSE)


def candidate_pattern(base: str) -> re.Pattern[str]:
    """Types that could be a form of ``base``: deliberately far too many (see README.md)."""
    if is_arabic(base):
        core = loose(base)
        if len(core) > 2 and base[-1] in "ةهى":
            core = core[:-1]  # وزارة → وزارت-, وزارات; مستشفى → مستشفيات (a final ي of the word stays)
        return re.compile(f"^[{_PROCLITIC_LETTERS}]{{0,5}}{re.escape(core)}.{{0,5}}$")
    stem = base[: max(3, len(base) - 2)]
    return re.compile(f"^{re.escape(stem)}")


def candidates(base: str, vocabulary: Iterable[str]) -> set[str]:
    pattern = candidate_pattern(base)
    if is_arabic(base):
        return {t for t in vocabulary if is_arabic(t) and pattern.match(loose(t))}
    return {t for t in vocabulary if pattern.match(t)}


@dataclass
class Doc:
    """One corpus article: its id, language and the types of each line (title and paragraphs)."""

    id: str
    lang: str
    lines: list[list[str]]
    types: set[str] = field(default_factory=set)


def load_corpus(folder: Path) -> list[Doc]:
    """The corpus articles listed in the manifest, read from ``folder`` (sha256 is the builder's check)."""
    docs = []
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = (folder / row["file"]).read_text(encoding="utf-8")
        lines = [types_of(part) for part in text.split("\n") if part.strip()]
        docs.append(Doc(row["id"], row["lang"], lines, {t for ts in lines for t in ts}))
    return docs


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class Part:
    """A query word as typed, and the phrase it belongs to (its index) or ``None``."""

    word: str
    phrase: int | None
    position: int


def query_parts(query: str) -> list[Part]:
    """The query's words in order: phrase words (``"..."``) numbered by phrase, then the loose words."""
    parts: list[Part] = []
    for index, phrase in enumerate(_PHRASE.findall(query)):
        parts += [Part(word, index, position) for position, word in enumerate(types_of(phrase))]
    rest = _PHRASE.sub(" ", query).replace('"', " ")
    parts += [Part(word, None, 0) for word in types_of(rest)]
    return parts


def accepted_in(term: dict, doc_id: str) -> set[str]:
    """The types that are this query word in this article: the accepted ones, less those the judge
    found to be another word there (``not_in``), plus ambiguous ones that are the word there (``only_in``)."""
    types = {t for t in term["accepted"] if doc_id not in term.get("not_in", {}).get(t, ())}
    return types | {t for t, ids in term.get("only_in", {}).items() if doc_id in ids}


def relevant(docs: list[Doc], terms: list[dict]) -> list[str]:
    """Ids of the articles with every loose word (any accepted type) and every phrase (a run of them)."""
    found = []
    for doc in docs:
        loose_sets = [accepted_in(t, doc.id) for t in terms if t["phrase"] is None]
        phrases: dict[int, list[set[str]]] = {}
        for term in terms:
            if term["phrase"] is not None:
                phrases.setdefault(term["phrase"], []).append(accepted_in(term, doc.id))
        if all(doc.types & accepted for accepted in loose_sets) and all(_has_run(doc, run) for run in phrases.values()):
            found.append(doc.id)
    return found


def _has_run(doc: Doc, run: list[set[str]]) -> bool:
    for types in doc.lines:
        for start in range(len(types) - len(run) + 1):
            if all(types[start + i] in accepted for i, accepted in enumerate(run)):
                return True
    return False
