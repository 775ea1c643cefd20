"""A statistical person-name recognizer (CRF), trained by us and shipped inside the package.

``find_persons(text, lang)`` returns ``PersonSpan`` values with offsets into the text as given;
``read_persons(text, lang, end)`` also gives each word's probability of being part of a name
(``PersonReading``), and stops reading near ``end`` on a huge text.
The weights (``models/*.crfsuite``) are trained by ``training/ner/train.py`` from openly licensed
corpora (``models/ATTRIBUTION.md``); they are opened on first use, one tagger per thread.
"""

from summarize.ner.recognizer import find_persons, read_persons
from summarize.ner.spans import PersonReading, PersonSpan, WordProbability

__all__ = ["PersonReading", "PersonSpan", "WordProbability", "find_persons", "read_persons"]
