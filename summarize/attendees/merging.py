"""One person, one entry: spellings and later surnames joined into clusters, shown by the usual spelling."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from summarize.attendees.cues import _Sentence
from summarize.attendees.model import Person, _Mention
from summarize.attendees.tokens import _PARTICLES, _conj, _key, _kinship, _surname_key
from summarize.text.tokens import WORD_CACHE_SIZE


def _similar(a: str, b: str) -> bool:
    """Two spellings of one word: equal, or one edit or one swap apart when long enough ("جميس"/"جيمس")."""
    if a == b:
        return True
    if a.isascii() or b.isascii():
        return False  # Latin-script names are spelled one way; "Guiana" is not "Guyana"
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return len(a) >= 5  # "جراندي"/"غراندي", but not "كيلي"/"كيري"
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _one_out(word: str) -> set[str]:
    """The word and every form of it with one letter left out (a deletion neighbourhood)."""
    return {word, *(word[:k] + word[k + 1 :] for k in range(len(word)))}


def _strip_conj(key: str) -> str:
    return key[1:] if key.startswith("و") and len(key) > 3 else key


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    a = tuple(_strip_conj(t) for t in a)
    b = tuple(_strip_conj(t) for t in b)
    if not a or not b:
        return False
    if len(a) == len(b):
        return all(_similar(x, y) for x, y in zip(a, b, strict=True))
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) == 1:
        return _similar(short[0], long_[-1]) and len(short[0]) >= 3
    # The words of a name keep their order: "عادل الطريفي" is "عادل بن زيد الطريفي" (the same first
    # name, the rest in order), "Ortiz Mena" is "Antonio Ortiz Mena" (the family name alone), but
    # "عبدالعزيز بن تركي" (the son) is not "سعود بن سعد بن عبدالعزيز بن تركي" (his grandson).
    if _similar(short[0], long_[0]) and _in_order(short[1:], long_[1:]):
        return True
    tail = long_[len(long_) - len(short) :]
    before = long_[len(long_) - len(short) - 1]
    return all(_similar(s, t) for s, t in zip(short, tail, strict=True)) and before not in _PARTICLES


def _in_order(words: tuple[str, ...], within: tuple[str, ...]) -> bool:
    """Is each of ``words`` similar to a word of ``within``, in the same order?"""
    k = 0
    for word in words:
        while k < len(within) and not _similar(word, within[k]):
            k += 1
        if k == len(within):
            return False
        k += 1
    return True


@dataclass
class _Cluster:
    mentions: list[_Mention]
    present: bool = False
    absent: bool = False
    dead: bool = False


def _cluster(mentions: list[_Mention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    forms: list[set[tuple[str, ...]]] = []  # each cluster's distinct spellings: a name said 1,000 times is one
    words = _WordIndex()  # which clusters hold a word like this one: two spellings of one person share one
    for m in sorted(mentions, key=lambda m: (-len(m.tokens), m.name_span[0])):
        candidates = sorted(words.owners(_strip_conj(t) for t in m.tokens))
        matches = [] if m.alone else [n for n in candidates if any(_same_person(m.tokens, o) for o in forms[n])]
        if len(matches) == 1 or (matches and len(m.tokens) >= 2):
            clusters[matches[0]].mentions.append(m)
            forms[matches[0]].add(m.tokens)
            words.add(m.tokens, matches[0])
        elif not matches:
            clusters.append(_Cluster([m]))
            forms.append({m.tokens})
            words.add(m.tokens, len(clusters) - 1)
        # a bare surname shared by two people is ambiguous: it is dropped
    return clusters


class _WordIndex:
    """Name words seen so far and the clusters they belong to, with each word's similar spellings
    kept up to date as words arrive: looking up a mention costs its own words, not every cluster."""

    def __init__(self) -> None:
        self._clusters: dict[str, set[int]] = {}  # word -> clusters with a spelling that has it
        self._alike: dict[str, set[str]] = {}  # word -> known words similar to it (itself included)

    def add(self, tokens: tuple[str, ...], cluster: int) -> None:
        for word in {_strip_conj(t) for t in tokens}:
            if word not in self._clusters:
                self._clusters[word] = set()
                for other, alike in self._alike.items():
                    if _similar(other, word):
                        alike.add(word)
            self._clusters[word].add(cluster)

    def owners(self, words) -> set[int]:
        found: set[int] = set()
        for word in words:
            if word not in self._alike:
                self._alike[word] = {known for known in self._clusters if _similar(word, known)}
            for known in self._alike[word]:
                found |= self._clusters[known]
        return found


MAX_SURNAME_PLACES = 2000  # later uses of one surname followed; real articles have a few dozen


def _attach_surnames(text: str, clusters: list[_Cluster], sentences: list[_Sentence]) -> None:
    """Later mentions by surname or another spelling ("جيفري", "جيمس جيفري") join their person."""
    taken = {pos for c in clusters for m in c.mentions for pos in range(*m.name_span)}  # characters already named
    lasts: Counter[str] = Counter()
    for c in clusters:
        lasts.update({_strip_conj(t[-1]) for t in (m.tokens for m in c.mentions) if len(t) >= 2})
    # Where each word stands, looked up by spelling: comparing each surname with every distinct
    # word (not every token) keeps a long article linear.
    places: dict[str, list[tuple[int, int]]] = {}
    for index, sentence in enumerate(sentences):
        for k, tok in enumerate(sentence.toks):
            if tok.word:
                places.setdefault(tok.key, []).append((index, k))
    # Each word under its two forms and every form with one letter left out: two spellings of one
    # word (``_similar``: one edit or one swap apart) share one of these, so a surname meets only the
    # words it may match, whatever the article's length (comparing it with every word of about its
    # length made extraction grow with the square of the text: 20 s at 200,000 characters).
    neighbours: dict[str, set[str]] = {}
    for key in places:
        for form in {key, _surname_key(key)}:
            for variant in _one_out(form):
                neighbours.setdefault(variant, set()).add(key)
    for c in clusters:
        full = max(c.mentions, key=lambda m: len(m.tokens))
        last = _strip_conj(full.tokens[-1])
        if len(full.tokens) < 2 or len(last) < 3 or sum(_similar(last, x) for x in lasts) > 1:
            continue
        if all(m.bare and not m.confirmed for m in c.mentions):
            continue  # a name seen only after a verb is too weak to claim every later use of its last word
        first_names = {_strip_conj(m.tokens[0]) for m in c.mentions if len(m.tokens) >= 2}
        near = set().union(*(neighbours.get(variant, set()) for variant in _one_out(last)))
        keys = [key for key in near if _similar(key, last) or _similar(_surname_key(key), last)]
        found = sorted(place for key in keys for place in places[key])  # in reading order
        for index, k in found[:MAX_SURNAME_PLACES]:
            toks = sentences[index].toks
            tok = toks[k]
            if tok.text.isascii() and not tok.text[0].isupper():
                continue  # "the war", "aviation": a lower-case word is no surname in Latin script
            if tok.start in taken:
                continue
            if k and toks[k - 1].word and _kinship(toks[k - 1])[0] and not _kinship(toks[k - 1])[1]:
                continue  # "نجل فرانكلين" is someone else
            start, tokens = tok.start, (last,)  # type: tuple[int, tuple[str, ...]]
            prev = toks[k - 1] if k else None
            if prev is not None and prev.word and any(_similar(_strip_conj(prev.key), f) for f in first_names):
                start = prev.start + (1 if _conj(prev) and prev.key[1:] in first_names else 0)
                tokens = (_strip_conj(prev.key), last)
            elif tok.key not in (last, "و" + last) and (_surname_key(tok.key) == last or not _similar(tok.key, last)):
                start = tok.start + len(tok.key) - len(_surname_key(tok.key))  # "بجيفري": keep the bare surname
            span = (start, tok.end)
            taken.update(range(*span))
            c.mentions.append(_Mention(text[start : tok.end], span, None, tokens, sentence=index))


def _bare_surnames(c: _Cluster) -> int:
    """How often the surname stands alone ("Gusenbauer said"); nationality words ("Brazilian") never count."""
    return sum(1 for m in c.mentions if len(m.tokens) == 1 and not m.tokens[0].endswith(("ian", "ese", "ish")))


def _dedupe(mentions: list[_Mention]) -> list[_Mention]:
    """One mention per stretch of text: of two overlapping ones, the titled one wins."""
    kept: list[_Mention] = []
    owner: dict[int, int] = {}  # character -> index in ``kept`` of the mention covering it
    for m in mentions:
        overlapping = [owner[pos] for pos in range(*m.name_span) if pos in owner]
        if not overlapping:
            owner.update(dict.fromkeys(range(*m.name_span), len(kept)))
            kept.append(m)
            continue
        slot = min(overlapping)
        clash = kept[slot]
        winner, loser = (m, clash) if clash.title is None and m.title is not None else (clash, m)
        winner.speaker = winner.speaker or loser.speaker
        winner.also.extend([loser.sentence, *loser.also])
        if winner is m:
            for pos in range(*clash.name_span):
                if owner.get(pos) == slot:
                    del owner[pos]
            owner.update(dict.fromkeys(range(*m.name_span), slot))
        kept[slot] = winner
    return kept


def _person(text: str, c: _Cluster) -> Person:
    """Show the most frequent full spelling; keep the other spellings as aliases."""
    named = [m for m in c.mentions if len(m.tokens) >= 2] or c.mentions
    counts = Counter({name: text.count(name) for name in {m.name for m in named}})
    first_seen = {m.name: m.name_span[0] for m in sorted(named, key=lambda m: -m.name_span[0])}
    name = max(counts, key=lambda s: (counts[s], len(s), -first_seen[s]))
    shown = _key(name).split()
    aliases: list[str] = []
    for m in sorted(c.mentions, key=lambda m: m.name_span[0]):
        if m.name == name or m.name in aliases or _key(m.name) == _key(name):
            continue
        if len(m.tokens) > len(shown) and all(t in m.tokens for t in shown):
            continue  # a longer spelling that only adds a stray word from the title
        aliases.append(m.name)
    titled = [m for m in sorted(c.mentions, key=lambda m: m.name_span[0]) if m.title]
    title = titled[0].title if titled else None
    shown_forms = (name, *aliases)
    spans = set()
    for m in c.mentions:
        if m.name in shown_forms:
            spans.add(m.name_span)
            continue
        inner = next((f for f in shown_forms if f in m.name), None)
        if inner is not None:
            offset = m.name.index(inner)
            spans.add((m.name_span[0] + offset, m.name_span[0] + offset + len(inner)))
    return Person(name, title, tuple(aliases), tuple(sorted(spans)))
