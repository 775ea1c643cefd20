"""English mentions: capitalized runs next to a title, a courtesy word or an apposition."""

from __future__ import annotations

from summarize.attendees.model import _Mention
from summarize.attendees.tokens import _EN_STOP, _lex, _Tok
from summarize.rules import attendee_cues

_EN_PARTICLES = frozenset({"de", "da", "van", "von", "der", "bin", "al", "la", "le", "du", "dos", "del"})


def _en_cap(tok: _Tok) -> bool:
    return tok.word and tok.text[0].isupper()


def _en_run(toks: list[_Tok], i: int) -> tuple[list[_Tok], int]:
    """Capitalized words from ``i`` (particles, initials "W." and "Mr." dots included); the run and its end."""
    run: list[_Tok] = []
    n = len(toks)
    j = i
    while j < n:
        tok = toks[j]
        if tok.word and (tok.text[0].isupper() or (run and tok.text.lower() in _EN_PARTICLES)):
            run.append(tok)
            j += 1
            if tok.text.endswith(("'s", "’s")):
                break  # a possessive ends the run: "Prime Minister's Questions" names no one after it
        elif tok.text == "." and run and (len(run[-1].text) == 1 or run[-1].text.lower() in _lex()["en_honor"]):
            j += 1  # "George W. Bush", "Mr. Roh"
        else:
            break
    while run and run[-1].text.lower() in _EN_PARTICLES:
        run.pop()
    return run, j


def _en_heady(word: str) -> bool:
    word = word.lower()
    heads = _lex()["en_heads"]
    return word in heads or (word.endswith("s") and word[:-1] in heads) or word.split("-")[-1] in heads


def _english_mentions(text: str, toks: list[_Tok]) -> list[_Mention]:
    lex = _lex()
    out = []
    n = len(toks)
    index_of = {t.start: position for position, t in enumerate(toks)}  # list.index per name was quadratic
    i = 0
    while i < n:
        if not _en_cap(toks[i]):
            i += 1
            continue
        run, j = _en_run(toks, i)
        # the name is what follows the last honorific, title or organisation word of the run
        k = 0
        for pos, tok in enumerate(run[:-1]):
            low = tok.text.lower()
            if low in lex["en_honor"] or _en_heady(low) or low in lex["en_not_name"] or low in _EN_STOP:
                k = pos + 1
        name = run[k:]
        if k == 0 and len(name) >= 3 and i > 0 and toks[i - 1].text.lower() in ("of", "for"):
            name = name[1:]  # "President of Brazil Luiz Silva": the place closes the title
        ok = bool(name) and all(
            t.text.lower() not in lex["en_not_name"] | _EN_STOP and not _en_heady(t.text) for t in name
        )
        ok = ok and not (j < n and toks[j].text in ("'s", "’s") and len(name) < 2)
        honored = k > 0 and run[k - 1].text.lower() in lex["en_honor"]
        limit = 5 if any(t.text.lower() in _EN_PARTICLES for t in name) else 4
        if ok and (len(name) >= 2 or honored) and len(name) <= limit:
            out.append(_english_mention(text, toks, index_of, run[k - 1] if k else None, name, j, first=run[0]))
        i = max(j, i + 1)
    return out


def _courtesy(word: str, lex: dict[str, frozenset[str]]) -> bool:
    """ "Mr", "Mrs", "Dr": an honorific that is not also an office ("President")."""
    return word.lower() in lex["en_honor"] and not _en_heady(word)


def _english_mention(
    text: str,
    toks: list[_Tok],
    index_of: dict[int, int],
    last_title: _Tok | None,
    name: list[_Tok],
    j: int,
    *,
    first: _Tok,
):
    """Build the mention: the title before the name (lower-case heads too), after it in commas or parentheses."""
    lex = _lex()
    index = index_of[first.start]
    title_from = index
    while (
        title_from > 0
        and toks[title_from - 1].word
        and (_en_heady(toks[title_from - 1].text) or toks[title_from - 1].text[0].isupper())
    ):
        title_from -= 1
    title_from = _across_of(toks, title_from)
    title_toks = [t for t in toks[title_from : index_of[name[0].start]] if t.word]
    while title_toks and title_toks[0].text.lower() in _EN_STOP - lex["en_honor"]:
        title_toks.pop(0)  # "And Mr Kennedy", "As Tory leader Michael Howard": a capital from the sentence start
    title = (
        text[title_toks[0].start : title_toks[-1].end]
        if title_toks and (last_title is not None or any(_en_heady(t.text) for t in title_toks))
        else None
    )
    honorifics = 0  # "the President of the Republic of Korea Mr. Roh": the office, then the honorific
    while title and honorifics < len(title_toks) - 1 and _courtesy(title_toks[-1 - honorifics].text, lex):
        honorifics += 1
    if title and honorifics:
        office = text[title_toks[0].start : title_toks[-1 - honorifics].end]
        title = f"{office}; {text[title_toks[-honorifics].start : title_toks[-1].end]}"
    only_honorific = title is not None and all(t.text.lower() in lex["en_honor"] for t in title_toks)
    if (title is None or only_honorific) and j < len(toks) and toks[j].text in ",(":
        after = _english_apposition(text, toks, j + 1, ")" if toks[j].text == "(" else ",")
        title = f"{title}; {after}" if title and after else title or after
    if title is None and j < len(toks) and toks[j].text in ",(":
        title = _english_apposition(text, toks, j + 1, ")" if toks[j].text == "(" else ",")
    if title is None and title_from >= 2 and toks[title_from - 1].text == ",":
        title = _english_title_before(text, toks, title_from - 1)
    before = text[max(0, toks[title_from].start - 20) : toks[title_from].start].lower()
    mention = _Mention(
        text[name[0].start : name[-1].end],
        (name[0].start, name[-1].end),
        title,
        tuple(t.key for t in name),
        dead=any(w in before.split() or w in before for w in lex["en_dead"]),
        start=toks[title_from].start,
    )
    mention.speaker = any(t.text.lower() in lex["en_speech"] for t in toks[j : j + 2])
    return mention


def _across_of(toks: list[_Tok], start: int) -> int:
    """Extend a title back over "of"/"the" to its head: "the President of the Republic of Korea Mr."."""
    k = start
    best = start
    while k > 0 and start - k < 10 and toks[k - 1].word:
        word = toks[k - 1].text
        if not (word[0].isupper() or word.lower() in ("of", "the") or _en_heady(word)):
            break
        k -= 1
        if _en_heady(word):
            best = k
    while best < start and toks[best].text.lower() == "the":
        best += 1
    return best


def _english_apposition(text: str, toks: list[_Tok], j: int, close: str) -> str | None:
    """ "Hu Jintao, the President of China" or "Roger Agnelli (Vale company president)" -> the title."""
    k = j
    while k < len(toks) and k - j < 10 and toks[k].text != close and toks[k].text not in ".;":
        word = toks[k]
        plain = word.word and not (word.text[0].isupper() or word.text.lower() in ("the", "of", "and"))
        if close == "," and plain and not _en_heady(word.text):
            break
        k += 1
    words = [t for t in toks[j:k] if t.word]
    if not words:
        return None
    if close == ")" and k < len(toks) and toks[k].text == ")":
        if len(words) == 1 and words[0].text.isupper():
            return None  # "Hindustan Aeronautics (HAL)": an abbreviation, not an office
        return text[toks[j].start : toks[k - 1].end]
    if any(_en_heady(t.text) for t in words):
        return text[words[0].start : words[-1].end]
    return None


# Where a title written before ", Name" stops, walking back: "attended by her | French counterpart, Louis Martin".
_EN_TITLE_STOPS = frozenset(
    ("by", "with", "as", "well", "her", "his", "their", "its", "was", "were", "is", "are", "including", "also", "a")
) | {w for w in (*attendee_cues.ENGLISH_PRESENCE, *attendee_cues.ENGLISH_SPEECH) if " " not in w}


def _english_title_before(text: str, toks: list[_Tok], comma: int) -> str | None:
    """ "the President of Brazil, Luiz Inácio Lula da Silva" -> "the President of Brazil"."""
    k = comma
    while k > 0 and comma - k < 8 and toks[k - 1].word and toks[k - 1].text.lower() not in _EN_TITLE_STOPS:
        if toks[k - 1].text.lower() == "and" and not (k >= 2 and toks[k - 2].text[0].isupper()):
            break  # "Trade and Industry" belongs to a title; "Keller and attended" does not
        k -= 1
    words = [t for t in toks[k:comma] if t.word]
    if any(_en_heady(t.text) for t in words):
        return text[words[0].start : words[-1].end]
    return None
