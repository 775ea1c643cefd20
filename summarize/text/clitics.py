"""Arabic clitics: the particles written onto a word (و ف ب ك ل, the article ال) and the pronouns after it.

One table for every analyzer (stemming, attendee rules, number words, search). Stripping without a
dictionary is a guess, so each caller keeps a minimum stem length, and the particle table leaves out
a lone ``ك``: far more words open with it (``كان``, ``كبير``, ``كتاب``) than carry it as "like".
"""

from __future__ import annotations

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
ARTICLE = "ال"


def _article_forms() -> tuple[str, ...]:
    """The article with any conjunction and preposition before it; ``ل`` + ``ال`` is written ``لل``."""
    forms = set()
    for conjunction in ("", *CONJUNCTIONS):
        for preposition in ("", *PREPOSITIONS):
            forms.add(conjunction + ("لل" if preposition == "ل" else preposition + ARTICLE))
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


# وبال، وكال، فبال، فكال، وال، فال، بال، كال، ولل، فلل، لل، ال — longest first, so the first match is the whole clitic.
ARTICLE_PROCLITICS: tuple[str, ...] = _article_forms()
PARTICLE_PROCLITICS: tuple[str, ...] = (*CONJUNCTIONS, "ب", "ل")
PROCLITICS: tuple[str, ...] = ARTICLE_PROCLITICS + PARTICLE_PROCLITICS

# Attached pronouns, longest first. Third-person ones are what titles and kinship words carry ("ابنته", "رئيسها").
PRONOUN_SUFFIXES: tuple[str, ...] = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ك", "ي")
THIRD_PERSON_SUFFIXES: tuple[str, ...] = tuple(s for s in PRONOUN_SUFFIXES if s.startswith("ه"))
# Dual, sound plural and feminine endings: they inflect a word without making another one.
INFLECTION_SUFFIXES: tuple[str, ...] = ("ات", "ان", "ون", "ين", "ية", "ة", "ي")


def particle_forms(conjunctions: tuple[str, ...], prepositions: tuple[str, ...]) -> tuple[str, ...]:
    """Particles without the article, longest first: each conjunction + preposition pair, then each alone.

    Callers choose the particles their words can carry: names often open with ``ف`` (فريد، فيصل),
    so the surname rules strip only ``و``, ``ب`` and ``ل``.
    """
    return (*(c + p for c in conjunctions for p in prepositions), *conjunctions, *prepositions)


def proclitic_splits(word: str, *, min_stem: int = 3, forms: tuple[str, ...] = PROCLITICS) -> list[tuple[str, str]]:
    """Every ``(clitic, stem)`` split ``forms`` allow that leaves ``min_stem`` letters, longest clitic first."""
    return [(form, word[len(form) :]) for form in forms if word.startswith(form) and len(word) - len(form) >= min_stem]


def strip_proclitic(word: str, *, min_stem: int = 3, forms: tuple[str, ...] = PROCLITICS) -> str:
    """``word`` without its longest proclitic (``والرئيس`` → ``رئيس``), or unchanged."""
    for form in forms:
        if word.startswith(form) and len(word) - len(form) >= min_stem:
            return word[len(form) :]
    return word


def strip_article(word: str, *, min_stem: int = 3) -> str:
    """``word`` without the article and the particles before it (``والامريكيه`` → ``امريكيه``), or unchanged."""
    return strip_proclitic(word, min_stem=min_stem, forms=ARTICLE_PROCLITICS)


def strip_suffix(word: str, *, min_stem: int = 3, suffixes: tuple[str, ...] = PRONOUN_SUFFIXES) -> str:
    """``word`` without the first of ``suffixes`` it ends with, keeping ``min_stem`` letters, or unchanged."""
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            return word[: -len(suffix)]
    return word
