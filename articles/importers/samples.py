"""The bundled samples as library articles, with their sources and the attributions they require.

The two Arabic Wikipedia texts are CC BY-SA 3.0: their attribution is stored as their
source and as a tag, so the list, ``show`` and exports carry it (see samples/SOURCES.md).
"""

from __future__ import annotations

from dataclasses import replace

from articles.model import Article
from articles.plaintext import parse_plaintext
from articles.samples import SEED, sample_names, sample_path
from articles.sources import read_text
from summarize.language import detect_language

WIKIPEDIA_ATTRIBUTION = "Arabic Wikipedia contributors, CC BY-SA 3.0"
WIKINEWS_SOURCE = "English Wikinews (public domain)"
SAMPLE_TAG = "sample"

# Publication dates as SOURCES.md gives them (metadata, not article text).
_PUBLISHED = {
    "wn-en-china-brazil-lunch": "2004-11-13",
    "wn-en-brazil-south-korea-talks": "2004-11-16",
    "wn-en-bush-visits-canada": "2004-11-30",
    "wn-en-gusenbauer-reelected": "2004-11-30",
    "wn-en-brazil-arafat-funeral-delegation": "2004-11-13",
    "wn-en-south-american-summit": "2004-12",
    "wn-en-korea-talks-next-week": "2005-05-14",
}


def _source_and_tags(name: str) -> tuple[str, tuple[str, ...]]:
    if name.startswith("wp-ar-"):
        return f"Arabic Wikipedia (EASC corpus) — {WIKIPEDIA_ATTRIBUTION}", (SAMPLE_TAG, WIKIPEDIA_ATTRIBUTION)
    if name.startswith("wn-en-"):
        return WIKINEWS_SOURCE, (SAMPLE_TAG, "Wikinews")
    return f"sample:{name}", (SAMPLE_TAG,)


def sample_articles() -> list[Article]:
    """Every bundled sample, parsed; the seed article last so it is the newest in the list."""
    names = sorted(sample_names(), key=lambda n: (n == SEED, n))
    out = []
    for name in names:
        text = read_text(str(sample_path(name)))
        source, tags = _source_and_tags(name)
        article = parse_plaintext(text, source=source, language=detect_language(text))
        out.append(replace(article, tags=tags, published=_PUBLISHED.get(name)))
    return out
