"""Light stemmers for matching words inside one article.

The default summarizer only needs "same word, other inflection" to count as the same
term; a light affix stripper does that without importing NLTK (which would cost half a
second of start-up on every ``newsread summarize``).
"""

from __future__ import annotations

from functools import lru_cache

from summarize.text import normalize
from summarize.text.clitics import INFLECTION_SUFFIXES, PRONOUN_SUFFIXES, strip_proclitic, strip_suffix
from summarize.text.tokens import WORD_CACHE_SIZE

# One ending at most: pronouns and inflections, longest first ("ك" alone ends too many stems: "ملك", "بنك").
_AR_SUFFIXES = tuple(
    sorted(dict.fromkeys(s for s in (*PRONOUN_SUFFIXES, *INFLECTION_SUFFIXES) if s != "ك"), key=len, reverse=True)
)
_EN_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s")
_MIN_STEM = 3


@lru_cache(maxsize=WORD_CACHE_SIZE)
def stem_arabic(word: str) -> str:
    """Strip one article/conjunction prefix and one pronoun/plural suffix, keeping 3+ letters."""
    word = strip_proclitic(normalize(word, fold_letters=True), min_stem=_MIN_STEM)
    return strip_suffix(word, min_stem=_MIN_STEM, suffixes=_AR_SUFFIXES)


@lru_cache(maxsize=WORD_CACHE_SIZE)
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
