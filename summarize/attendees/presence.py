"""Who counts as there: presence by sentence, pronoun speakers, headlines, and the absent or dead."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import islice, pairwise

from summarize.attendees.arabic import _make, _name_ok
from summarize.attendees.cues import _cue_positions, _cue_tables, _event_phrase, _Sentence, _that
from summarize.attendees.merging import _Cluster
from summarize.attendees.model import Span, _Mention
from summarize.attendees.tokens import _AR_PREPS, _ar_head, _definite, _lex, _stem_variants, _Tok, _tokenize
from summarize.rules import attendee_cues
from summarize.sentences import KICKER, TITLE, Sentence

_EN_SUBJECT_PRONOUNS = frozenset({"he", "she"})


def _pronoun_speakers(sentences: list[_Sentence], clusters: list[_Cluster], lang: str) -> set[int]:
    """Speakers named only by a pronoun at the event: "وأضافت في تصريح ... على هامش اجتماع للحزب",
    "He told the conference ...". The speaker is the last person quoted in the two sentences before."""
    lex = _lex()
    found: set[int] = set()
    by_sentence: dict[int, list[tuple[_Mention, int]]] = {}
    for n, c in enumerate(clusters):
        for m in c.mentions:
            by_sentence.setdefault(m.sentence, []).append((m, n))
    for index, s in enumerate(sentences):
        if not (s.event if lang == "ar" else s.presence) or s.future or index == 0 or len(s.toks) < 3:
            continue  # an event named in the sentence ("على هامش اجتماع"), not a verb of someone else's
        if lang == "ar" and not _event_phrase(_before_that(s.keys)):
            continue  # "وأشار إلى أن اجتماع غد يأتي بعد اجتماع ...": the event is in what was said
        at = _pronoun_speech(s.toks, lex, lang)
        if at is None or _blocked(s.toks[at].start, s):
            continue
        near = by_sentence.get(index - 2, []) + by_sentence.get(index - 1, [])
        speakers = [(m.start, n) for m, n in near if m.speaker]
        # else the subject of the sentence before: its first titled person ("وصف الناطق ...، حمة الهمامي ...")
        subjects = sorted((m.start, n) for m, n in near if m.sentence == index - 1 and m.title)
        if speakers:
            found.add(max(speakers)[1])
        elif subjects:
            found.add(subjects[0][1])
    return found


def _before_that(keys: list[str]) -> list[str]:
    """The words before the first "أن"/"إن": the main clause, not what was said."""
    for k, key in enumerate(keys):
        if key in _that():
            return keys[:k]
    return keys


def _pronoun_speech(toks: list[_Tok], lex: dict[str, frozenset[str]], lang: str) -> int | None:
    """Where a sentence says that "he" or "she" spoke: the sentence's first word in Arabic (the verb
    carries the pronoun), "he told ..." anywhere in English ('"...," he told a press conference')."""
    if lang == "en":
        pairs = pairwise(toks)
        hits = (
            k
            for k, (a, b) in enumerate(pairs)
            if a.text.lower() in _EN_SUBJECT_PRONOUNS and b.text.lower() in lex["en_speech"]
        )
        return next(hits, None)
    first, second = toks[0], toks[1]
    if not first.word or not any(v in lex["ar_speech"] for v in _stem_variants(first.key)):
        return None
    # no subject after the verb: a preposition, "أن"/"إن", "لمراسل", or punctuation comes next
    # (not "وأفادت مصادر إعلامية": that verb has its own subject)
    alone = (
        not second.word
        or second.key in _AR_PREPS
        or second.key in _that()
        or second.key.startswith("ل")
        or second.key in lex["ar_event_preps"]  # "وأشارت خلال الندوة الصحفية ..."
    )
    return 0 if alone else None


_QUOTED_HEADING = re.compile(r"\W*(\w+(?: \w+){1,2}) ?:")


def _quoted_heading_names(text: str, headings: list[Span], sentences: list[_Sentence]) -> list[_Mention]:
    """ "عبير موسي : لا علاقة لنا ...": the person a headline quotes, so that "وقالت موسي" and
    "وأضاف طوبال" later in the body have someone to refer to (never an attendee by this alone)."""
    out = []
    for lo, hi in headings:
        match = _QUOTED_HEADING.match(text, lo, hi)
        if match is None:
            continue
        toks = _tokenize(text, match.start(1), match.end(1))
        if not _name_ok(toks) or any(_ar_head(t) for t in toks):
            continue
        mention = _make(text, toks, [], toks)
        mention.quoted_heading = True
        mention.sentence = next((k for k, s in enumerate(sentences) if s.span[0] <= lo < s.span[1]), 0)
        out.append(mention)
    return out


def _heading_spans(units: Sequence[Sentence]) -> list[Span]:
    """The kicker and headline: a name found only there is not confirmed by the report itself
    (headlines drop words, so a verb after a title reads as a name: "وزير المالية يعرض خطة ...")."""
    return [(s.start, s.end) for s in units if s.kind in (KICKER, TITLE)]


def _inside(span: Span, spans: list[Span]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _event_anchor(sentences: list[_Sentence]) -> int | None:
    """The first of the opening sentences that reports an event that took place, if any."""
    for index, s in enumerate(sentences[:5]):
        if s.presence and s.reported and not s.future and not s.blocked:
            return index
    return None


def _blocked(pos: int, s: _Sentence) -> bool:
    return any(a <= pos <= b for a, b in s.blocked)


def _present(m: _Mention, sentences: list[_Sentence], anchor: int | None) -> bool:
    if any(sentences[k].presence and not sentences[k].future for k in m.also if k >= 0):
        return True  # listed under an event ("قائمة ... :") and found again with a title
    s = sentences[m.sentence]
    if _blocked(m.start, s) or _blocked(m.name_span[0], s):
        return False
    if lang_of(m) == "ar" and (_words_of(m, s) or _after_greetings(m, s)):
        return False  # "تصريحات الوزير الفرنسي مانوال فالس": his words were discussed, he was not there
    quoted = any(a <= m.start < b and not _quoted_name(m, (a, b), s) for a, b in s.quotes)
    if (m.bare and quoted) or (m.speaker and (s.remote or quoted)):
        return False  # words said to a broadcaster or in a tweet, or a name inside a quotation
    if s.presence and not s.future:
        return not s.speaker_cues or _speaks(m, s)
    if s.remote or quoted:
        return False  # not a quote inside a quote or words to a broadcaster
    if not (m.speaker and m.title is not None and anchor is not None and m.sentence >= anchor and not s.future):
        return False
    # English news quotes reactions from elsewhere after the event ("For the Conservatives, X said"),
    # so there reported speech counts only after a session where many speak: a debate, a hearing
    return lang_of(m) == "ar" or not _ENGLISH_FORUMS.isdisjoint(sentences[anchor].keys)


_ENGLISH_FORUMS = frozenset(attendee_cues.ENGLISH_FORUMS)


def _quoted_name(m: _Mention, quote: Span, s: _Sentence) -> bool:
    """Do the quotation marks hold the name alone (`شقيقه "يحيى محمد"`)? Then they mark a name, as some
    papers write every name, not words someone said; but not after a noun with "ب"/"ل" on it
    (`بأغنية "..."`, `لكتاب "..."`): that is the title of a work."""
    a, b = quote
    if not (a < m.name_span[0] and m.name_span[1] < b and (b - a - 2) - (m.name_span[1] - m.name_span[0]) <= 2):
        return False
    k = bisect_left(s.ends, a + 1) - 1
    before = s.toks[k] if k >= 0 else None
    return before is None or not (before.word and before.key[:1] in "بل" and len(before.key) >= 4)


def _speaks(m: _Mention, s: _Sentence) -> bool:
    """Is the mention the subject of "told reporters" (at most two words between), or said to speak?"""
    if m.speaker:
        return True
    k = bisect_left(s.ends, m.name_span[1])
    if k == len(s.ends) or s.ends[k] != m.name_span[1]:
        return False
    if s.speaker_cues[0] == 0:  # "Addressing economists, Duncan outlined ...": the subject after the clause
        first = bisect_left(s.ends, m.name_span[0] + 1)
        comma = next((j for j, t in enumerate(s.toks) if t.text == ","), None)
        return comma is not None and first == comma + 1
    return any(0 < cue - k <= 3 for cue in s.speaker_cues)


def _words_of(m: _Mention, s: _Sentence) -> bool:
    """Is the mention the owner of words the sentence talks about ("من تصريحات الوزير ...")?"""
    k = bisect_right(s.ends, m.start)
    if k >= 2 and s.toks[k - 1].word and _definite(s.toks[k - 1].key) and _ar_head(s.toks[k - 1]):
        k -= 1  # "رائعة الشاعر ...": a title word the rules did not take for an office
    if not k or not s.toks[k - 1].word:
        return False
    key = s.toks[k - 1].key
    forms = {key, key[1:]} if key[:1] in "وبل" else {key}
    # a construct's first word has no article: "حكومة يوسف الشاهد", not "رئيس الحكومة الحبيب الصيد"
    return any(f in _lex()["ar_words_of"] for f in forms)


_GREETINGS_REACH = 40  # words back from a name to the greetings it may follow


def _after_greetings(m: _Mention, s: _Sentence) -> bool:
    """Does the mention follow greetings carried in its sentence, with no presence cue between
    ("نقل سموه تحيات الملك ... وصاحب السمو الأمير ... إلى ...")?"""
    k = bisect_right(s.ends, m.name_span[0])  # from the name: the greetings may have been read into its title
    greetings = _lex()["ar_greetings"]
    for j in range(k - 1, max(-1, k - 1 - _GREETINGS_REACH), -1):
        if j in s.cues:
            return False
        if any(v in greetings for v in _stem_variants(s.keys[j])):
            return True
    return False


def lang_of(m: _Mention) -> str:
    return "en" if m.name.isascii() else "ar"


MAX_PLACES = 200  # places per name looked at; a real article names a person a few dozen times at most


def _said_dead(text: str, c: _Cluster, lang: str) -> bool:
    """ "الراحلة أريثا فرانكلين", "وتوفيت فرانكلين", "the late ...": a death word right before the name,
    or a relative clause of death right after it ("... الذي وافته المنية")."""
    names = {m.name for m in c.mentions if len(m.tokens) >= 2}
    for name in names:
        for match in islice(re.finditer(re.escape(name), text), MAX_PLACES):
            before = _tokenize(text, max(0, match.start() - 40), match.start())[-2:]
            if lang == "ar":
                lex = _lex()
                words = lex["ar_death_words"]
                if any(any(v in words for v in _stem_variants(t.key)) for t in before):
                    return True
                after = [t for t in _tokenize(text, match.end(), min(len(text), match.end() + 30)) if t.word][:2]
                if [t.key in lex["ar_relatives"] for t in after] == [True, False] and after[1].key in lex["ar_died"]:
                    return True  # "الشيخ ... الذي وافته المنية": the deceased
                if [t.key for t in after] == ["رحمه", "الله"] or [t.key for t in after] == ["رحمها", "الله"]:
                    return True  # "... - رحمه الله -"
                if _prayed_over(_tokenize(text, max(0, match.start() - 60), match.start())):
                    return True
            elif any(t.text.lower() == "late" for t in before):
                return True
    return False


def _prayed_over(before: list[_Tok]) -> bool:
    """Do the words before a name end "الصلاة على [title]" ("صلاة الميت على الشيخ ...")? At most
    three title words between "على" and the name."""
    words = [t for t in before if t.word][-5:]
    prayer = _lex()["ar_prayer"]
    return any(
        words[k].key == "على" and k and words[k - 1].key in prayer for k in range(max(0, len(words) - 4), len(words))
    )


def _absent_people(text: str, sentences: list[_Sentence], clusters: list[_Cluster], lang: str) -> set[int]:
    """Clusters named next to an absence cue ("لم يتمكن ... من حضور", "did not attend")."""
    out: set[int] = set()
    tables = _cue_tables(lang)
    for index, s in enumerate(sentences):
        for pos in _cue_positions(s.keys, tables["absence"], lang):
            where = s.toks[pos].start
            best, best_gap = None, 10**9
            for n, c in enumerate(clusters):
                for m in c.mentions:
                    if m.sentence != index:
                        continue
                    gap = where - m.name_span[1] if m.name_span[1] <= where else m.start - where
                    gap = gap if m.name_span[1] <= where else gap + 5  # a name before the cue is its subject
                    if 0 <= gap < best_gap:
                        best, best_gap = n, gap
            if best is not None and best_gap <= 60:
                out.add(best)
    return out
