"""Which language an article is in, good enough to pick tokenizer, stemmer and stop words.

Arabic script share decides Arabic; Latin-script text is routed by the share of its
words that are stop words of each language sumy ships stop words for.
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache

from summarize.text import arabic_share, normalize

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
_PUNCTUATION = "\"'“”‘’«».,;:!?()[]{}<>-–—…/*&%$#@|"
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
    # whitespace words with their punctuation trimmed: the word pattern would cost more than the counting
    tokens = [t.strip(_PUNCTUATION) for t in normalize(sample).split()[:3000]]
    if not tokens:
        return "en"
    hits = dict.fromkeys(LATIN_CANDIDATES, 0)
    languages_of = _stop_word_languages()
    for token in tokens:  # one look-up per token, not one per token and language
        for lang in languages_of.get(token, ()):
            hits[lang] += 1
    best, best_hits = "en", 0
    for lang in LATIN_CANDIDATES:  # in this order: the first language with the most hits wins, as before
        if hits[lang] > best_hits:
            best, best_hits = lang, hits[lang]
    return best


@cache
def _stop_word_languages() -> dict[str, tuple[str, ...]]:
    """Stop word -> the Latin-script candidate languages that list it."""
    found: dict[str, list[str]] = {}
    for lang in LATIN_CANDIDATES:
        for word in stop_words(lang):
            found.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in found.items()}


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
