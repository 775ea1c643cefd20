"""Arabic mentions: where a title, a chain of names or a presence verb marks a person, and the title said."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from summarize.attendees.cues import _that
from summarize.attendees.model import _Mention
from summarize.attendees.tokens import (
    _AR_PREPS,
    _AR_STOP,
    _PARTICLES,
    TITLE_PART_SEPARATOR,
    _ar_head,
    _conj,
    _definite,
    _head_variants,
    _honorific,
    _key,
    _kinship,
    _lex,
    _nisba,
    _stem_variants,
    _strip,
    _surname_key,
    _Tok,
    _tokenize,
    _unconj,
    _with_bi,
)

# Verbal nouns of the derived verb forms: إفعال, افتعال, انفعال, استفعال (hamza folded to ا).
_L = r"[^\W\d_]"
_MASDAR = re.compile(rf"^(?:ا{_L}{{2}}ا{_L}|ا{_L}ت{_L}ا{_L}|ان{_L}{{2}}ا{_L}|است{_L}{{2}}ا{_L})ة?$")
# Alone (no preposition) only the forms no common first name takes ("إيمان" is إفعال-shaped).
_MASDAR_SEVENTH_TENTH = re.compile(rf"^(?:ان{_L}{{2}}ا{_L}|است{_L}{{2}}ا{_L})ة?$")


def _name_word(tok: _Tok, loose: bool = False) -> bool:
    """Can this word be part of a name? Not a function, title, cue, event or organisation word.

    ``loose`` lets a word that is also a verb pass ("أشرف زكي", "عادل"): for the first word of a
    longer name, where the next word decides.
    """
    lex = _lex()
    key = tok.key
    if not tok.word or key in _AR_STOP or key.isdigit() or len(key) < 2 or key.endswith(("يين", "يون")):
        return False
    if key[:1] in "بلكفو" and key[1:] in _AR_STOP:
        return False  # "لأي", "بذلك", "فقد": a particle on a function word
    if key[:1] == "ب" and any(v in lex["ar_events"] or v in lex["ar_presence"] for v in _stem_variants(key[1:])):
        return False  # "باستقبال", "بزيارة": "with a reception", not a name
    if key[:1] == "س" and any(v in lex["ar_presence"] or v in lex["ar_speech"] for v in _stem_variants(key[1:])):
        return False  # "سيزور", "سيلتقي": a verb in the future
    if key.startswith(("لم", "بم")) and key.endswith("ة") and len(key) >= 6:
        return False  # "لمتابعة", "بمشاركة": a verbal noun after a preposition
    if key[:1] in "لب" and key.endswith(("ه", "ها", "هم", "هما")) and len(key) >= 5:
        return False  # "بتعليقاته", "لزيارتها": a preposition on a noun with its pronoun
    if key[:1] in "لب" and _MASDAR.match(key[1:]):
        return False  # "بإيجاد", "لاستعادة", "بانتظار": a preposition on a verbal noun
    if _MASDAR_SEVENTH_TENTH.match(key) or any(ch.isdigit() for ch in key):
        return False  # "انشغال", "استقرار": a verbal noun; "لفرانس24": no name has digits
    if key[:1] in "لب" and any(v in lex["ar_not_name"] or v in lex["ar_words_of"] for v in _stem_variants(key[1:])):
        return False  # "لنظام", "بحكومة": a preposition on a common noun
    variants = _stem_variants(key) + ([key[:-1]] if key.endswith("ا") else [])
    if any(v in lex["ar_not_name"] for v in variants):
        return False
    loose = loose and not key.startswith(("ب", "و", "ف", "ل"))  # "بحضور" is never a name
    tables = ("ar_title_words", "ar_events", "ar_death_words") + (() if loose else ("ar_presence", "ar_speech"))
    forms = (key, key[:-1]) if key.endswith("ا") else (key,)  # "مؤتمرا": accusative of an event noun
    return not any(form in lex[table] for table in tables for form in forms)


def _name_ok(tokens: list[_Tok], min_words: int = 2) -> bool:
    """Do these words look like a person's name? At least ``min_words``, no function or title words."""
    if len(tokens) < min_words:
        return False
    lex = _lex()
    if tokens[0].key.startswith("و") and len(tokens) > 1 and _definite(tokens[1].key):
        return False  # "ووجهاء العشائر" is a conjoined noun phrase, not a name like "وليم روباك"
    if _definite(tokens[0].key) and tokens[0].key.endswith("ية"):
        return False  # "السياسية اليسارية ...": a feminine adjective opens no name
    if len(tokens) >= 2 and all(t.key.endswith("ين") for t in tokens):
        return False  # "رئيسين سابقين": plurals
    loose = len(tokens) > 1
    words_ok = all(
        (t.word and t.key not in _AR_STOP) if _after_particle(tokens, k) else _name_word(t, loose=loose and k == 0)
        for k, t in enumerate(tokens)
    )
    if not words_ok or any(t.key.startswith(("بأ", "بال", "لل")) for t in tokens):
        return False
    if any(t.key.endswith(("ه", "ها", "هم")) and len(t.key) > 3 and not t.key.endswith("الله") for t in tokens[1:]):
        return False  # "ترامب قلقه": a word with an attached pronoun is no part of a name
    del lex
    return not (_ar_head(tokens[0]) and not tokens[0].key.startswith("ال"))


def _after_particle(tokens: list[_Tok], k: int) -> bool:
    """The word after "عبد", "أبو", "بن" belongs to the name whatever it is ("عبد الدايم")."""
    return k > 0 and tokens[k - 1].key in _PARTICLES


def _name_conj_breaks(tok: _Tok) -> bool:
    """ "و" before a word starts a new conjunct, except in names that begin with "وو" ("ووندر")."""
    if not _conj(tok) or tok.key in _PARTICLES or tok.key[1:] in _PARTICLES:
        return False
    if tok.key[1:] in _lex()["ar_groups"]:
        return True  # "محسن مرزوق ووفد من الحركة"
    return not (tok.key.startswith("وو") and not _ar_head(tok) and not _definite(tok.key[1:]))


def _take_name(toks: list[_Tok], j: int) -> int:
    """End index (exclusive) of an Arabic name starting at ``j``: up to three words, four with particles."""
    k = j
    limit = 3
    while k < len(toks) and k - j < limit:
        tok = toks[k]
        if not tok.word or tok.key in _AR_STOP or tok.key.isdigit():
            break
        next_definite = (
            k + 1 < len(toks)
            and toks[k + 1].word
            and (_definite(toks[k + 1].key) or toks[k + 1].key.startswith(("بال", "لل")))
        )  # "الموظفة باللجنة الدولية": an office with its complement starts a new title
        head = _ar_head(tok) and (not _definite(tok.key) or _honorific(tok) or next_definite)
        if k > j and (_name_conj_breaks(tok) or head or tok.key.startswith(("بال", "لل", "كال", "لا"))):
            break  # ("لأيرلندا", "لإيران": "to" a place, after the name)
        bound = k > j and toks[k - 1].key in _PARTICLES
        if k > j and not bound and (tok.key in _lex()["ar_title_words"] or not _name_word(tok)):
            break
        if tok.key in _PARTICLES or (k > j and toks[k - 1].key in _PARTICLES):
            limit = 4
        k += 1
    while k > j and toks[k - 1].key in _PARTICLES - {_key("الابن")}:
        k -= 1  # a name never ends on "عبد" or "بن"
    # "جنيفر هادسن شجون الحضور": a third word that opens a construct with the next one is the object
    if k - j == 3 and k < len(toks) and toks[k].word and _definite(toks[k].key) and not _definite(toks[k - 1].key):
        k -= 1
    return k


def _recurring_name_end(text: str, toks: list[_Tok], j: int, end: int) -> int | None:
    """The end of the longest name of two words or more from ``j``, shorter than ``end``, whose last
    word stands alone elsewhere in ``text`` (with or without "و"/"ب"/"ل"): a surname reused."""
    counts = _word_counts(text)
    for stop in range(end - 1, j + 1, -1):
        last = _surname_key(toks[stop - 1].key)
        if len(last) >= 3 and counts[last] >= 2 and _name_ok(toks[j:stop]):
            return stop
    return None


@lru_cache(maxsize=1)
def _word_counts(text: str) -> Counter[str]:
    """How often each word occurs in ``text``, leading "و"/"ب"/"ل" removed (one pass per article)."""
    return Counter(_surname_key(tok.key) for tok in _tokenize(text) if tok.word)


def _take_apposed(toks: list[_Tok], j: int) -> int:
    """A name between commas ("، الباجي قايد السبسي،"): any words up to the closing mark, at most four."""
    k = j
    while k < len(toks) and toks[k].word and k - j < 4 and toks[k].key not in _AR_STOP:
        if k > j and _name_conj_breaks(toks[k]):
            break
        k += 1
    if k < len(toks) and toks[k].word and toks[k].key not in _AR_STOP and not _conj(toks[k]):
        return _take_name(toks, j)
    return k


def _prep_object(toks: list[_Tok], j: int) -> int:
    """Skip the object of a preposition inside a title: "إلى سوريا", "في إقليم دير الزور", "في سوريا والعراق"."""
    n = len(toks)
    if j >= n or not toks[j].word:
        return j
    j += 1
    while j < n and toks[j].word:
        key = toks[j].key
        if _honorific(toks[j]):
            break
        if _definite(key) or (key.startswith("و") and _definite(key[1:])):
            j += 1
            continue
        before = toks[j - 1].key
        generic = not _definite(before) and any(v in _lex()["ar_not_name"] for v in _stem_variants(before))
        if generic and j + 1 < n and toks[j + 1].word and _definite(toks[j + 1].key):
            j += 1  # construct chain after a generic place noun: "إقليم دير الزور", not "جنيف سجى المجالي"
            continue
        break
    return j


def _ar_title(toks: list[_Tok], i: int) -> tuple[int, bool]:
    """End of the title that opens at ``i`` and whether it ends on an honorific (a name must follow)."""
    lex = _lex()
    n = len(toks)
    j = i + 1
    honor = _honorific(toks[i])
    head_key = _unconj(toks[i])
    needs_complement = not _definite(head_key) and not honor and not _kinship(toks[i])[1]
    after_honorific = honor
    while j < n and (toks[j].word or (j > i + 1 and (j := _past_quoted_name(toks, j)) < n and toks[j].word)):
        tok = toks[j]
        key = tok.key
        if after_honorific:
            if _nisba(key) or key in lex["ar_title_words"]:
                j += 1  # "القس الأمريكي الشهير، آل شاربتون"
                continue
            break
        if _honorific(tok) and not _conj(tok):
            after_honorific = True
            j += 1
            continue
        if key == "عام" and j == i + 1:
            j += 1  # "أمين عام الحركة", "مدير عام الشركة": the office, not the year
            continue
        if key in _AR_STOP and key not in _AR_PREPS:
            break
        if needs_complement:
            if _ar_head(tok) and not _definite(key) and not _honorific(tok) and not _conj(tok):
                j += 1  # "نائب وزير الخارجية", "مساعد مدير الأمن": an office of an office
                continue
            needs_complement = False
            if _definite(key) or key in lex["ar_title_words"]:
                j += 1
                continue
            chain = j
            while chain < min(n, j + 3) and toks[chain].word and not _definite(toks[chain].key):
                chain += 1
            ends_definite = chain < n and chain > j and toks[chain].word and _definite(toks[chain].key)
            if ends_definite and not _ar_head(tok):
                j = chain  # "رئيس جنوب السودان", "كبير مستشاري رئاسة الحكومة"
                needs_complement = True
                continue
            comma = _comma_before_name(toks, j, 7)
            if comma is not None and not _ar_head(tok):
                j = comma  # "أمين عام حركة مشروع تونس، محسن مرزوق", "رئيس كتلة نداء تونس بمجلس نواب الشعب، ..."
            break
        if key in _AR_PREPS:
            if j + 1 >= n or not toks[j + 1].word or toks[j + 1].key in _AR_STOP:
                break  # "أشار الوزير إلى أن ...": the verb's complement, not part of the title
            j = _prep_object(toks, j + 1)
            continue
        if key.startswith("ل") and j + 1 < n and toks[j + 1].word and _definite(toks[j + 1].key):
            j += 2  # "رئيس الهيئة العليا لمكافحة الفساد"
            continue
        if key.startswith("بال") and j == i + 1 and _definite(head_key) and not _ar_head(tok) and not _honorific(tok):
            j += 1  # "الموظفة باللجنة الدولية للصليب الأحمر": where the office is held
            continue
        if key.startswith("ل") and j + 1 < n and (past := _past_quoted_name(toks, j + 1)) > j + 1:
            j = past  # "الأمين العام لحلف "الناتو" ينس ستولتنبرغ"
            continue
        if key.startswith("ل") and not key.startswith("لل") and (close := _named_body_end(toks, j)) is not None:
            j = close  # "الأمين العام لحركة مشروع تونس، محسن مرزوق": a body's proper name up to the comma
            continue
        if key.startswith("لل") or key in lex["ar_title_words"] or (_definite(key) and not _conj(tok)):
            j += 1
            continue
        if _conj(tok) and _definite(key[1:]) and (_ar_head(tok) or _definite(toks[j - 1].key)):
            j += 1  # "المغني والملحن", "وزير البيئة والجماعات المحلية"
            continue
        construct = j + 1 < n and toks[j + 1].word and _definite(toks[j + 1].key)
        if _conj(tok) and construct and _definite(toks[j - 1].key) and not _ar_head(tok):
            j += 2  # "وزير الخارجية وشؤون المغتربين"
            continue
        break
    return j, after_honorific


def _comma_before_name(toks: list[_Tok], j: int, reach: int) -> int | None:
    """The comma that ends a body's name opening at ``j`` when a name follows it: only content
    words (no function word, no verb of speech or presence) within ``reach`` words."""
    lex = _lex()
    for k in range(j + 1, min(len(toks) - 1, j + reach + 1)):
        tok = toks[k]
        if tok.text in "،,":
            return k if toks[k + 1].word and not _ar_head(toks[k + 1]) else None
        if (
            not tok.word
            or tok.key in _AR_STOP
            or any(v in lex["ar_speech"] or v in lex["ar_presence"] for v in _stem_variants(tok.key))
        ):
            return None
    return None


_QUOTES = frozenset('"«»“”')


def _past_quoted_name(toks: list[_Tok], j: int) -> int:
    """After a quoted word or two inside a title ("لحلف "الناتو" ينس ..."), else ``j`` unchanged."""
    if toks[j].text not in _QUOTES or not toks[j - 1].word:
        return j
    for k in range(j + 1, min(len(toks), j + 4)):
        if toks[k].text in _QUOTES:
            return k + 1 if k > j + 1 else j
        if not toks[k].word:
            return j
    return j


def _named_body_end(toks: list[_Tok], j: int) -> int | None:
    """Where "لحركة مشروع تونس" ends when a comma and a name follow it (at most three more words)."""
    for k in range(j + 1, min(len(toks), j + 4)):
        tok = toks[k]
        if tok.text in "،,":
            return k if k + 1 < len(toks) and toks[k + 1].word else None
        if not tok.word or tok.key in _AR_STOP:
            return None
    return None


def _title_text(text: str, toks: list[_Tok]) -> tuple[str | None, bool]:
    """The title as written (leading "و" dropped) and whether it says the person is dead.

    A trailing honorific belongs to the next name only, so it becomes its own part:
    "الرئاسة المشتركة ... الدكتور غسان" -> "الرئاسة المشتركة ...؛ الدكتور".
    """
    if not toks:
        return None, False
    lex = _lex()
    honorifics = 0
    while honorifics < len(toks) - 1 and toks[-1 - honorifics].key in lex["ar_honor"]:
        honorifics += 1
    office_toks = toks[: len(toks) - honorifics]
    title = text[office_toks[0].start : office_toks[-1].end].strip(" ،,")
    first = toks[0].key
    for prefix in ("وب", "و", "ب"):  # "وزعيم المعارضة" -> "زعيم المعارضة", "برئيسة الحكومة" -> "رئيسة الحكومة"
        rest = first[len(prefix) :]
        own = first in lex["ar_heads"] or first in lex["ar_waw"] or len(rest) <= 2
        if (
            first.startswith(prefix)
            and not own
            and any(v in lex["ar_heads"] | lex["ar_honor"] for v in _head_variants(rest))
        ):
            title = title[len(prefix) :]
            break
    if honorifics and title:
        title = f"{title}{TITLE_PART_SEPARATOR}{text[toks[-honorifics].start : toks[-1].end]}"
    return title or None, any(t.key in lex["ar_dead"] for t in toks)


def _without_honorific(title: str | None) -> str | None:
    """The office alone: names chained after "الدكتور X" share the office, not the honorific."""
    if title and TITLE_PART_SEPARATOR in title:
        office, last = title.rsplit(TITLE_PART_SEPARATOR, 1)
        if _key(last) in _lex()["ar_honor"]:
            return office
    return title


def _make(text: str, toks: list[_Tok], title_toks: list[_Tok], name_toks: list[_Tok]) -> _Mention:
    title, dead = _title_text(text, title_toks)
    first = name_toks[0]
    start = first.start
    span = (start, name_toks[-1].end)
    start_all = title_toks[0].start if title_toks else start
    return _Mention(text[span[0] : span[1]], span, title, tuple(t.key for t in name_toks), dead, start=start_all)


def _titled_mentions(text: str, toks: list[_Tok]) -> list[_Mention]:
    """Title + name, and "و" chains after it: "الدكتور غسان اليوسف وليلى الحسن"."""
    out: list[_Mention] = []
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not tok.word or not _ar_head(tok):
            i += 1
            continue
        if i > 0 and _adjectival_head(toks[i - 1], tok):
            i += 1  # "الإئتلاف الحاكم", "الحزب الحاكم": an adjective, not an office
            continue
        title_end, must_name = _ar_title(toks, i)
        j = title_end
        is_kin, has_pronoun = _kinship(tok)
        apposition = False
        # "X، رئيس الحكومة، ..." : no name after it (but "التقى اليوم الأربعاء، أمين عام ..." has one)
        apposed_title = (
            i > 1
            and toks[i - 1].text in "،,"
            and toks[i - 2].key not in _AR_STOP
            and not _with_bi(tok)
            and not _conj(tok)  # "، ورئيس جمعية مديري الصحف، الطيب الزهار": the next person in a list
        )
        if j < n and toks[j].text in "،," and j + 1 < n and toks[j + 1].word and not apposed_title:
            j += 1  # "رئيس الوزراء الإيطالي، جوزيبي كونتي،"
            apposition = True
        name_end = _take_apposed(toks, j) if apposition else _take_name(toks, j)
        if is_kin and not has_pronoun:
            # "نجل المطرب، يوسف،", "نجل فرانكلين، إدوارد،": the person is in apposition, not the relative
            k = j if apposition else name_end + 1
            if apposition or (name_end < n - 1 and toks[name_end].text in "،," and toks[name_end + 1].word):
                end = _take_apposed(toks, k)
                if _name_ok(toks[k:end], 1):
                    mention = _make(text, toks, toks[i : k - 1], toks[k:end])
                    mention.dead = False  # a death word in the title is about the relative
                    out.append(mention)
            i = max(name_end, i + 1)
            continue
        min_words = 1 if (must_name or has_pronoun) else 2
        adjectives = title_end == i + 1 and (
            all(t.key.endswith("ي") for t in toks[j:name_end])
            or (not _definite(_unconj(tok)) and not _honorific(tok) and toks[j].key.endswith("ي"))
        )  # "زعيم كوري شمالي", "مسؤول أمني سوري بارز": adjectives after a bare office word
        if name_end > j and _name_ok(toks[j:name_end], min_words) and not adjectives:  # not "زعيم كوري شمالي"
            closes = name_end >= n or not toks[name_end].word or toks[name_end].key in _AR_STOP
            if apposition and not closes and not _conj(toks[name_end]):
                # an apposition must close ("، X ،" or "، X إن"), or its surname must recur in the
                # article ("نفى الأمين العام، محسن مرزوق وجود ..." then "وقال مرزوق"); otherwise it is prose
                shorter = _recurring_name_end(text, toks, j, name_end)
                if shorter is None:
                    i = title_end
                    continue
                name_end = shorter
            mention = _make(text, toks, toks[i:title_end], toks[j:name_end])
            out.append(mention)
            i = _shared_title_chain(text, toks, name_end, mention, out)
            continue
        i = title_end if title_end > i else i + 1
    return out


def _adjectival_head(prev: _Tok, tok: _Tok) -> bool:
    """A definite office word right after a definite noun that is no office describes that noun."""
    return (
        prev.word
        and _definite(prev.key)
        and tok.key in _lex()["ar_adjectival_heads"]
        and not _ar_head(prev)
        and not _honorific(tok)
        and prev.key not in _AR_STOP
        and not _nisba(prev.key)
    )


def _shared_title_chain(text: str, toks: list[_Tok], k: int, mention: _Mention, out: list[_Mention]) -> int:
    """Names joined by "و" after a titled name share its title: "غسان اليوسف وليلى الحسن"."""
    n = len(toks)
    while k < n and _conj(toks[k]) and not _ar_head(toks[k]) and toks[k].key[1:] not in _lex()["ar_groups"]:
        sub = [_strip(toks[k]), *toks[k + 1 :]]
        end = _take_name(sub, 0)
        if end < 2 or not _name_ok(sub[:end]) or _definite(sub[0].key):
            break
        out.append(
            _Mention(
                text[sub[0].start : sub[end - 1].end],
                (sub[0].start, sub[end - 1].end),
                _without_honorific(mention.title),
                tuple(t.key for t in sub[:end]),
                mention.dead,
            )
        )
        k += end
    return k


def _appositive_mentions(text: str, toks: list[_Tok]) -> list[_Mention]:
    """A name then "، title ،": "أعلن رياض المؤخر، وزير البيئة والجماعات المحلية، أن"."""
    out = []
    n = len(toks)
    lex = _lex()
    for c in range(1, n - 1):
        if toks[c].text not in "،," or not _ar_head(toks[c + 1]) or _conj(toks[c + 1]):
            continue
        if _with_bi(toks[c + 1]):
            continue  # "جون سوليفان، بوزير الخارجية ...": "with the minister", another person
        start = c
        while start > 0 and c - start < 3 and toks[start - 1].word and toks[start - 1].key not in _AR_STOP:
            prev = toks[start - 1]
            if _ar_head(prev) or any(v in lex["ar_presence"] | lex["ar_speech"] for v in _stem_variants(prev.key)):
                break
            if prev.key in lex["ar_openers"]:
                break
            start -= 1
        name_toks = toks[start:c]
        if name_toks and _conj(name_toks[0]) and len(name_toks[0].key) > 3:
            name_toks = [_strip(name_toks[0]), *name_toks[1:]]
        if not _name_ok(name_toks) or (start > 0 and toks[start - 1].word and _ar_head(toks[start - 1])):
            continue
        title_end, _ = _ar_title(toks, c + 1)
        if title_end < n and toks[title_end].word and toks[title_end].key not in _AR_STOP:
            continue  # the title runs into a name: this is a chain, not an apposition
        mention = _make(text, toks, toks[c + 1 : title_end], name_toks)
        mention.start = name_toks[0].start
        out.append(mention)
    return out


def _chain_names(text: str, toks: list[_Tok]) -> list[_Mention]:
    """Bare names after a list opener: "هما باراك أوباما وجورج بوش الابن", "مثل بيل وهيلاري كلينتون"."""
    out = []
    n = len(toks)
    lex = _lex()
    for i, tok in enumerate(toks):
        every = tok.key == _key("كل") and i + 1 < n and toks[i + 1].key == "من"
        if not (every or tok.key in lex["ar_openers"] or (_conj(tok) and tok.key[1:] in lex["ar_openers"])):
            continue
        weak = tok.key in lex["ar_weak_openers"]
        j = i + 2 if every else i + 1
        chain: list[list[_Tok]] = []
        while j < n and toks[j].word and not _ar_head(toks[j]):
            first = toks[j]
            if chain:
                if not _conj(first):
                    break
                first = _strip(first)
            sub = [first, *toks[j + 1 :]]
            end = _take_name(sub, 0)
            if end == 1 and end < len(sub) and _conj(sub[1]):
                chain.append(sub[:1])  # "بيل وهيلاري كلينتون": the first name borrows the surname
                j += 1
                continue
            if not _name_ok(sub[:end]) or any(v in lex["ar_groups"] for v in _stem_variants(first.key)):
                break
            chain.append(sub[:end])
            j += end
            if j < n - 1 and toks[j].text in "،," and _conj(toks[j + 1]):
                j += 1
        chain = [c for c in chain if c]
        full = [c for c in chain if len(c) >= 2]
        if not full or (weak and len(chain) < 2):
            continue
        for k, names in enumerate(chain):
            if len(names) == 1:
                nxt = next((c for c in chain[k + 1 :] if len(c) >= 2), None)
                if nxt is None:
                    continue
                name = f"{names[0].text} {nxt[-1].text}"  # where found: the first name only
                out.append(_Mention(name, (names[0].start, names[0].end), None, (names[0].key, nxt[-1].key)))
                continue
            out.append(
                _Mention(
                    text[names[0].start : names[-1].end],
                    (names[0].start, names[-1].end),
                    None,
                    tuple(t.key for t in names),
                )
            )
    return out


def _verb_names(text: str, toks: list[_Tok]) -> list[_Mention]:
    """A bare name right after a presence or speech verb: "شارك بيل كلينتون بنفسه", "فسرت شيماء بوهلال رئيسة ..."."""
    out = []
    lex = _lex()
    verbs = lex["ar_presence"] | lex["ar_speech"]
    for i, tok in enumerate(toks[:-2]):
        if not tok.word or not any(v in verbs for v in _stem_variants(tok.key)):
            continue
        if tok.key.startswith("ب") and not any(v in verbs for v in _stem_variants(tok.key) if v.startswith("ب")):
            continue  # "باستقبال حرس الشرف" is "with a reception by the honour guard": a noun, not a verb
        j = i + 1
        if _definite(toks[j].key) or _ar_head(toks[j]) or _conj(toks[j]) or toks[j].key.endswith("ات"):
            continue
        end = _take_name(toks, j)
        if not _name_ok(toks[j:end]) or toks[end - 1].key.endswith(("ية", "يات")):
            continue  # "قال صواريخ بلاستيكية": a feminine adjective ends a noun phrase, not a name
        nxt = toks[end] if end < len(toks) else None
        title_toks: list[_Tok] = []
        if nxt is not None and nxt.word and _ar_head(nxt) and not _conj(nxt):
            title_end, _ = _ar_title(toks, end)  # "بين معز بوراوي رئيس جمعية عتيد"
            title_toks = toks[end:title_end]
        elif not (
            nxt is None
            or not nxt.word
            or nxt.key in _AR_STOP
            or nxt.key in _AR_PREPS
            or (nxt.key.startswith(("ب", "ل")) and len(nxt.key) > 4)
        ):
            continue
        mention = _make(text, toks, title_toks, toks[j:end])
        mention.start = toks[j].start
        mention.bare = not title_toks
        mention.speaker = any(v in lex["ar_speech"] for v in _stem_variants(tok.key))
        out.append(mention)
    return out


def _arabic_mentions(text: str, toks: list[_Tok]) -> list[_Mention]:
    lex = _lex()
    found = _titled_mentions(text, toks) + _appositive_mentions(text, toks)
    ends = [t.end for t in toks]  # tokens are in order: bisect, not a scan per mention, on a long line
    for m in found:  # titled people shortly after a speech verb are quoted
        k = bisect_right(ends, m.start)
        before = toks[max(0, k - 8) : k]
        verbs = [k for k, t in enumerate(before) if any(v in lex["ar_speech"] for v in _stem_variants(t.key))]
        # "وقالت مصادر إن الناطق ... عصام الشابي هو ...": after "إن" the name is what was said, not who said it
        m.speaker = bool(verbs) and _that().isdisjoint(t.key for t in before[verbs[-1] + 1 :])
    return found + _chain_names(text, toks) + _verb_names(text, toks)
