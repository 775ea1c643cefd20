"""Attendees: the people (and unnamed groups) present at the event an article reports.

Three steps, all rules over tokens, no model:

1. *Mentions*: a person is found where a title stands next to a name ("المبعوث الأمريكي
   الخاص إلى سوريا جميس جيفري", "Education Secretary Ruth Kelly", "يوسف الشاهد، رئيس
   الحكومة"), in chains joined by "و" and commas ("كل من ... وليلى الحسن"), in lists of
   names, right after a presence verb ("شارك بيل كلينتون"), and later by surname alone
   ("جيفري", "Mr Blair").
2. *One person, one entry*: spellings that share a surname and a similar first name
   are merged; the most frequent spelling is shown, the others kept as aliases.
3. *Presence*: mentions in sentences carrying a presence cue (حضر، بحضور، التقى،
   "attended", "during talks") count, and so do titled people quoted after the article
   has reported its event; a clause about the future, a phone call, a letter or an
   interview does not; people said to be absent or dead anywhere are dropped.

Cue words, titles and stop words live in ``summarize.rules``.

Modules, one job each: ``tokens`` (tokens, keys, lexicons), ``arabic`` and ``english``
(mentions), ``cues`` (sentences and the cues in them), ``merging`` (one entry per person),
``groups`` (unnamed groups and name lists), ``presence`` (who counts as there), and
``model`` (the records they pass on).
"""

from __future__ import annotations

from summarize.attendees.arabic import _arabic_mentions
from summarize.attendees.combine import _confirm, _read, _recognized_mentions
from summarize.attendees.cues import _analyse, _cue_positions, _cue_tables, _no_cues_in_names, _sentences, _unwrap
from summarize.attendees.english import _english_mentions
from summarize.attendees.groups import _LIST_LEAD, _dedupe_groups, _english_groups, _groups_in, _kin_names, _name_list
from summarize.attendees.merging import _attach_surnames, _bare_surnames, _Cluster, _cluster, _dedupe, _person
from summarize.attendees.model import Attendees, Group, Person, Span, _Mention
from summarize.attendees.presence import (
    _absent_people,
    _blocked,
    _event_anchor,
    _heading_spans,
    _inside,
    _present,
    _pronoun_speakers,
    _quoted_heading_names,
    _said_dead,
    lang_of,
)
from summarize.attendees.tokens import TITLE_PART_SEPARATOR
from summarize.sentences import split_sentences
from summarize.text import is_arabic

__all__ = [
    "TITLE_PART_SEPARATOR",
    "Attendees",
    "Group",
    "Person",
    "Span",
    "extract_attendees",
    "lang_of",
]


# Name mentions kept per text, in reading order. The richest real article we measured has 29; merging
# spellings compares mentions pairwise, so a text of thousands of random names would take minutes.
MAX_MENTIONS = 1000


def extract_attendees(text: str, lang: str | None = None) -> Attendees:
    """People and groups present at the event ``text`` reports (Arabic or English rules by ``lang``)."""
    lang = lang or ("ar" if is_arabic(text) else "en")
    lang = "ar" if lang == "ar" else "en"
    units = split_sentences(text, lang)
    text = _unwrap(text, units)  # offsets stay: a name is read across a hard wrap, and shown with a space
    sentences = [_analyse(text, span, lang) for span in _sentences(text)]

    mentions: list[_Mention] = []
    for index, s in enumerate(sentences):
        found = (
            _arabic_mentions(text, s.toks) + _kin_names(text, s.toks)
            if lang == "ar"
            else _english_mentions(text, s.toks)
        )
        for m in found:
            m.sentence = index
        mentions.extend(found)
    listed: list[tuple[_Mention, bool]] = []
    if lang == "ar":
        for index, s in enumerate(sentences):
            lead = _LIST_LEAD.search(text, *s.span)
            where = index if s.presence else index - 1
            if lead and where >= 0 and sentences[where].presence and not sentences[where].future:
                for m, here in _name_list(text, lead.start(), s.span[1]):
                    m.sentence, m.also = index, [where]
                    listed.append((m, here))
                    mentions.append(m)

    headings = _heading_spans(units)
    if lang == "ar":
        mentions.extend(_quoted_heading_names(text, headings, sentences))
    reading = _read(text, lang)
    mentions = _confirm(text, mentions, reading, lang)
    mentions += _recognized_mentions(text, sentences, mentions, reading, lang)
    names: dict[int, list[Span]] = {}
    for m in mentions:
        names.setdefault(m.sentence, []).append(m.name_span)
    for index, spans in names.items():
        _no_cues_in_names(sentences[index], spans, lang)
    anchor = _event_anchor(sentences)
    if len(mentions) > MAX_MENTIONS:  # no news article names anyone this often: a hostile or generated text
        mentions = sorted(mentions, key=lambda m: m.name_span[0])[:MAX_MENTIONS]
    clusters = _cluster(_dedupe(mentions))

    def heading_only(c: _Cluster) -> bool:
        return all(_inside(m.name_span, headings) for m in c.mentions)

    clusters = [c for c in clusters if not heading_only(c) or any(m.quoted_heading for m in c.mentions)]
    _attach_surnames(text, clusters, sentences)
    clusters = [c for c in clusters if not heading_only(c)]
    absent = _absent_people(text, sentences, clusters, lang)
    listed_absent = {m.name_span for m, here in listed if not here}
    for n, c in enumerate(clusters):
        c.dead = any(m.dead for m in c.mentions) or _said_dead(text, c, lang)
        c.absent = n in absent or any(m.name_span in listed_absent for m in c.mentions)
        c.present = any(_present(m, sentences, anchor) for m in c.mentions)
    for n in _pronoun_speakers(sentences, clusters, lang):
        clusters[n].present = True
    if lang == "en":  # capitalized words are a person with a title, "Mr"/"Ms", or a surname used alone
        clusters = [c for c in clusters if any(m.title or m.confirmed for m in c.mentions) or _bare_surnames(c) >= 2]
    groups: list[Group] = []
    for s in sentences:
        if s.presence and not s.future and not _cue_positions(s.keys, _cue_tables(lang)["absence"], lang):
            in_sentence = _groups_in(text, s.toks) if lang == "ar" else _english_groups(text, s)
            groups.extend(g for g in in_sentence if not _blocked(g.span[0], s))
    groups = _dedupe_groups(groups)

    def in_a_group(c: _Cluster) -> bool:  # "representatives from Brazil, El Salvador and ...": a member, not a person
        return all(
            m.title is None and m.chain < 0 and _inside(m.name_span, [g.span for g in groups]) for m in c.mentions
        )

    people = [_person(text, c) for c in clusters if c.present and not c.absent and not c.dead and not in_a_group(c)]
    people.sort(key=lambda p: min(s[0] for s in p.spans))
    return Attendees(tuple(people), tuple(groups))
