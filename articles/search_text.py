"""What the search index stores and what a query asks for, made by one analysis on both sides.

SQLite's FTS5 cannot load a tokenizer written in Python, so each article is turned into three forms
*before* FTS5 sees it, and every query word the same way:

- **exact** (columns ``title``, ``body``): the words as written, in order, without harakat or
  tatweel, digits as ``0-9``, lower case. Alef, hamza, ``ة``/``ه`` and ``ى``/``ي`` stay as written,
  so ``والي`` (a governor) and ``وإلى`` ("and to") stay apart, as do ``علي`` and ``على``.
- **words** (``title_words``, ``body_words``): each distinct word with every letter form folded
  (alef and hamza seats, ``ة``/``ه``, ``ى``/``ي``): ``مسئول`` finds ``مسؤول``.
- **stems** (``title_stems``, ``body_stems``): the other readings of each distinct word: without the
  particles written onto it (``و ف ب ل ك`` and the article: ``بحضور``, ``للمؤتمر``, ``وبالاجتماع``) and
  without a pronoun or a dual, plural or feminine ending (``بلاده``, ``اجتماعات``); for English, the
  word without a regular inflection (``meetings``, ``elected``, ``Blair's``).

Which readings of a query word count is decided by the library itself: a reading without a lone particle
(``و ف ب ل ك``) counts only if it occurs there as a word of its own. ``وقال`` stands for ``قال``
(a word every library has), but ``لقاء`` does not stand for ``قاء`` and ``وزير`` not for ``زير``: a
light stemmer guarded by the text it searches, so short words and names keep their letters without
a hand-made list.

Why not NLTK's ISRI stemmer (which sumy brings): it reduces words towards roots, and names and unrelated
words meet there: ``محمد`` -> ``حمد``, ``فلسطين`` -> ``لسط``, ``كتاب`` and ``كتابة`` -> ``كتب``,
``وقال`` -> ``وقل``, ``بإعلان`` -> ``إعل`` but ``إعلان`` -> ``اعل``. Recall would rise and precision fall;
the benchmark in ``benchmarks/search_quality/`` asks for both.

Articles with the words as typed come first, then those that only share a reading; ``"a phrase"``
matches the words in that order, and a word ending in ``*`` is a prefix. Nothing stored is
rewritten: snippets are cut from the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from summarize.text import WORD, normalize, to_ascii_digits, unseat_hamza
from summarize.text.clitics import ARTICLE_PROCLITICS, CONJUNCTIONS, INFLECTION_SUFFIXES, PRONOUN_SUFFIXES
from summarize.text.normalize import ARABIC_INDIC_DIGITS, HARAKAT, PERSIAN_DIGITS, TATWEEL, replace_all

SNIPPET_WORDS = 24
INDEX_VERSION = "3"  # bump when a form or a column changes: the store then rebuilds the index
EXACT_COLUMNS = "{title body}"
LOOSE_COLUMNS = "{title_words body_words title_stems body_stems}"
FTS_TABLE = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, title_words, body_words, title_stems, body_stems,"
    " content = '', tokenize = 'unicode61 remove_diacritics 2')"
)
FTS_VOCABULARY = "CREATE VIRTUAL TABLE articles_vocab USING fts5vocab (articles_fts, 'col')"
RANKING = "bm25(5.0, 1.0, 5.0, 1.0, 2.5, 0.5)"  # a title weighs five times the body; a reading half a word
PHRASE_CANDIDATES = 1000  # articles holding every word of a phrase, checked for the words in order

_PHRASE = re.compile(r'"([^"]*)"')
_EXACT = (
    *((mark, "") for mark in HARAKAT + TATWEEL),
    *((d, str(n % 10)) for n, d in enumerate(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS)),
)
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_FOLD = str.maketrans("ةى", "هي")  # writers mix them freely
_PREPOSITIONS = ("ب", "ل", "ك")
_MIN_STEM = 3  # letters a reading keeps: "الله" is not the article plus "له"
# Endings: pronouns, then dual, plural and feminine ones. Not "ي"/"ية": a nisba ("فلسطيني") is another word.
_PRONOUNS = tuple(s for s in PRONOUN_SUFFIXES if s not in ("ي", "ك"))
_INFLECTIONS = tuple(s for s in INFLECTION_SUFFIXES if s not in ("ي", "ية"))


def exact_form(text: str) -> str:
    """Words as written, for the exact columns: no harakat or tatweel, ASCII digits, lower case."""
    if text.isascii():
        return text.lower()
    return replace_all(unicodedata.normalize("NFKC", text), _EXACT).lower()


@dataclass(frozen=True, slots=True)
class Analysis:
    """One word for search: folded, read without its particles, and each of those without an ending."""

    folded: str
    bare: frozenset[str]  # without particles: "بحضور" -> "حضور" (a guess the library must confirm)
    endings_off: frozenset[str]  # without an ending: "بلاده" -> "بلاد", "meetings" -> "meeting", "meet"
    # without the article (with any particle before it): "للأمم" -> "امم"; safe, three letters remain
    without_article: frozenset[str] = frozenset()

    @property
    def readings(self) -> frozenset[str]:
        return self.bare | self.endings_off


@lru_cache(maxsize=200_000)  # words repeat: an article of 500 words has some 250 distinct ones
def analyse(word: str) -> Analysis:
    """A word's folded form and its other readings (see the module docstring)."""
    if not _ARABIC.search(word):
        lowered = to_ascii_digits(word).lower()
        forms = {_english_singular(lowered), _english_stem(lowered)} - {lowered}
        return Analysis(lowered, frozenset(), frozenset(forms))
    # particles and endings are read on the word with ة and ى as written ("قوتها", but "الله" has no ending),
    # then every form is folded like the rest
    written = unseat_hamza(normalize(word))
    folded = written.translate(_FOLD)
    bare = {form.translate(_FOLD) for form in _without_particles(written)} - {folded}
    endings = {
        stem.translate(_FOLD) for base in (written, *_without_particles(written)) for stem in _without_ending(base)
    }
    article = {written[len(f) :].translate(_FOLD) for f in ARTICLE_PROCLITICS if written.startswith(f)} & bare
    return Analysis(folded, frozenset(bare), frozenset(endings - {folded} - bare), frozenset(article))


def _without_particles(word: str) -> list[str]:
    """Every way to read particles at the start of ``word`` off it, keeping ``_MIN_STEM`` letters."""
    found = [word[len(form) :] for form in ARTICLE_PROCLITICS if word.startswith(form)]
    if word[:1] in CONJUNCTIONS:
        found.append(word[1:])
        if word[1:2] in _PREPOSITIONS:
            found.append(word[2:])
    if word[:1] in _PREPOSITIONS:
        found.append(word[1:])
    return [rest for rest in found if len(rest) >= _MIN_STEM]


def _without_ending(word: str) -> list[str]:
    found = []
    for suffix in _PRONOUNS:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            base = word[: -len(suffix)]
            construct = base.endswith("ت") and not base.endswith("ات") and len(base) >= _MIN_STEM
            found.append(base[:-1] + "ة" if construct else base)  # "قوتها": the taa of "قوة"; "قواتها" stays
            break
    for stem in [word, *found]:
        for suffix in _INFLECTIONS:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= _MIN_STEM:
                found.append(stem[: -len(suffix)])
                break
        else:
            # the alef of the indefinite accusative ("اجتماعا", "دعما"); not after ي, where it ends a name
            # or a place ("روسيا" is not "روسي")
            if stem.endswith("ا") and not stem.endswith(("يا", "اا")) and len(stem) - 1 >= _MIN_STEM:
                found.append(stem[:-1])
    return found


_ENGLISH_PLURALS = (("'s", ""), ("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"))
# Words that end in "s" without being plurals (Harman's S-stemmer keeps a list like this).
_NOT_PLURAL = frozenset({"news", "series", "species", "means", "politics", "economics", "physics", "always"})


def _english_stem(word: str) -> str:
    """Regular inflections only (plural, possessive, -ed, -ing): a reader searching "elected" does not
    mean "election", which Porter and Snowball stemmers give the same stem."""
    word = _english_singular(word)
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "planned" -> "plan"
            return base
    return word


def _english_singular(word: str) -> str:
    if word in _NOT_PLURAL:
        return word
    for ending, replacement in _ENGLISH_PLURALS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def index_values(title: str, body: str) -> tuple[str, str, str, str, str, str]:
    """The six columns of an article: exact title and body, their folded words, their other readings."""
    exact_title, exact_body = exact_form(title), exact_form(body)
    title_words, title_stems = _loose(exact_title)
    body_words, body_stems = _loose(exact_body)
    return exact_title, exact_body, title_words, body_words, title_stems, body_stems


_EDGE_PUNCTUATION = "\"'“”‘’«»„.,;:!?()[]{}<>-–—…/\\*&%$#@|_~`^+=،؛؟"
_INNER = re.compile(r"[^\W_]+")


def _tokens(exact: str) -> set[str]:
    """The distinct words of an exact text: split at spaces, punctuation trimmed from each end (a word
    pattern over the whole text cost five times as much); a rare token with punctuation inside is split."""
    found = {token.strip(_EDGE_PUNCTUATION) for token in set(exact.split())}
    odd = [token for token in found if not token.isalnum()]
    if odd:
        found.difference_update(odd)
        for token in odd:
            found.update(_INNER.findall(token))
    return found


@lru_cache(maxsize=200_000)
def _index_forms(word: str) -> tuple[str, tuple[str, ...]]:
    analysis = analyse(word)
    return analysis.folded, tuple(analysis.readings)


def _loose(exact: str) -> tuple[str, str]:
    """The folded words and the other readings of the distinct words of an exact text, each once."""
    forms = list(map(_index_forms, _tokens(exact)))  # map over a cached function: no loop in Python
    words = {folded for folded, _ in forms}
    stems = set().union(*(readings for _, readings in forms)) - words
    return " ".join(words), " ".join(stems)


@dataclass(frozen=True)
class Term:
    """One query word: as typed, folded, the readings that stand for it, and whether it is a prefix."""

    exact: str
    folded: str
    readings: tuple[str, ...] = ()
    prefix: bool = False

    def match(self, *, loose: bool) -> str:
        star = "*" if self.prefix else ""
        if not loose:
            return f'{EXACT_COLUMNS} : "{self.exact}"{star}'
        forms = " OR ".join(f'"{form}"{star}' for form in (self.folded, *self.readings))
        return f"{LOOSE_COLUMNS} : ({forms})"

    def accepts(self, word: str) -> bool:
        """Whether a word of an article is this term in one of its forms."""
        analysis = analyse(word)
        if self.prefix:
            return exact_form(word).startswith(self.exact) or analysis.folded.startswith(self.folded)
        forms = {analysis.folded, *analysis.readings}
        return analysis.folded == self.folded or bool(forms & {self.folded, *self.readings})


@dataclass(frozen=True)
class Query:
    """A parsed user query: words and phrases, all required."""

    terms: tuple[Term, ...]
    phrases: tuple[tuple[Term, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.terms and not self.phrases

    def match_expression(self, *, loose: bool = True) -> str:
        """An FTS5 MATCH string: every word (as typed, or in any accepted form when ``loose``) AND every
        phrase (its exact words in order; ``loose``: its words anywhere, checked by ``phrases_in``).

        Every token is quoted, so the user's text can never be read as FTS5 syntax (no ``NEAR``,
        ``OR``, column filters or stray quotes reaching the parser)."""
        parts = [term.match(loose=loose) for term in self.terms]
        for phrase in self.phrases:
            if loose:
                parts += [term.match(loose=True) for term in phrase]
            else:
                parts.append(EXACT_COLUMNS + ' : "' + " ".join(t.exact for t in phrase) + '"')
        return " AND ".join(parts)

    def phrases_in(self, blocks: Iterable[str]) -> bool:
        """Whether each phrase's words stand in this order in one of ``blocks``, in any accepted form."""
        return all(any(_in_order(phrase, block) for block in blocks) for phrase in self.phrases)

    def matches_word(self, word: str) -> bool:
        """Whether a word of the article is one the query asks for (for snippets)."""
        return any(t.accepts(word) for t in self.terms) or any(t.accepts(word) for p in self.phrases for t in p)

    @property
    def needles(self) -> tuple[str, ...]:
        """Letters every matching word holds (the first three of each form, folded): a block without
        any of them is passed over without looking at its words one by one."""
        forms = {f for t in (*self.terms, *(t for p in self.phrases for t in p)) for f in (t.folded, *t.readings)}
        return tuple({form[:3] for form in forms if form})


def _in_order(phrase: tuple[Term, ...], block: str) -> bool:
    words = WORD.findall(block)
    n = len(phrase)
    return any(all(phrase[k].accepts(words[i + k]) for k in range(n)) for i in range(len(words) - n + 1))


def parse_query(query: str, known: Callable[[str], bool] = lambda form: True) -> Query:
    """Split ``query`` into phrases (``"..."``) and words (``word*`` for a prefix).

    ``known(form)`` says whether the library holds ``form`` as a word of its own; only such readings
    of a query word stand for it (``Library.search`` asks its vocabulary)."""

    def term(word: str, prefix: bool = False) -> Term:
        analysis = analyse(word)
        kept = () if prefix else tuple(sorted(_query_readings(analysis, known) - {analysis.folded}))
        return Term(exact_form(word), analysis.folded, kept, prefix)

    phrases = []
    for found in _PHRASE.findall(query):
        words = tuple(term(w) for w in WORD.findall(found))
        if words:
            phrases.append(words)
    rest = _PHRASE.sub(" ", query).replace('"', " ")
    terms: dict[tuple[str, bool], Term] = {}
    for match in re.finditer(rf"({WORD.pattern})(\*?)", rest):
        word, star = match.group(1), bool(match.group(2))
        if (exact_form(word), star) not in terms:
            terms[(exact_form(word), star)] = term(word, star)
    return Query(tuple(terms.values()), tuple(phrases))


def _query_readings(analysis: Analysis, known: Callable[[str], bool]) -> set[str]:
    """The readings that stand for a query word: particles read off only where the library holds what is
    left as a word of its own; endings read off the word, or off such a confirmed reading."""
    if not analysis.bare:
        return set(analysis.endings_off)
    bare = {form for form in analysis.bare if form in analysis.without_article or known(form)}
    return bare | {
        stem for stem in analysis.endings_off if any(stem in _endings_of(b) for b in (analysis.folded, *bare))
    }


def _endings_of(folded: str) -> set[str]:
    """Endings read off a folded form (ة is folded to ه there: it is read as the feminine ending)."""
    return {stem.translate(_FOLD) for stem in _without_ending(folded[:-1] + "ة" if folded.endswith("ه") else folded)}


def snippet(blocks: list[str], query: Query, *, width: int = SNIPPET_WORDS) -> str:
    """A plain-text excerpt of the first block with a matching word, cut around that word.

    The excerpt is a slice of the original text (logical order, harakat kept), with ``…``
    where it was cut; without any matching word, the start of the first block."""
    needles = query.needles
    for block in blocks:
        folded = unseat_hamza(normalize(block, fold_letters=True))
        if not any(needle in folded for needle in needles):
            continue
        spans = [m.span() for m in WORD.finditer(block)]
        for index, (start, end) in enumerate(spans):
            if query.matches_word(block[start:end]):
                return _cut(block, spans, index, width)
    first = next((b for b in blocks if b.strip()), "")
    spans = [m.span() for m in WORD.finditer(first)]
    return _cut(first, spans, 0, width) if spans else " ".join(first.split())


def _cut(block: str, spans: list[tuple[int, int]], index: int, width: int) -> str:
    first = max(0, index - width // 3)
    last = min(len(spans), first + width) - 1
    first = max(0, min(first, last - width + 1))
    start = 0 if first == 0 else spans[first][0]
    end = len(block) if last == len(spans) - 1 else spans[last][1]
    text = " ".join(block[start:end].split())
    return ("…" if start > 0 else "") + text + ("…" if end < len(block.rstrip()) else "")
