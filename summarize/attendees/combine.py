"""The rules' mentions and the person recognizer's spans, joined into one list of name mentions.

The recognizer (``summarize.ner``) reads names; the rules read titles, chains and lists. Each side
checks the other:

- a rule's name keeps only the words the recognizer does not rule out (probability of being part
  of a name at least ``RULED_OUT``): edge words below it are cut off, the ones at the front joining
  the title ("فخامة الرئيس عبدالفتاح السيسي", "محافظ بيشة محمد ..."), and a name with a word
  below it inside, or with nothing left, is no name ("صاحب السمو الملكي", "صلاة الميت");
- a rule's name runs on where the recognizer reads a name on through a particle ("الأمير فيصل بن
  بندر" + "بن عبدالعزيز"), and starts earlier where the recognizer reads a lone office word before
  it as the first name ("سلطان بن بندر");
- names in one chain ("مثل بيل وهيلاري كلينتون، وآل غور وديك تشيني") stand together: one of them
  confirmed is enough; names of a dash list under an event need no confirmation;
- a recognizer span no rule found becomes a mention, with the title the rules read right before
  or right after it; presence is then decided for it as for any other mention.

The recognizer reads the first ``MAX_READ_CHARS`` characters of a text; past them the rules' mentions
stand as the rules found them (a megabyte of text would otherwise cost seconds).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from summarize.attendees.arabic import _adjectival_head, _ar_title, _mark_speakers, _name_ok, _name_word, _title_text
from summarize.attendees.cues import _Sentence
from summarize.attendees.english import _english_mention
from summarize.attendees.model import _Mention
from summarize.attendees.tokens import (
    _AR_STOP,
    _PARTICLES,
    _ar_head,
    _conj,
    _definite,
    _honorific,
    _key,
    _kinship,
    _lex,
    _office_key,
    _stem_variants,
    _Tok,
    _tokenize,
)
from summarize.ner import PersonSpan, read_persons

RULED_OUT = 0.1  # a word the recognizer gives less than this is not part of a name
SURE = 0.5  # a name only the recognizer reads: each of its words more likely in a name than not
DOUBTFUL = 0.3  # below SURE, a run of such words is a name only where the rules read a title right before it
MAX_READ_CHARS = 100_000  # news articles are 1,000-20,000 characters
_TITLE_REACH = 12  # words back from a name to the office word that opens its title


@dataclass
class _Reading:
    persons: tuple[PersonSpan, ...]
    starts: list[int]  # each word the recognizer read: where it starts, ends, and its probability
    ends: list[int]
    probability: list[float]
    end: int  # where reading stopped
    _person_starts: list[int] | None = None
    _person_ends: list[int] = field(default_factory=list)

    def word(self, tok: _Tok) -> float | None:
        """The lowest probability of the recognizer's words inside ``tok``; None past the reading."""
        if tok.start >= self.end:
            return None
        lo, hi = bisect_right(self.ends, tok.start), bisect_left(self.starts, tok.end)
        return min(self.probability[lo:hi], default=0.0)

    def spans_over(self, start: int, end: int) -> list[PersonSpan]:
        """The spans that overlap ``text[start:end]``: the recognizer's spans follow each other without
        overlapping, so both their starts and their ends are in order (found by bisection: a long text
        holds thousands)."""
        if self._person_starts is None:
            self._person_starts = [p.start for p in self.persons]
            self._person_ends = [p.end for p in self.persons]
        lo = bisect_right(self._person_ends, start)
        hi = bisect_left(self._person_starts, end)
        return list(self.persons[lo:hi])

    def doubtful_runs(self, text: str) -> list[PersonSpan]:
        """Runs of two or more adjacent words the recognizer does not rule out, one of them at least
        ``DOUBTFUL``, that it tagged no name.

        The model's marginals are often split on a name it saw no example of ("فهيد البرقي" at 0.4,
        "الباجي قايد السبسي" at 0.2-0.4): its best labelling says "outside", but the words are far
        from ruled out.
        """
        out: list[PersonSpan] = []
        run: list[int] = []
        k = 0
        inside = [False] * len(self.starts)
        for p in self.persons:
            lo, hi = bisect_left(self.starts, p.start), bisect_left(self.starts, p.end)
            inside[lo:hi] = [True] * (hi - lo)
        for k in range(len(self.starts) + 1):
            ok = k < len(self.starts) and self.probability[k] >= RULED_OUT and not inside[k]
            if ok and run and text[self.ends[run[-1]] : self.starts[k]].strip():
                ok = False  # punctuation between: a new run
                if self._doubtful(run):
                    out.append(self._span(text, run))
                run = [k]
                continue
            if ok:
                run.append(k)
                continue
            if self._doubtful(run):
                out.append(self._span(text, run))
            run = []
        return out

    def _doubtful(self, run: list[int]) -> bool:
        return len(run) >= 2 and max(self.probability[k] for k in run) >= DOUBTFUL

    def _span(self, text: str, run: list[int]) -> PersonSpan:
        start, end = self.starts[run[0]], self.ends[run[-1]]
        return PersonSpan(start, end, text[start:end], min(self.probability[k] for k in run))


def _read(text: str, lang: str) -> _Reading:
    found = read_persons(text, lang, MAX_READ_CHARS)
    words = found.words
    return _Reading(
        found.persons, [w.start for w in words], [w.end for w in words], [w.probability for w in words], found.end
    )


def _given(tok: _Tok) -> bool:
    """Is the word a known given name ("نادية", "هالة", "Larry"), with or without a "و" on it?"""
    lex = _lex()
    if tok.text.isascii():
        return tok.text.lower() in lex["en_given"]
    return tok.key in lex["ar_given"] or (_conj(tok) and tok.key[1:] in lex["ar_given"])


def _particle(tok: _Tok) -> bool:
    return tok.key in _PARTICLES or tok.text.lower() in ("bin", "ibn", "al", "de", "van", "von", "del", "da")


def _confirm(text: str, mentions: list[_Mention], reading: _Reading, lang: str) -> list[_Mention]:
    """The rules' mentions the recognizer does not rule out, with their edges set by it."""
    out: list[_Mention] = []
    passed_chains = set()
    verdicts = []
    listed = [m.name_span for m in mentions if m.structural]
    for m in mentions:
        in_list = any(a < m.name_span[1] and m.name_span[0] < b for a, b in listed)
        checked = m if m.structural or in_list else _checked(text, m, reading, lang)
        verdicts.append(checked)
        if checked is not None and m.chain >= 0:
            passed_chains.add(m.chain)
    for m, checked in zip(mentions, verdicts, strict=True):
        if checked is None and m.chain in passed_chains:
            checked = m  # one confirmed name makes the chain a list of people
        if checked is not None:
            out.append(checked)
    if lang == "en":
        _confirm_lists(text, out)
    return out


_LIST_JOINS = frozenset({",", "and", ", and", "&"})


def _confirm_lists(text: str, mentions: list[_Mention]) -> None:
    """English names in one list ("attended by Tom Hanks, Meryl Streep and Steven Spielberg") stand
    together: one the recognizer reads is enough for all (it misses names it never saw)."""
    ordered = sorted(mentions, key=lambda m: m.name_span)
    run: list[_Mention] = []
    for m in [*ordered, None]:
        if m is not None and run and " ".join(text[run[-1].name_span[1] : m.start].split()) in _LIST_JOINS:
            run.append(m)
            continue
        if len(run) > 1 and any(r.confirmed for r in run):
            for r in run:
                r.confirmed = True
        run = [m] if m is not None else []


def _checked(text: str, m: _Mention, reading: _Reading, lang: str) -> _Mention | None:
    toks = [t for t in _tokenize(text, *m.name_span) if t.word]
    if not toks or toks[0].start >= reading.end:
        return m
    probs = [reading.word(t) or 0.0 for t in toks]
    if m.title is not None and len(toks) > 1 and _given(toks[0]):
        # a title, then a known first name: a name, whatever the recognizer says; but where the recognizer
        # reads a name that stops earlier, the words after it keep their own say ("جورج بوش اعادة النظر")
        read_to = max((p.end for p in reading.spans_over(toks[0].start, toks[-1].end)), default=toks[-1].end)
        probs = [p if t.start >= read_to else 1.0 for t, p in zip(toks, probs, strict=True)]
    lo, hi = 0, len(toks)
    while lo < hi and probs[lo] < RULED_OUT and not _particle(toks[lo]):
        lo += 1
    while hi > lo and probs[hi - 1] < RULED_OUT and not _particle(toks[hi - 1]):
        hi -= 1
    while hi > lo and _particle(toks[hi - 1]) and toks[hi - 1].key != "الابن":
        hi -= 1  # a name never ends on "بن"
    kept = toks[lo:hi]
    if kept and lang == "ar" and kept[0].key[:1] == "ب" and kept[0].key[1:] in _PARTICLES - {"ال"}:
        return None  # "في قاعة الأمراء بأبي عريش": "in" a place named Abu ..., not a person
    if not kept or any(p < RULED_OUT and not _particle(t) for t, p in zip(kept, probs[lo:hi], strict=True)):
        return None
    spans = reading.spans_over(kept[0].start, kept[-1].end)
    start, end = kept[0].start, kept[-1].end
    title = m.title
    for span in spans:
        between = _tokenize(text, end, span.end)
        after = [t for t in between if t.word]
        if span.end > end and after and _particle(after[0]):
            end = span.end  # "بندر بن عبدالعزیز" on through its "بن" chain
        elif (
            span.end > end
            and after
            and span.start <= start
            and len(after) == len(between) <= 2
            and all((reading.word(t) or 0.0) >= SURE and _family_word(t) for t in after)
        ):
            end = span.end  # "المقدم عبدالله بن محمد الريثي": the family name the rule left off
    if lang == "ar" and lo == 0 and spans and spans[0].start < start and m.start < start:
        before = [t for t in _tokenize(text, spans[0].start, start) if t.word]
        title_toks = [t for t in _tokenize(text, m.start, start) if t.word]
        if len(before) == 1 and title_toks == before and not _definite(before[0].key) and not _honorific(before[0]):
            start, title = before[0].start, None  # "سلطان بن بندر": a lone office word read as a first name
        elif (
            before
            and len(before) < len(title_toks)
            and title_toks[-len(before) :] == before
            and all(_not_office(t) and (reading.word(t) or 0.0) >= RULED_OUT for t in before)
        ):
            # "رئيس الجمهورية الطاهر بن عمار": the title ran on over the first name
            start, title = before[0].start, _title_text(text, title_toks[: -len(before)])[0]
    if lo > 0:
        title = _joined_title(text, title, m, toks[lo - 1].end)
    if len(kept) == 1 and end == kept[0].end and title is None and len(toks) > 1:
        return None  # one word left of a longer phrase, with nothing to say it is a name
    if (start, end) == m.name_span and title == m.title:
        m.confirmed = bool(spans)
        return m
    name_toks = [t for t in _tokenize(text, start, end) if t.word]
    out = _Mention(
        text[start:end],
        (start, end),
        title,
        tuple(t.key for t in name_toks),
        m.dead,
        m.sentence,
        min(m.start, start),
        m.speaker,
        list(m.also),
        m.bare,
        m.quoted_heading,
        confirmed=bool(spans),
        chain=m.chain,
    )
    return out


def _family_word(tok: _Tok) -> bool:
    """Can the word carry a name on ("الريثي" after "عبدالله بن محمد")? Not a conjunct ("ورنا"), a place
    after "ل"/"بال" ("لأيرلندا"), or a word the rules know is no name."""
    return not _conj(tok) and not tok.key.startswith(("بال", "لل", "كال", "لا")) and _name_word(tok)


def _joined_title(text: str, title: str | None, m: _Mention, end: int) -> str | None:
    """The title with the words cut off the front of the name: "فخامة" + "الرئيس"."""
    if title is None:
        return text[m.name_span[0] : end].strip() if m.start == m.name_span[0] and _all_titles(text, m, end) else None
    return f"{title} {text[m.name_span[0] : end].strip()}"


def _all_titles(text: str, m: _Mention, end: int) -> bool:
    return all(_ar_head(t) or t.text.lower() in _lex()["en_honor"] for t in _tokenize(text, m.name_span[0], end))


def _recognized_mentions(
    text: str, sentences: list[_Sentence], mentions: list[_Mention], reading: _Reading, lang: str
) -> list[_Mention]:
    """Recognizer spans no rule mention covers, as mentions titled by the words around them."""
    taken = sorted(m.name_span for m in mentions)
    starts = [s.span[0] for s in sentences]
    out: list[_Mention] = []
    doubtful = set(reading.doubtful_runs(text)) if lang == "ar" else set()  # English titles are read otherwise
    for span in sorted([*reading.persons, *doubtful], key=lambda p: p.start):
        k = bisect_right(taken, (span.end, span.end))
        if (k and taken[k - 1][1] > span.start) or (k < len(taken) and taken[k][0] < span.end):
            continue
        index = bisect_right(starts, span.start) - 1
        if index < 0:
            continue
        s = sentences[index]
        if span.probability < SURE and span not in doubtful and not (lang == "ar" and _after_verb(s.toks, span.start)):
            continue  # a doubtful span needs the rules' word for it: a verb of presence or speech right before
        mention = (
            _arabic_recognized(text, s.toks, span, reading) if lang == "ar" else _english_recognized(text, s.toks, span)
        )
        if mention is None:
            continue
        if span in doubtful and not (_after_title(s.toks, mention) and _name_ok(_words(text, mention))):
            continue  # a doubtful run is a name only right after a title ("مدير فرع الوزارة فهيد البرقي")
        mention.sentence = index
        mention.confirmed = True
        out.append(mention)
    return out


def _words(text: str, m: _Mention) -> list[_Tok]:
    return [t for t in _tokenize(text, *m.name_span) if t.word]


def _after_title(toks: list[_Tok], m: _Mention) -> bool:
    """Does the mention's title stand right before its name and end on a definite word or an honorific?

    "وزعيم كوري شمالي" ("a North Korean leader") is an office with its adjectives, not a name: a
    person is named after a definite title ("المدربة", "مدير فرع الوزارة بمنطقة الباحة", "الشيخ").
    """
    if m.title is None or m.start >= m.name_span[0]:
        return False
    k = bisect_left([t.end for t in toks], m.name_span[0] + 1) - 1
    while k >= 0 and toks[k].end > m.name_span[0]:
        k -= 1
    if k < 0 or not toks[k].word:
        return False
    return _definite(toks[k].key) or _definite(toks[k].key[1:]) or _honorific(toks[k])


def _after_verb(toks: list[_Tok], start: int) -> bool:
    """Does a verb of presence or speech stand right before ``start`` ("شارك ماهر عزيز بنفسه")?"""
    k = bisect_left([t.end for t in toks], start) - 1
    if k < 0 or not toks[k].word or toks[k].end > start:
        return False
    lex = _lex()
    return any(v in lex["ar_presence"] or v in lex["ar_speech"] for v in _stem_variants(toks[k].key))


def _presence_verb(tok: _Tok) -> bool:
    lex = _lex()
    return tok.word and any(v in lex["ar_presence"] for v in _stem_variants(tok.key))


def _arabic_recognized(text: str, toks: list[_Tok], span: PersonSpan, reading: _Reading) -> _Mention | None:
    starts = [t.start for t in toks]
    first = bisect_right(starts, span.start) - 1  # the word the span starts in ("وخالد": after its "و")
    last = bisect_left([t.end for t in toks], span.end)
    if first < 0 or last >= len(toks):
        return None
    start, title_toks = span.start, []
    for i in range(max(0, first - _TITLE_REACH), first + 1):
        if not toks[i].word or not _ar_head(toks[i]) or (_conj(toks[i]) and i < first):
            continue
        if i > 0 and _adjectival_head(toks[i - 1], toks[i]):
            continue  # "الحزب الحاكم": an adjective, not an office
        end = _title_up_to(toks, i, first)
        if end is None:
            continue
        if end > last:
            return None  # the span is an office, not a name ("وزير الدولة")
        eaten = [t for t in toks[first:end] if t.word and t.start >= span.start]
        if eaten and all(_not_office(t) and (reading.word(t) or 0.0) >= RULED_OUT for t in eaten):
            end = first if toks[first].start >= span.start else first + 1
            # "رئيس الجمهورية الباجي قايد السبسي": a title runs on over definite words, a family name
            # among them; the recognizer says where the name starts
        title_toks = toks[i:end]
        start = max(start, toks[end].start)
        break
    glued = _key(text[toks[first].start : span.start])
    if glued == "ف" and title_toks and title_toks[-1] is toks[first - 1]:
        start = toks[first].start  # "بمنطقة تبوك فهيد ...": no "ف" ("so") opens a clause right after a title
    after = last + 1
    if not title_toks and after < len(toks):
        head = after + 1 if toks[after].text in "،," else after
        if head < len(toks) and toks[head].word and _ar_head(toks[head]) and not _conj(toks[head]):
            end, _ = _ar_title(toks, head)
            title_toks = toks[head:end]  # "معز بوراوي رئيس جمعية عتيد", "رياض المؤخر، وزير البيئة،"
    if not title_toks and glued.endswith("ب") and not (first and _presence_verb(toks[first - 1])):
        return None  # "في قاعة الإمبراطورة بأبي عريش": a place after "ب" ("in"), unless one met "بـ" someone
    opener = title_toks[0] if title_toks and title_toks[0].start < start else toks[first]
    if _named_after(toks, toks.index(opener)) or _of_someone(toks, toks.index(opener), start):
        return None
    name_toks = [t for t in _tokenize(text, start, span.end) if t.word]
    title, dead = _title_text(text, title_toks)
    if not name_toks or (len(name_toks) == 1 and title is None):
        return None  # a lone word: a surname is found again through its full name, not on its own
    mention = _Mention(
        text[start : span.end],
        (start, span.end),
        title,
        tuple(t.key for t in name_toks),
        dead,
        start=min(start, title_toks[0].start) if title_toks else start,
        bare=title is None,
    )
    _mark_speakers(toks, [mention])
    return mention


def _not_office(tok: _Tok) -> bool:
    return not (_ar_head(tok) or _honorific(tok) or tok.key in _lex()["ar_title_words"])


def _title_up_to(toks: list[_Tok], i: int, first: int) -> int | None:
    """Where the title opened by the office word at ``i`` ends, if it reaches the name at ``first``.

    The rules' title either runs into the recognized name (then the name starts after it) or stops
    short of it; then the words up to the name are a body's own name ("رئيس جمعية كلنا تونس معز
    عطية") if none of them is a function word, a verb of speech or presence, or punctuation.
    """
    end, _ = _ar_title(toks, i)
    if end >= first:
        return end
    between = toks[end:first]
    if len(between) > 4 or any(not _body_word(t) for t in between):
        return None
    return first


def _body_word(tok: _Tok) -> bool:
    """Can the word be part of a body's own name ("جمعية كلنا تونس")? Not punctuation, a function word,
    a verb of speech or presence, or a preposition on a noun ("لنظام": "of the regime of")."""
    lex = _lex()
    key = tok.key
    if not tok.word or key in _AR_STOP or key in lex["ar_speech"] or key in lex["ar_presence"]:
        return False
    rest = key[1:] if key[:1] in "لب" else ""
    return not (key.startswith(("لل", "بال")) or rest in lex["ar_not_name"] or rest in lex["ar_words_of"])


def _named_after(toks: list[_Tok], k: int) -> bool:
    """Is the word before ``k`` a place or a thing named after someone ("بجامع الملك خالد", "دوري ...")?"""
    if k == 0 or not toks[k - 1].word:
        return False
    key = toks[k - 1].key
    named = _lex()["ar_named_after"]
    return key in named or (key[:1] in "وبل" and key[1:] in named)


def _of_someone(toks: list[_Tok], k: int, name_start: int) -> bool:
    """Is the name introduced by a word carrying "ل" ("لزعيمه، أيمن ...", "للكاتب الموسيقي مارفين ...")?

    The person is then whose or for whom something is (a song, a recording, a letter), not someone the
    sentence places at its event.
    """
    j = k if toks[k].start >= name_start else k + 1
    steps = 0
    while j > 0 and steps < 3 and (toks[j - 1].text in "،," or toks[j - 1].key.startswith("ال")):
        j, steps = j - 1, steps + 1  # back over a comma and the adjectives of the title
    if j == 0 or not toks[j - 1].word:
        return False
    key = toks[j - 1].key
    if not key.startswith("ل") or len(key) < 4:
        return False
    rest = key[1:]
    return _office_key(rest) or (rest.startswith("ل") and _office_key("ا" + rest)) or _kinship(toks[j - 1])[1]


def _english_recognized(text: str, toks: list[_Tok], span: PersonSpan) -> _Mention | None:
    index_of = {t.start: k for k, t in enumerate(toks)}
    if span.start not in index_of:
        return None
    first = index_of[span.start]
    name = [t for t in toks[first:] if t.end <= span.end and t.word]
    if not name:
        return None
    j = toks.index(name[-1]) + 1
    honor = _lex()["en_honor"]
    last_title = toks[first - 1] if first and toks[first - 1].text.lower() in honor else None
    mention = _english_mention(text, toks, index_of, last_title, name, j, first=name[0])
    if len(name) == 1 and mention.title is None:
        return None
    mention.bare = mention.title is None
    return mention
