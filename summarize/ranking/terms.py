"""Content terms of a sentence: light-stemmed words without stop words or bare numbers."""

from __future__ import annotations

from summarize.language import stop_words
from summarize.stemming import stemmer_for
from summarize.text import words


def terms(text: str, lang: str) -> list[str]:
    """Stemmed content words of ``text`` in order (stop words and bare numbers left out)."""
    stem = stemmer_for(lang)
    stops = stop_words(lang)
    out = []
    for word in words(text):
        stemmed = stem(word)
        if stemmed and not stemmed.isdigit() and stemmed not in stops:
            out.append(stemmed)
    return out
