"""Which language an article is in, good enough to pick tokenizer, stemmer and stop words.

Arabic script share decides Arabic; Latin-script text is routed by the share of its
words that are stop words of each language sumy ships stop words for.
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache

from summarize.text import arabic_share, normalize, words

# ISO 639-1 code -> sumy language name (the languages sumy has stop words and a stemmer for).
SUMY_LANGUAGES: dict[str, str] = {
    "ar": "arabic",
    "cs": "czech",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "it": "italian",
    "pl": "polish",
    "pt": "portuguese",
    "sk": "slovak",
    "sv": "swedish",
    "uk": "ukrainian",
}
LATIN_CANDIDATES = ("en", "fr", "de", "es", "it", "pt", "sv", "cs", "sk", "pl")
ARABIC_THRESHOLD = 0.3


@cache
def stop_words(lang: str) -> frozenset[str]:
    """sumy's stop-word list for ``lang``, normalized; read as data, without importing sumy."""
    name = SUMY_LANGUAGES.get(lang)
    if name is None:
        return frozenset()
    spec = importlib.util.find_spec("sumy")  # sumy's data files, found without importing sumy or importlib.resources
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = os.path.join(spec.submodule_search_locations[0], "data", "stopwords", f"{name}.txt")
    try:
        with open(path, encoding="utf-8") as handle:
            data = handle.read()
    except OSError:
        return frozenset()
    return frozenset(normalize(w.strip()) for w in data.splitlines() if w.strip())


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``: ``ar`` by script, else the Latin language with most stop words."""
    sample = text[:20000]
    if arabic_share(sample) >= ARABIC_THRESHOLD:
        return "ar"
    tokens = normalize(" ".join(words(sample)[:3000])).split()  # one normalize call: same tokens, much faster
    if not tokens:
        return "en"
    best, best_hits = "en", 0
    for lang in LATIN_CANDIDATES:
        vocabulary = stop_words(lang)
        hits = sum(1 for t in tokens if t in vocabulary)
        if hits > best_hits:
            best, best_hits = lang, hits
    return best


def normalize_language_code(code: str) -> str:
    """Accept ``ar``, ``arabic``, ``English`` ...; return the two-letter code or raise ValueError."""
    code = code.strip().lower()
    if code in SUMY_LANGUAGES:
        return code
    for short, name in SUMY_LANGUAGES.items():
        if code == name:
            return short
    known = ", ".join(sorted(SUMY_LANGUAGES))
    raise ValueError(f"unknown language {code!r} (known: {known})")
