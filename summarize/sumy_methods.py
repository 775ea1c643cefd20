"""Every summarizer sumy ships, fed with our sentences, words, stemmer and stop words.

sumy's own tokenizers need NLTK data that cannot be downloaded here, cut Arabic at
``،``/``؛``/``:`` and drop words carrying harakat, so we build sumy's document model
ourselves and hand it a tokenizer of our own. Imported only when a sumy method is asked for.

Cost. LSA, LexRank, TextRank and Reduction run on numpy (``summarize.ranking.graphs``)
with the ratings sumy computes; LSA is linear, the three graph methods read at most
``GRAPH_MAX_SENTENCES`` body sentences (a graph is quadratic in its sentences). KL, SumBasic and
Luhn run sumy's code with its quadratic parts removed (``summarize.ranking.sumy_greedy``: the
greedy methods stop once the summary is full, Luhn looks words up in a set), same picks.
Edmundson runs as sumy ships it and reads at most ``SUMY_MAX_SENTENCES["edmundson"]`` body
sentences; KL, whose every pick re-reads every sentence with the summary so far, at most
``SUMY_MAX_SENTENCES["kl"]`` (it took 30 s on 2M characters without the cap). A cap keeps the
article's first sentences (news puts the gist first) and the headline.
"""

from __future__ import annotations

import warnings
from functools import cache

from summarize.language import SUMY_LANGUAGES, stop_words
from summarize.sentences import ITEM, KICKER, SENTENCE, TITLE, Sentence
from summarize.text import normalize, words

GRAPH_MAX_SENTENCES = 1500
SUMY_MAX_SENTENCES = {"edmundson": 1500, "kl": 3000}
VECTORIZED = ("lsa", "lex-rank", "text-rank", "reduction")

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
    # Unbounded on purpose: this cache lives for one document (a new one per call), and an evicting
    # one would both re-stem words (a text of more distinct words than the bound took 3.5 times the
    # stemming for twice the text) and could give a word a second stem.
    @cache
    def stem(word: str) -> str:
        return base(normalize(word))

    return stem


def _document(sentences: tuple[Sentence, ...], tokenizer: NewsreadTokenizer, limit: int | None = None):
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    paragraphs: dict[int, list] = {}
    lookup: dict[int, int] = {}
    for index, s in enumerate(sentences):
        if s.kind not in (SENTENCE, ITEM, TITLE, KICKER):
            continue
        if limit is not None and s.kind in (SENTENCE, ITEM) and len(lookup) >= limit:
            break
        sumy_sentence = SumySentence(s.text, tokenizer, is_heading=s.kind in (TITLE, KICKER))
        paragraphs.setdefault(s.paragraph, []).append(sumy_sentence)
        if s.kind in (SENTENCE, ITEM):
            lookup[id(sumy_sentence)] = index
    return ObjectDocumentModel([Paragraph(p) for p in paragraphs.values()]), lookup


def _summarizer(method: str, lang: str, sentences: tuple[Sentence, ...]):
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    from summarize.ranking.sumy_greedy import quick_classes

    quick = quick_classes()
    classes = {
        "lsa": LsaSummarizer,
        "lex-rank": LexRankSummarizer,
        "text-rank": TextRankSummarizer,
        "luhn": quick["luhn"],
        "edmundson": EdmundsonSummarizer,
        "sum-basic": quick["sum-basic"],
        "kl": quick["kl"],
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


def _sumy_words(method: str, sentences: tuple[Sentence, ...], lang: str) -> tuple[list[int], list[float]]:
    """Indices and sumy-equal ratings of the body sentences, from the vectorized implementations."""
    from summarize.ranking import graphs

    tokenizer = NewsreadTokenizer(lang)
    stem = _stemmer(lang)
    stops = frozenset(w.lower() for w in (sorted(stop_words(lang)) or ["the"]))
    body = [i for i, s in enumerate(sentences) if s.kind in (SENTENCE, ITEM)]
    if method != "lsa":
        body = body[:GRAPH_MAX_SENTENCES]
    lowered = [[w.lower() for w in tokenizer.to_words(sentences[i].text)] for i in body]
    content = [[stem(w) for w in words if w not in stops] for words in lowered]
    if method == "text-rank":
        return body, graphs.text_rank(content)
    if method == "lex-rank":
        return body, graphs.lex_rank(content)
    if method == "reduction":
        return body, graphs.reduction(content)
    headings = [w.lower() for s in sentences if s.kind in (TITLE, KICKER) for w in tokenizer.to_words(s.text)]
    dictionary = frozenset(stem(w) for w in headings if w not in stops) | frozenset(t for ws in content for t in ws)
    return body, graphs.lsa([[stem(w) for w in words] for words in lowered], dictionary)


def sumy_scores(method: str, sentences: tuple[Sentence, ...], lang: str, count: int) -> dict[int, float]:
    """sumy's ``method`` ratings: the summary takes the best ``count`` (ties: the earlier sentence).

    The vectorized methods return every body sentence's rating; sumy's own code returns only its
    picks, scored ``1/(rank+1)`` by their order in the article.
    """
    if count <= 0:
        return {}
    if method in VECTORIZED:
        with warnings.catch_warnings():  # the Czech stemmer warns on each mixed-case word
            warnings.simplefilter("ignore")
            body, ratings = _sumy_words(method, sentences, lang)
        # sumy keys ratings by sentence text: a repeated sentence takes its last copy's rating
        # (graphs) or the sum of its copies' (Reduction); LSA rates by position
        if method in ("lex-rank", "text-rank"):
            last = {sentences[i].text: r for i, r in zip(body, ratings, strict=True)}
            ratings = [last[sentences[i].text] for i in body]
        elif method == "reduction":
            pooled: dict[str, float] = {}
            for i, r in zip(body, ratings, strict=True):
                pooled[sentences[i].text] = pooled.get(sentences[i].text, 0.0) + r
            ratings = [pooled[sentences[i].text] for i in body]
        return dict(zip(body, ratings, strict=True))
    tokenizer = NewsreadTokenizer(lang)
    document, lookup = _document(sentences, tokenizer, SUMY_MAX_SENTENCES.get(method))
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
