"""Token features for the person recognizer: one function for training and for run time.

Any change here changes what a trained model means: retrain the models after editing this module
(``training/ner/README.md``). Features are plain strings, the form CRFsuite reads fastest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from summarize.ner.lexicon import word_classes
from summarize.ner.tokens import Token
from summarize.text.tokens import WORD_CACHE_SIZE

_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_CONJUNCTIONS = ("و", "ف")
# Letters that make up Arabic patterns (affixes, long vowels); the rest are root consonants.
_PATTERN_LETTERS = frozenset("اويتمنسه")
_TITLE_WINDOW = 4  # "وزير الخارجية الروسي سيرغي لافروف": the office is three words before the name


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
    out: list[str] = []
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


@lru_cache(maxsize=WORD_CACHE_SIZE)  # words repeat: a news text has a few thousand distinct ones
def _arabic_own(surface: str, norm: str, word: bool) -> tuple[str, ...]:
    """What one Arabic token says about itself, without context."""
    feats = [f"w={norm}", f"shape={_shape(surface)}"]
    if not word:
        return tuple(feats)
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
    feats.append("pat=" + "".join(ch if ch in _PATTERN_LETTERS else "C" for ch in stem)[:8])
    return tuple(feats)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _english_own(text: str, norm: str, word: bool) -> tuple[str, ...]:
    """What one English token says about itself, without context."""
    feats = [f"w={norm}", f"shape={_shape(text)}"]
    if not word:
        return tuple(feats)
    if text[:1].isupper():
        feats.append("cap")
    if text.isupper() and len(text) > 1:
        feats.append("allcaps")
    feats += [f"lex={c}" for c in word_classes("en").get(norm, ())]
    feats += [f"p2={norm[:2]}", f"p3={norm[:3]}", f"s2={norm[-2:]}", f"s3={norm[-3:]}", f"s4={norm[-4:]}"]
    return tuple(feats)


@lru_cache(maxsize=2 * WORD_CACHE_SIZE)  # a word's features at each of its neighbours' offsets
def _context(own: tuple[str, ...], offset: int) -> tuple[str, ...]:
    """A neighbour's features worth repeating, marked with where the neighbour stands."""
    keep = (f for f in own if f.startswith(("w=", "lex=", "shape=", "st=", "cap", "def", "nisba")))
    return tuple(f"{offset}:{f}" for f in keep)


def sentence_features(tokens: Sequence[Token], lang: str) -> list[list[str]]:
    """One feature list per token of one sentence, for the language's model."""
    own_of = _arabic_own if lang == "ar" else _english_own
    own = [own_of(tok.text, tok.norm, tok.word) for tok in tokens]
    titled = [0]  # titled[i]: how many of the first i tokens are an office word or an honorific
    for word_feats in own:
        titled.append(titled[-1] + ("lex=head" in word_feats or "lex=honor" in word_feats))
    n = len(tokens)
    out: list[list[str]] = []
    for i in range(n):
        feats: list[str] = ["bias", *own[i]]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                feats += _context(own[j], d)
            elif j == -1:
                feats.append("BOS")
            elif j == n:
                feats.append("EOS")
        if i > 0:
            feats.append(f"bi-={tokens[i - 1].norm}|{tokens[i].norm}")
        if i + 1 < n:
            feats.append(f"bi+={tokens[i].norm}|{tokens[i + 1].norm}")
        if titled[i] > titled[max(0, i - _TITLE_WINDOW)]:
            feats.append("title-before")
        out.append(feats)
    return out
