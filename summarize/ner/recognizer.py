"""Find person names in a text: tokenize, cut into sentences, tag each, read spans off the labels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.ner.features import sentence_features
from summarize.ner.labels import BEGIN, INSIDE, decode
from summarize.ner.spans import PersonSpan
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


def persons_with(tagger: pycrfsuite.Tagger, text: str, model: str) -> tuple[PersonSpan, ...]:
    """``find_persons`` with a given tagger: the training scripts evaluate candidate models so."""
    out: list[PersonSpan] = []
    tokens = tokenize(text)
    begins: list[str] | None = None
    for sent in sentences(tokens, text):
        labels = tagger.tag(sentence_features(sent, model))
        if not any(label != "O" for label in labels):
            continue
        if begins is None:
            begins = [label for label in tagger.labels() if label.startswith(BEGIN)]
        for first, stop, start, end in decode(sent, labels):
            first_p = sum(tagger.marginal(label, first) for label in begins)
            later = [tagger.marginal(INSIDE, i) for i in range(first + 1, stop)]
            out.append(PersonSpan(start, end, text[start:end], round(min([first_p, *later]), 4)))
    return tuple(out)
