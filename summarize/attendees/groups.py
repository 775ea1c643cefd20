"""Unnamed groups said to be present, and names listed under an event ("قائمة ... :")."""

from __future__ import annotations

import re

from summarize.attendees.cues import _Sentence
from summarize.attendees.model import Group, _Mention
from summarize.attendees.tokens import _AR_STOP, _conj, _definite, _key, _lex, _Tok, _tokenize
from summarize.rules import attendee_cues


def _groups_in(text: str, toks: list[_Tok]) -> list[Group]:
    lex = _lex()
    out = []
    n = len(toks)
    i = 0
    needs_of = {_key(w) for w in ("عدد", "جمع", "حشد", "لفيف", "ثلة", "نخبة", "العشرات", "عشرات", "المئات", "مئات")}
    while i < n:
        tok = toks[i]
        conj = _conj(tok) and tok.key[1:] in lex["ar_groups"]
        key = tok.key[1:] if conj else tok.key
        if not tok.word or key not in lex["ar_groups"]:
            i += 1
            continue
        j = i + 1
        of = j < n and toks[j].key == "من"
        if of:
            j += 1
        elif key in needs_of:
            i += 1
            continue
        # A definite group noun is whole by itself ("المشاركون", "الحضور"); without "من" only definite
        # words (its adjectives) go on with it: in "ناقش المشاركون سبل التعاون" the next word is the object.
        complete = not of and _definite(key)
        body = j
        while j < n and toks[j].word and j - body < 6:
            k = toks[j].key
            if (k in _AR_STOP and k != "من") or (j > body and k.startswith(("بال", "لل")) and j - body >= 2):
                break
            if complete and not _definite(k):
                if k != "من":  # "الوفد المرافق من مديري الإدارات": its members follow
                    break
                complete = False
            if (
                j > body
                and _conj(toks[j])
                and not _definite(k[1:])
                and not _definite(toks[j + 1].key if j + 1 < n else "")
            ):
                break
            j += 1
        if j > body:
            start = tok.start + (1 if conj else 0)
            out.append(Group(text[start : toks[j - 1].end], (start, toks[j - 1].end)))
        i = max(j, i + 1)
    return out


# Who a group is made of: up to ten words, ending before the verb or a clause word.
_EN_GROUP_MEMBERS = re.compile(
    r"(?:,?\s+(?!(?:were|was|are|is|who|which|that|had|have|has|also|attended|joined|met|watched)\b)[\w'’-]+){1,12}"
)


def _english_groups(text: str, s: _Sentence) -> list[Group]:
    """ "a group of pupils", "heads of state from Bolivia": a group phrase up to the next comma or stop."""
    out = []
    low = text[s.span[0] : s.span[1]].lower()
    for head in attendee_cues.ENGLISH_GROUP_HEADS:
        for match in re.finditer(rf"\b{re.escape(head)}\b", low):
            start = s.span[0] + match.start()
            end = s.span[0] + match.end()
            if head.endswith((" of", " from")):  # "a delegation of local mayors and several scientists" up to the verb
                tail = _EN_GROUP_MEMBERS.match(text[end : s.span[1]])
            else:
                tail = re.match(r"(?:\s+(?:from|of|in|at)\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*)?", text[end : s.span[1]])
            end += tail.end() if tail else 0
            out.append(Group(text[start:end], (start, end)))
    out.sort(key=lambda g: g.span)
    return out


def _dedupe_groups(groups: list[Group]) -> list[Group]:
    out: list[Group] = []
    for g in groups:
        if not any(o.span[0] <= g.span[0] and g.span[1] <= o.span[1] for o in out):
            out.append(g)
    return out


# ---------------------------------------------------------------------------
# Name lists ("وفي ما يلي قائمة الولاة الجدد : - عمر منصور، والي تونس ـ ...")
# ---------------------------------------------------------------------------
_LIST_SPLIT = re.compile(r"(?:^|\s)[-–—•*ـ](?=\s*\S)|\n")
_LIST_LEAD = re.compile(r"(?:قائمة|أسماء|اسماء|\bهم|\bهن)[^:.\n]{0,40}:")
_ABSENT_NOTE = re.compile("|".join(_key(w) for w in attendee_cues.ARABIC_ABSENCE))


def _name_list(text: str, lo: int, hi: int) -> list[tuple[_Mention, bool]]:
    """Names of a list of people: each item a name then "،", "(" or the end; absent ones flagged."""
    colon = text.find(":", lo, hi)
    if colon < 0:
        return []
    out = []
    pos = colon + 1
    for piece in _LIST_SPLIT.split(text[colon + 1 : hi]):
        start = text.find(piece, pos) if piece else pos
        pos = start + len(piece)
        stripped = piece.strip()
        if not stripped or stripped.endswith(":"):
            continue
        name = re.split(r"[،,(]", stripped, maxsplit=1)[0].strip()
        toks = _tokenize(name)
        if not 2 <= len(toks) <= 4 or not all(t.word for t in toks) or any(t.key in _AR_STOP for t in toks):
            continue
        name_start = text.find(name, start)
        here = not _ABSENT_NOTE.search(_key(piece))
        keys = tuple(t.key for t in toks)
        out.append((_Mention(name, (name_start, name_start + len(name)), None, keys, structural=True), here))
    return out


_KIN_REACH = 2  # words between the relatives' word and the bracket: "أبناء الفقيد (", "وأبناؤه ("
_KIN_MAX = 12  # names in one bracket


def _kin_names(text: str, toks: list[_Tok]) -> list[_Mention]:
    """First names in brackets after a word for relatives: "وأبناء الفقيد (عبدالرحمن ومحمد وبندر وثامر)".

    Each is a person, titled by the relatives' phrase; every word in the bracket must be a known given
    name (a bracket of anything else is a gloss, a place or an abbreviation).
    """
    lex = _lex()
    out: list[_Mention] = []
    for i, tok in enumerate(toks):
        if not tok.word or (tok.key not in lex["ar_kin_groups"] and tok.key[1:] not in lex["ar_kin_groups"]):
            continue
        open_at = next((k for k in range(i + 1, min(len(toks), i + 2 + _KIN_REACH)) if toks[k].text == "("), None)
        if open_at is None or any(not t.word for t in toks[i + 1 : open_at]):
            continue
        items: list[_Tok] = []
        k = open_at + 1
        while k < len(toks) and toks[k].text != ")" and len(items) <= _KIN_MAX:
            if toks[k].word:
                items.append(toks[k])
            elif toks[k].text not in "،,":
                break
            k += 1
        if k >= len(toks) or toks[k].text != ")" or not items:
            continue
        given = lex["ar_given"]
        bare = [t.key[1:] if _conj(t) and t.key not in given else t.key for t in items]
        if not all(b in given for b in bare):
            continue
        start = tok.start + (1 if _conj(tok) and tok.key not in lex["ar_kin_groups"] else 0)
        title = text[start : toks[open_at - 1].end]
        for t, b in zip(items, bare, strict=True):
            begin = t.end - len(b)
            out.append(_Mention(text[begin : t.end], (begin, t.end), title, (b,), structural=True, alone=True))
    return out
