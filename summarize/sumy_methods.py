"""Every summarizer sumy ships, fed with our sentences, words, stemmer and stop words.

sumy's own tokenizers need NLTK data that cannot be downloaded here, cut Arabic at
``،``/``؛``/``:`` and drop words carrying harakat, so we build sumy's document model
ourselves and hand it a tokenizer of our own. Imported only when a sumy method is asked for.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

from summarize.language import SUMY_LANGUAGES, stop_words
from summarize.sentences import ITEM, KICKER, SENTENCE, TITLE, Sentence
from summarize.text import normalize, words

_STIGMA_WORDS = {
    "ar": ("ربما", "قيل", "يزعم", "إعلان"),
    "en": ("perhaps", "allegedly", "reportedly", "advertisement"),
}


class NewsreadTokenizer:
    """sumy's tokenizer protocol on top of our segmenter's output and word pattern."""

    def __init__(self, lang: str):
        self.language = SUMY_LANGUAGES.get(lang, "english")

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in words(sentence) if not w.isdigit())


def _stemmer(lang: str):
    from sumy.nlp.stemmers import Stemmer, null_stemmer

    try:
        base = Stemmer(SUMY_LANGUAGES.get(lang, "english"))
        base("test")  # some stemmers need an optional package only when called (Polish: pystempel)
    except (LookupError, ValueError, ImportError):
        base = null_stemmer

    # NLTK's Arabic Snowball stemmer keeps state between calls, so one word can stem two ways
    # in one document (sumy's SumBasic then fails with a KeyError); memoising pins one stem per word.
    @lru_cache(maxsize=65536)
    def stem(word: str) -> str:
        return base(normalize(word))

    return stem


def _document(sentences: tuple[Sentence, ...], tokenizer: NewsreadTokenizer):
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    paragraphs: dict[int, list] = {}
    lookup: dict[int, int] = {}
    for index, s in enumerate(sentences):
        if s.kind not in (SENTENCE, ITEM, TITLE, KICKER):
            continue
        sumy_sentence = SumySentence(s.text, tokenizer, is_heading=s.kind in (TITLE, KICKER))
        paragraphs.setdefault(s.paragraph, []).append(sumy_sentence)
        if s.kind in (SENTENCE, ITEM):
            lookup[id(sumy_sentence)] = index
    return ObjectDocumentModel([Paragraph(p) for p in paragraphs.values()]), lookup


def _summarizer(method: str, lang: str, sentences: tuple[Sentence, ...]):
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    classes = {
        "lsa": LsaSummarizer,
        "lex-rank": LexRankSummarizer,
        "text-rank": TextRankSummarizer,
        "luhn": LuhnSummarizer,
        "edmundson": EdmundsonSummarizer,
        "sum-basic": SumBasicSummarizer,
        "kl": KLSummarizer,
        "reduction": ReductionSummarizer,
    }
    summarizer = classes[method](_stemmer(lang))
    stops = sorted(stop_words(lang)) or ["the"]
    summarizer.stop_words = stops
    if method == "edmundson":
        headline = [w for s in sentences if s.kind in (TITLE, KICKER) for w in words(s.text)]
        summarizer.bonus_words = headline or [w for s in sentences[:1] for w in words(s.text)] or ["news"]
        summarizer.stigma_words = _STIGMA_WORDS.get(lang, _STIGMA_WORDS["en"])
        summarizer.null_words = stops
    return summarizer


def sumy_scores(method: str, sentences: tuple[Sentence, ...], lang: str, count: int) -> dict[int, float]:
    """Run sumy's ``method``; the sentences it picks get descending scores by its ranking."""
    tokenizer = NewsreadTokenizer(lang)
    document, lookup = _document(sentences, tokenizer)
    if not lookup or count <= 0:
        return {}
    # Nothing of sumy's may reach stderr: LexRank divides by a zero norm on one-word texts (numpy warns),
    # the Czech stemmer warns on each mixed-case word.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summarizer = _summarizer(method, lang, sentences)
        picked = summarizer(document, count)
    # sumy returns its choice in document order without scores: rank them by that order.
    return {lookup[id(s)]: 1.0 / (rank + 1) for rank, s in enumerate(picked) if id(s) in lookup}
