"""Experiment: split conjunctions and prepositions off Arabic words before tagging.

The alternative to the shipped coding (whole words, labels ``B1``/``B2`` for a name behind a
prefix). Here "وخالد" becomes two tokens "و" + "خالد" and "للرئيس" becomes "ل" + "لرئيس" (read as
"الرئيس"), in training and at tagging time alike. ``README.md`` reports which one scored better.
"""

from __future__ import annotations

from dataclasses import replace

import pycrfsuite

from summarize.ner.features import sentence_features
from summarize.ner.labels import decode
from summarize.ner.lexicon import arabic
from summarize.ner.tokens import Token, sentences, tokenize

_MARKS = frozenset(chr(c) for c in [*range(0x064B, 0x0660), 0x0670, 0x0640])


def _split_at(tok: Token, letters: int) -> tuple[Token, Token]:
    pos = 0
    seen = 0
    while pos < len(tok.text) and (seen < letters or tok.text[pos] in _MARKS):
        seen += tok.text[pos] not in _MARKS
        pos += 1
    head = Token(tok.start, tok.start + pos, tok.text[:pos], tok.norm[:letters], True)
    tail = Token(tok.start + pos, tok.end, tok.text[pos:], tok.norm[letters:], True)
    return head, tail


def split_clitics(tokens: list[Token]) -> list[Token]:
    """Words with "و"/"ف" and then "ب"/"ل"/"ك" before an article split into separate tokens."""
    waw = arabic()["waw"]
    out: list[Token] = []
    for tok in tokens:
        norm = tok.norm
        if not tok.word or len(norm) != len([c for c in tok.text if c not in _MARKS]):
            out.append(tok)  # not Arabic-looking, or NFKC changed the length: leave whole
            continue
        if norm[:1] in "وف" and len(norm) >= 4 and norm not in waw:
            head, tok = _split_at(tok, 1)
            out.append(head)
            norm = tok.norm
        if norm.startswith("لل") and len(norm) >= 4:
            head, tok = _split_at(tok, 1)
            out.append(head)
            tok = replace(tok, norm="ا" + tok.norm)
        elif norm[:1] in "بلك" and norm[1:3] == "ال" and len(norm) >= 5:
            head, tok = _split_at(tok, 1)
            out.append(head)
        out.append(tok)
    return out


def persons_split(tagger: pycrfsuite.Tagger, text: str, lang: str, transform) -> list[tuple[int, int]]:
    """Predicted spans when the tokens are split first."""
    out = []
    tokens = transform(tokenize(text))
    for sent in sentences(tokens, text):
        labels = tagger.tag(sentence_features(sent, lang))
        out.extend((start, end) for _, _, start, end in decode(sent, labels))
    return out
