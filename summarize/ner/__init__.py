"""A statistical person-name recognizer (CRF), trained by us and shipped inside the package.

``find_persons(text, lang)`` returns ``PersonSpan`` values with offsets into the text as given.
The weights (``models/*.crfsuite``) are trained by ``training/ner/train.py`` from openly licensed
corpora (``models/ATTRIBUTION.md``); they are opened on first use, one tagger per thread.
"""

from summarize.ner.recognizer import find_persons
from summarize.ner.spans import PersonSpan

__all__ = ["PersonSpan", "find_persons"]
