"""Light stemmers for matching words inside one article.

The default summarizer only needs "same word, other inflection" to count as the same
term; a light affix stripper does that without importing NLTK (which would cost half a
second of start-up on every ``newsread summarize``).
"""

from __future__ import annotations

from functools import lru_cache

from summarize.text import normalize

_AR_PREFIXES = ("وبال", "وكال", "وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل")
_AR_SUFFIXES = ("هما", "كما", "ات", "ان", "ون", "ين", "ها", "هم", "هن", "كم", "نا", "ية", "ه", "ة", "ي")
_EN_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s")
_MIN_STEM = 3


@lru_cache(maxsize=65536)
def stem_arabic(word: str) -> str:
    """Strip one article/conjunction prefix and one pronoun/plural suffix, keeping 3+ letters."""
    word = normalize(word, fold_letters=True)
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            word = word[len(prefix) :]
            break
    for suffix in _AR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
            break
    return word


@lru_cache(maxsize=65536)
def stem_latin(word: str) -> str:
    """Strip one common English inflection; other Latin-script languages get case folding."""
    word = normalize(word)
    for suffix in _EN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def stemmer_for(lang: str):
    """The light stemmer for ``lang``."""
    return stem_arabic if lang == "ar" else stem_latin
