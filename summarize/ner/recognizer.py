"""Find person names in a text: tokenize, cut into sentences, tag each, read spans off the labels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.ner.features import sentence_features
from summarize.ner.labels import BEGIN, INSIDE, OUTSIDE, decode
from summarize.ner.spans import PersonReading, PersonSpan, WordProbability
from summarize.ner.tagger import model_language, tagger_for
from summarize.ner.tokens import sentences, tokenize

if TYPE_CHECKING:
    import pycrfsuite


def find_persons(text: str, lang: str) -> tuple[PersonSpan, ...]:
    """Every person name in ``text``, in order, with offsets into ``text`` as given.

    ``lang`` is an ISO code: "ar" uses the Arabic model, any other language the English model
    (trained on English; it reads capitalised Latin-script names, so it is of some use for other
    Latin-script languages and of none for other scripts, where it finds nothing).
    """
    model = model_language(lang)
    return persons_with(tagger_for(model), text, model)


def read_persons(text: str, lang: str, end: int | None = None) -> PersonReading:
    """``find_persons`` of ``text[:end]``, and each word's probability of being part of a name.

    The probabilities let a caller weigh a name proposed by other means ("the model does not rule
    this word out") without a second pass. ``end`` caps the work on a huge text: reading stops at
    the first sentence end (or line break) at or after it.
    """
    model = model_language(lang)
    words: list[WordProbability] = []
    persons, stop = _tag(tagger_for(model), text, model, words, end)
    return PersonReading(persons, tuple(words), stop)


def persons_with(tagger: pycrfsuite.Tagger, text: str, model: str) -> tuple[PersonSpan, ...]:
    """``find_persons`` with a given tagger: the training scripts evaluate candidate models so."""
    return _tag(tagger, text, model, None, None)[0]


def _tag(
    tagger: pycrfsuite.Tagger, text: str, model: str, words: list[WordProbability] | None, end: int | None
) -> tuple[tuple[PersonSpan, ...], int]:
    """The person spans and where reading stopped; each word's probability appended to ``words``;
    sentences that start at or after ``end`` are not read."""
    out: list[PersonSpan] = []
    tokens = tokenize(text)
    begins: list[str] | None = None
    stop = len(text)
    for sent in sentences(tokens, text):
        if end is not None and sent[0].start >= end:
            stop = sent[0].start
            break
        labels = tagger.tag(sentence_features(sent, model))
        if words is not None:
            words.extend(
                WordProbability(tok.start, tok.end, round(1.0 - tagger.marginal(OUTSIDE, i), 4))
                for i, tok in enumerate(sent)
                if tok.word
            )
        if not any(label != OUTSIDE for label in labels):
            continue
        if begins is None:
            begins = [label for label in tagger.labels() if label.startswith(BEGIN)]
        for first, last, start, finish in decode(sent, labels):
            first_p = sum(tagger.marginal(label, first) for label in begins)
            later = [tagger.marginal(INSIDE, i) for i in range(first + 1, last)]
            out.append(PersonSpan(start, finish, text[start:finish], round(min([first_p, *later]), 4)))
    return tuple(out), stop
