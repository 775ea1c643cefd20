"""Tokens with offsets into the original text, and the sentences the tagger reads one at a time.

Training and run time both go through these functions, so the recognizer sees the same tokens it
learnt from. Offsets always point into the text as given: harakat, tatweel and hamza forms stay
untouched; only the matching form (``Token.norm``) is normalized.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from summarize.text import normalize
from summarize.text.tokens import WORD_CACHE_SIZE

MAX_SENTENCE_TOKENS = 200  # longer runs are cut: tagging time stays linear in the text length

_MARKS = "\u064b-\u065f\u0670\u0640"  # harakat, superscript alef, tatweel
# A word: letters or digits with the marks written on them, apostrophes and hyphens inside;
# anything else that is not a space is a one-character token, except "#" and "_", which only
# separate words ("#جوزيبي_كونتي" reads as the two words of the name).
_TOKEN = re.compile(rf"[^\W_][{_MARKS}]*(?:(?:[^\W_]|['’\-](?=[^\W_]))[{_MARKS}]*)*|[^\s#_]")
_MARK_RE = re.compile(f"[{_MARKS}]")
_ENDS = frozenset(".!?؟")
# A full stop after these is not the end of a sentence ("Mr. Smith", "د. أحمد").
_ABBREVIATION_WORDS = "mr mrs ms dr st jr sr prof gen col lt sgt rev hon gov sen rep no vs mt capt maj cmdr fr inc co د"
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())


@dataclass(frozen=True, slots=True)
class Token:
    """A word or a punctuation mark: ``text[start:end]`` as written, ``norm`` for matching."""

    start: int
    end: int
    text: str
    norm: str
    word: bool


@lru_cache(maxsize=WORD_CACHE_SIZE)  # words repeat: most tokens of a text are words seen before
def matching_form(surface: str) -> str:
    """No harakat or tatweel, one alef, taa marbuta as haa, alef maqsura as yaa, lower case.

    The corpora write "على" as "علي" and drop hamza seats; folding both sides makes them meet.
    """
    return normalize(_MARK_RE.sub("", surface), fold_letters=True) if not surface.isascii() else surface.lower()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Every token of ``text[start:end]``, in order."""
    stop = len(text) if end is None else end
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, stop):
        surface = m.group()
        out.append(Token(m.start(), m.end(), surface, matching_form(surface), surface[0].isalnum()))
    return out


def _closes_sentence(tokens: list[Token], i: int, text: str) -> bool:
    tok = tokens[i]
    if tok.text not in _ENDS:
        return False
    if tok.end < len(text) and not text[tok.end].isspace():
        return False  # "U.S", "3.5", "د.ب.أ"
    if tok.text == "." and i > 0:
        before = tokens[i - 1].norm
        if before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha()):
            return False
    return True


def sentences(tokens: list[Token], text: str) -> Iterator[list[Token]]:
    """Runs of tokens cut at sentence ends, line breaks and every ``MAX_SENTENCE_TOKENS`` tokens."""
    current: list[Token] = []
    for i, tok in enumerate(tokens):
        if current and "\n" in text[current[-1].end : tok.start]:
            yield current
            current = []
        current.append(tok)
        if len(current) >= MAX_SENTENCE_TOKENS or _closes_sentence(tokens, i, text):
            yield current
            current = []
    if current:
        yield current
