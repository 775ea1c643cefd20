"""Read the licensed NER corpora into one form: a sentence's text and its person spans.

Every corpus becomes ``Sample(text, persons)`` with character spans, so that training and
evaluation run the recognizer's own tokenizer over plain text, exactly as at run time. The
corpora differ in ways handled here:

- FANE (WikiFANE, NewsFANE) splits clitics off as tokens ("و خالد", "ان ه"); they are glued back
  into raw-text words ("وخالد", "انه"), and a person span starts after a glued conjunction.
  Its 50 fine classes are mapped to person / not person; a leading honorific inside a FANE person
  ("المهندس نزار") is left out of the span, as the attendee annotation rules and ANERcorp do.
- ANERcorp has no sentence breaks (cut here at sentence-final punctuation) and labels a whole
  token "ومحمد" as the person; the conjunction is moved out of the span, but kept for names that
  start with "و" ("وليد"); see ``anercorp_sample``.
- English sets are CoNLL-like (IOB1 or IOB2); Twitter user names ("@ colgo") are not person names
  in news and are dropped; "#Pistorius" keeps the name without its "#"; a leading "Mr"/"Ms"/"Dr"
  (and the like) is left out of the span, as in the attendee annotation rules.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from summarize.ner.lexicon import arabic
from summarize.ner.tokens import matching_form

Tagged = list[tuple[str, str]]  # (token, tag) pairs of one sentence

FANE_PERSON_CLASSES = frozenset(
    {
        "Politician", "Artist", "Athlete", "Businessperson", "Engineer", "Lawyer", "Other_PER", "Religious_PER",
        "Scientist", "Police",
    }
)  # fmt: skip
# FANE's "Group" (العرب, المسلمين) is a people, not a person: not a name.
_PROCLITICS = frozenset("وفبلك")
_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "ي", "نا", "ني"})
_SENTENCE_ENDS = frozenset({".", "!", "?", "؟"})


@dataclass(frozen=True, slots=True)
class Sample:
    """One sentence: its text and the character spans of the persons in it."""

    text: str
    persons: tuple[tuple[int, int], ...]
    corpus: str


def entities(tags: list[str], is_person) -> list[tuple[int, int]]:
    """Token ranges [i, j) of the entities ``is_person(type)`` accepts; IOB1 and IOB2 alike."""
    out: list[tuple[int, int]] = []
    start = None
    prev = None
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        begins = kind is not None and (tag.startswith("B-") or kind != prev)
        if start is not None and (kind is None or begins):
            out.append((start, i))
            start = None
        if begins and is_person(kind):
            start = i
        prev = kind
    return out


def _is_arabic_word(token: str) -> bool:
    return any("\u0621" <= ch <= "\u064a" for ch in token)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without punctuation at its edges ("#Pistorius" -> "Pistorius")."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def join(tokens: list[str], spans: Iterable[tuple[int, int]], corpus: str) -> Sample | None:
    """Tokens joined by spaces, token ranges turned into character spans."""
    starts, text, pos = [], [], 0
    for tok in tokens:
        starts.append(pos)
        text.append(tok)
        pos += len(tok) + 1
    joined = " ".join(text)
    persons = []
    for i, j in spans:
        s, e = _trim(joined, starts[i], starts[j - 1] + len(tokens[j - 1]))
        if s < e:
            persons.append((s, e))
    return Sample(joined, tuple(persons), corpus) if joined.strip() else None


# ---------------------------------------------------------------------------
# FANE
# ---------------------------------------------------------------------------
def _fane_sentences(raw: str) -> Iterator[Tagged]:
    sent: Tagged = []
    for line in raw.replace("\r", "").replace("\u200e", "").replace("\ufeff", "").split("\n"):
        if not line.strip():
            if sent:
                yield sent
            sent = []
            continue
        token, tag = line.split("\t")
        sent.append((token.strip(), tag.strip()))
    if sent:
        yield sent


def _is_proclitic(tokens: list[str], i: int) -> bool:
    tok = tokens[i]
    if tok not in _PROCLITICS or i + 1 >= len(tokens) or not _is_arabic_word(tokens[i + 1]):
        return False
    if tok != "ك":
        return True
    nxt = tokens[i + 1]  # "ك" is also "your": a prefix before "ما"/"ال..." or after no word
    return nxt == "ما" or nxt.startswith("ال") or i == 0 or not _is_arabic_word(tokens[i - 1])


def glue_fane(sent: Tagged, corpus: str) -> Sample | None:
    """Clitics glued back onto their words; person spans in the glued text."""
    tokens = [tok for tok, _ in sent]
    honor = arabic()["honor"]
    ranges = []
    for i, j in entities([tag for _, tag in sent], lambda kind: kind in FANE_PERSON_CLASSES):
        while i < j - 1 and matching_form(tokens[i]) in honor:  # "المهندس نزار" -> "نزار"
            i += 1
        ranges.append((i, j))
    out = ""
    where: list[tuple[int, int]] = []
    for i, tok in enumerate(tokens):
        glue = i > 0 and (
            _is_proclitic(tokens, i - 1)
            or (tok in _SUFFIXES and _is_arabic_word(tokens[i - 1]) and not (tok == "ك" and _is_proclitic(tokens, i)))
        )
        if glue and tokens[i - 1] == "ل" and tok.startswith("ال") and _is_proclitic(tokens, i - 1):
            tok = tok[1:]  # ل + الرئيس -> للرئيس
        if glue and tok in _SUFFIXES and out.endswith("ة"):
            out = out[:-1] + "ت"  # حكومة + ه -> حكومته
        if i > 0 and not glue:
            out += " "
        where.append((len(out), len(out) + len(tok)))
        out += tok
    persons = []
    for i, j in ranges:
        s, e = _trim(out, where[i][0], where[j - 1][1])
        if s < e:
            persons.append((s, e))
    return Sample(out, tuple(persons), corpus) if out.strip() else None


def read_fane(zip_path: Path, member_suffix: str, corpus: str) -> list[Sample]:
    """WikiFANE or NewsFANE Gold, straight from the distributed zip."""
    with zipfile.ZipFile(zip_path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(member_suffix))
        raw = zf.read(name).decode("utf-8-sig")
    return [s for s in (glue_fane(sent, corpus) for sent in _fane_sentences(raw)) if s is not None]


# ---------------------------------------------------------------------------
# ANERcorp
# ---------------------------------------------------------------------------
def read_anercorp_tokens(path: Path) -> list[tuple[int, str, str]]:
    """(line number, word, tag) a line; direction marks inside a word become spaces, empty words go.

    Line numbers stay those of the file, so "the last 25,008 words" (the CAMeL Lab test split) is
    counted on the file as distributed.
    """
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").rstrip("\n").split("\n")):
        word, _, tag = line.rpartition(" ")
        word = " ".join(word.replace("\u200f", " ").replace("\u200e", " ").split())  # "بحياة\u200f626" -> "بحياة 626"
        if word and tag.strip():
            out.append((number, word, tag.strip()))
    return out


def anercorp_sentences(stream: list[tuple[int, str, str]]) -> list[tuple[int, Tagged]]:
    """(line of the first token, sentence) cut after sentence-final punctuation."""
    out: list[tuple[int, Tagged]] = []
    sent: Tagged = []
    first = 0
    for line, tok, tag in stream:
        if not sent:
            first = line
        sent.append((tok, tag))
        if tok in _SENTENCE_ENDS:
            out.append((first, sent))
            sent = []
    if sent:
        out.append((first, sent))
    return out


def person_words(sentences: Iterable[Tagged]) -> Counter[str]:
    """How often each word (matching form) is tagged as a person in ANERcorp."""
    counts: Counter[str] = Counter()
    for sent in sentences:
        for tok, tag in sent:
            if tag.endswith("PERS"):
                counts[matching_form(tok)] += 1
    return counts


def span_words(samples: Iterable[Sample]) -> Counter[str]:
    """How often each word (matching form) occurs inside a person span."""
    counts: Counter[str] = Counter()
    for sample in samples:
        for s, e in sample.persons:
            counts.update(matching_form(word) for word in sample.text[s:e].split())
    return counts


def anercorp_sample(sent: Tagged, person_words: Counter[str]) -> Sample | None:
    """A sentence with a leading conjunction or preposition moved out of each person span.

    ``person_words`` counts person words in ANERcorp and FANE. "و" goes unless the word is one
    that starts with it ("وليد", "وائل": the rules' list) or is more often a person word than its
    rest; "ف", "ب", "ل" start many names ("فؤاد", "بشار", "لويس"), so they go only when the rest
    is the more frequent person word ("لبوش" -> "بوش").
    """
    tokens = [tok for tok, _ in sent]
    sample = join(tokens, entities([tag for _, tag in sent], lambda kind: kind == "PERS"), "anercorp")
    if sample is None:
        return None
    waw_words = arabic()["waw"]
    persons = []
    for s, e in sample.persons:
        word = matching_form(sample.text[s:e].split(" ", 1)[0])
        for prefix in ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل"):
            rest = word[len(prefix) :]
            if not word.startswith(prefix) or len(rest) < 2:
                continue
            conjunction = prefix == "و" and len(rest) >= 3 and word not in waw_words
            if person_words[rest] > person_words[word] or (conjunction and person_words[rest] >= person_words[word]):
                s += len(prefix)
                break
        persons.append((s, e))
    return Sample(sample.text, tuple(persons), "anercorp")


# ---------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------
def _is_english_person(kind: str) -> bool:
    return kind.lower() in ("per", "person", "pers")


# Titles some English corpora keep inside the person ("Ms King"); names are taken without them.
_EN_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "rev", "prof", "professor", "president"})


def _english_sample(sent: Tagged, corpus: str) -> Sample | None:
    tokens = [tok for tok, _ in sent]
    spans = []
    for i, j in entities([tag for _, tag in sent], _is_english_person):
        if tokens[i].startswith("@") or (i > 0 and tokens[i - 1] == "@"):
            continue
        while i < j - 1 and (tokens[i].lower().rstrip(".") in _EN_TITLES or tokens[i] == "."):
            i += 1
        spans.append((i, j))
    return join(tokens, spans, corpus)


def read_conll(path: Path, corpus: str) -> list[Sample]:
    """Two columns (token, tag) separated by a tab or spaces; blank lines end sentences."""
    out, sent = [], []
    for line in [*path.read_text(encoding="utf-8").split("\n"), ""]:
        parts = line.strip().split("\t") if "\t" in line else line.strip().split()
        if len(parts) < 2 or parts[0] == "-DOCSTART-":
            if sent:
                out.append(_english_sample(sent, corpus))
            sent = []
            continue
        sent.append((parts[0], parts[-1]))
    return [s for s in out if s is not None]


def read_uner(path: Path, corpus: str) -> list[Sample]:
    """Universal NER IOB2: comment lines, then "index token tag - annotator" rows."""
    out, sent = [], []
    for line in [*path.read_text(encoding="utf-8").split("\n"), ""]:
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            if sent:
                out.append(_english_sample(sent, corpus))
            sent = []
            continue
        sent.append((parts[1], parts[2]))
    return [s for s in out if s is not None]
