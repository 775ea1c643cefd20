"""Token features for the person recognizer: one function for training and for run time.

Any change here changes what a trained model means: retrain the models after editing this module
(``training/ner/README.md``). Features are plain strings, the form CRFsuite reads fastest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarize.ner.lexicon import word_classes
from summarize.ner.tokens import Token

_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_CONJUNCTIONS = ("و", "ف")


def arabic_stem(norm: str) -> tuple[str, str, bool]:
    """(without a conjunction, without any proclitic or article, definite?) for a matching form.

    A guess, not an analysis ("فرنسا" loses its "ف" too); the model also sees the whole word and
    learns when to trust the guess.
    """
    unconj = norm[1:] if norm[:1] in _CONJUNCTIONS and len(norm) >= 4 else norm
    rest = unconj
    definite = False
    if rest.startswith("لل") and len(rest) >= 4:
        rest, definite = rest[2:], True
    elif rest[:1] in "بلك" and rest[1:3] == "ال" and len(rest) >= 5:
        rest, definite = rest[3:], True
    elif rest.startswith("ال") and len(rest) >= 4:
        rest, definite = rest[2:], True
    return unconj, rest, definite


def _shape(surface: str) -> str:
    """Letter classes with runs collapsed: "McCain" -> "XxXx", "G8" -> "Xd", "خالد" -> "a"."""
    out = []
    for ch in surface:
        if ch.isdigit():
            c = "d"
        elif ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif _ARABIC.match(ch):
            c = "a"
        elif ch.isalpha():
            c = "o"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


def _arabic_own(tok: Token) -> list[str]:
    """What one Arabic token says about itself, without context."""
    norm = tok.norm
    feats = [f"w={norm}", f"shape={_shape(tok.text)}"]
    if not tok.word:
        return feats
    unconj, stem, definite = arabic_stem(norm)
    classes = word_classes("ar")
    found = set(classes.get(norm, ()))
    if unconj != norm:
        feats += ["conj", f"uc={unconj}"]
        found.update(classes.get(unconj, ()))
    if definite:
        feats.append("def")
        found.update(classes.get("ال" + stem, ()))
    if stem != unconj:
        feats.append(f"st={stem}")
    found.update(classes.get(stem, ()))
    feats += [f"lex={c}" for c in sorted(found)]
    feats += [f"p2={stem[:2]}", f"p3={stem[:3]}", f"s1={norm[-1:]}", f"s2={norm[-2:]}", f"s3={norm[-3:]}"]
    if definite and norm.endswith(("ي", "يه")):
        feats.append("nisba")
    if len(stem) <= 2:
        feats.append("short")
    return feats


def _english_own(tok: Token) -> list[str]:
    """What one English token says about itself, without context."""
    norm, text = tok.norm, tok.text
    feats = [f"w={norm}", f"shape={_shape(text)}"]
    if not tok.word:
        return feats
    if text[:1].isupper():
        feats.append("cap")
    if text.isupper() and len(text) > 1:
        feats.append("allcaps")
    feats += [f"lex={c}" for c in word_classes("en").get(norm, ())]
    feats += [f"p2={norm[:2]}", f"p3={norm[:3]}", f"s2={norm[-2:]}", f"s3={norm[-3:]}", f"s4={norm[-4:]}"]
    return feats


def _context(own: list[str]) -> list[str]:
    """The part of a neighbour's own features worth repeating around it."""
    return [f for f in own if f.startswith(("w=", "lex=", "shape=", "st=", "cap", "def", "nisba"))]


def sentence_features(tokens: Sequence[Token], lang: str) -> list[list[str]]:
    """One feature list per token of one sentence, for the language's model."""
    own_of = _arabic_own if lang == "ar" else _english_own
    own = [own_of(tok) for tok in tokens]
    ctx = [_context(feats) for feats in own]
    n = len(tokens)
    out = []
    for i in range(n):
        feats = ["bias", *own[i]]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                feats += [f"{d}:{f}" for f in ctx[j]]
            elif j == -1:
                feats.append("BOS")
            elif j == n:
                feats.append("EOS")
        if i > 0:
            feats.append(f"bi-={tokens[i - 1].norm}|{tokens[i].norm}")
        if i + 1 < n:
            feats.append(f"bi+={tokens[i].norm}|{tokens[i + 1].norm}")
        out.append(feats)
    return out
