"""The text core: what every analyzer means by a word, a letter form, a clitic, a script and a list item.

Defined once here and used by the sentence splitter, the summarizers, the extractors, the
search index and the importers, so they cannot drift apart. It imports nothing else of newsread.

- ``normalize``: letter folding for matching (harakat, tatweel, alef forms, digits; hamza seats)
- ``tokens``: the word pattern
- ``script``: how much of a text is Arabic
- ``clitics``: particles and pronouns written onto Arabic words
- ``lists``: list markers (numbers in any digits, bullets, ordinal words)
"""

from summarize.text.normalize import (
    ARABIC_INDIC_DIGITS,
    HARAKAT,
    PERSIAN_DIGITS,
    TATWEEL,
    fold_hamza_seats,
    normalize,
    to_ascii_digits,
    unseat_hamza,
)
from summarize.text.script import ARABIC_LETTER, LATIN_LETTER, arabic_share, has_arabic, is_arabic
from summarize.text.tokens import WORD, words

__all__ = [
    "ARABIC_INDIC_DIGITS",
    "ARABIC_LETTER",
    "HARAKAT",
    "LATIN_LETTER",
    "PERSIAN_DIGITS",
    "TATWEEL",
    "WORD",
    "arabic_share",
    "fold_hamza_seats",
    "has_arabic",
    "is_arabic",
    "normalize",
    "to_ascii_digits",
    "unseat_hamza",
    "words",
]
