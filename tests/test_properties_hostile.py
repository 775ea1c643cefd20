"""Property tests on arbitrary text and bytes: loaders, segmenter, extractors, summarizer, renderer and the
output sanitizer never raise anything but their documented error, and keep their invariants.

``benchmarks/fuzz_hostile.py`` runs the same properties with many more examples.
"""

from __future__ import annotations

import json
import math
import os
import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.decoding import DecodeError, decode_bytes
from articles.importers import ImportFailure, from_bytes
from articles.plaintext import parse_plaintext
from summarize.analysis import analyze
from summarize.sentences import split_sentences
from summarize.summary import METHODS, summarize_text
from tests.hostile import FORBIDDEN, PAYLOADS
from tui.rendering import cell_width, render_text
from tui.sanitize import escape_json, for_terminal, is_terminal_safe

EXAMPLES = int(os.environ.get("NEWSREAD_PROPERTY_EXAMPLES", "60"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

# Characters an article from the open web could hold: controls, bidi, Arabic, markup, line ends, plain letters.
HOSTILE_CHARS = (
    [chr(c) for c in range(0x20)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200d\ufeff\u2028\u2029")
    + list("[]/=@.!?؟،:;-•*#>\"'() ")
    + list("ابتثجحخدذرسشصضطظعغفقكلمنهويةىءآأإ١٢٣ًٌٍَُِّْ")
    + list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789 ")
)
hostile_text = st.one_of(
    st.text(alphabet=st.sampled_from(HOSTILE_CHARS), max_size=400),
    st.text(max_size=200),  # any code point, surrogates aside
    st.lists(
        st.sampled_from([p for _, p in PAYLOADS] + ["word", "كلمة", "\n", "\n\n", ". ", "1- ", "- "]), max_size=40
    ).map("".join),
)
languages = st.sampled_from(["ar", "en", "fr", None])
suffixes = st.sampled_from([".txt", ".md", ".html", ".xml", ".json", ".rss", ""])
prefixes = st.sampled_from(
    [
        b"",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"<?xml version='1.0'?>",
        b"<html>",
        b"<rss><channel><item>",
        b'{"format"',
        b"[",
    ]
)


@SETTINGS
@given(st.binary(max_size=3000))
def test_decode_bytes_gives_text_or_its_own_error(data):
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert text.strip() and "\r" not in text


@SETTINGS
@given(
    prefixes,
    st.one_of(st.binary(max_size=2000), hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    suffixes,
)
def test_any_input_loads_or_fails_with_one_line(prefix, body, suffix):
    try:
        loaded = from_bytes(prefix + body, name=f"input{suffix}", source=None)
    except ImportFailure as exc:
        message = str(exc)
        assert message.startswith(f"input{suffix}: ") and "\n" not in message.strip()
        return
    assert loaded.articles or loaded.failures
    for article in loaded.articles:
        assert article.title and article.paragraphs
        assert all(isinstance(p, str) for p in article.paragraphs)
        assert set(article.pull_quotes) <= set(article.paragraphs)


@SETTINGS
@given(hostile_text)
def test_plaintext_parser_keeps_the_text(text):
    try:
        article = parse_plaintext(text)
    except ValueError:
        assert not text.strip()
        return
    body = "".join(article.paragraphs).split()
    assert body, text
    assert "".join(body) in "".join(text.split())  # every kept word comes from the text, in order


@SETTINGS
@given(hostile_text, st.sampled_from(["ar", "en", "fr"]))
def test_sentences_are_ordered_spans_of_the_text(text, lang):
    sentences = split_sentences(text, lang)
    end = 0
    for sentence in sentences:
        assert end <= sentence.start < sentence.end <= len(text)
        assert sentence.text == " ".join(text[sentence.start : sentence.end].split())
        assert sentence.text.strip()
        end = sentence.end


@SETTINGS
@given(hostile_text, languages)
def test_extraction_never_fails_and_is_json(text, lang):
    result = analyze(text, lang, summary=False)
    json.dumps(result.to_json())


@SETTINGS
@given(
    hostile_text,
    st.integers(min_value=1, max_value=5),
    st.sampled_from(METHODS),
    st.sampled_from([None, "ar", "en", "pl", "cs", "de"]),
)
def test_summary_chooses_real_sentences_quietly(text, count, method, language):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning would be a stray line on the user's stderr
        summary = summarize_text(text, count=count, method=method, language=language)
    assert len(summary.chosen) <= count
    for chosen in summary.chosen:
        sentence = summary.sentences[chosen.index]
        assert (chosen.start, chosen.end) == (sentence.start, sentence.end)
        assert chosen.text == sentence.text
        assert math.isfinite(chosen.score)


@SETTINGS
@given(hostile_text, st.integers(min_value=1, max_value=100), st.sampled_from(["app", "terminal"]))
def test_rendered_lines_hold_no_control_and_fit(text, width, mode):
    for line in render_text(text, width, mode=mode):
        assert not FORBIDDEN.search(line), repr(line)
        assert cell_width(line) <= max(width, 1) or len(line) <= 2  # a double-width glyph in 1 column


@SETTINGS
@given(hostile_text, st.booleans())
def test_sanitized_text_is_safe_idempotent_and_keeps_clean_text(text, one_line):
    safe = for_terminal(text, one_line=one_line)
    assert is_terminal_safe(safe) and not FORBIDDEN.search(safe)
    assert for_terminal(safe, one_line=one_line) == safe
    if one_line:
        assert "\n" not in safe
    if is_terminal_safe(text) and not one_line:
        assert safe == text
    for mark in "\u200e\u200f\u061c":  # the marks Arabic text needs are kept
        assert text.count(mark) == safe.count(mark)


@SETTINGS
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | hostile_text,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
        max_leaves=20,
    )
)
def test_escaped_json_means_the_same_and_holds_no_raw_control(value):
    document = escape_json(json.dumps(value, ensure_ascii=False))
    assert json.loads(document) == value
    assert not FORBIDDEN.search(document) and "\u2028" not in document and "\u2029" not in document


def _element(tag: str, text: str) -> str:
    return f"<{tag}>{text}</{tag}>"


xml_text = hostile_text.map(lambda t: t.replace("&", "&amp;").replace("<", "&lt;"))
feed_entries = st.lists(
    st.tuples(xml_text, xml_text, st.sampled_from(["description", "content:encoded", "summary"])), max_size=6
)


@SETTINGS
@given(feed_entries, st.sampled_from(["rss", "atom"]), st.booleans())
def test_generated_feeds_load_or_fail_with_one_line(entries, kind, cut):
    """Feeds with hostile titles and bodies (and cut off anywhere when ``cut``): articles or one line."""
    if kind == "rss":
        items = "".join(f"<item>{_element('title', t)}{_element(tag, b)}</item>" for t, b, tag in entries)
        document = f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>'
    else:
        items = "".join(f"<entry>{_element('title', t)}{_element('summary', b)}</entry>" for t, b, _ in entries)
        document = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>f</title>{items}</feed>'
    data = document.encode("utf-8", "surrogatepass")
    if cut:
        data = data[: len(data) // 2]
    try:
        loaded = from_bytes(data, name="feed.xml", source=None)
    except ImportFailure as exc:
        assert "\n" not in str(exc).strip()
        return
    for article in loaded.articles:
        assert article.title and article.paragraphs
    assert all("\n" not in failure for failure in loaded.failures)


html_tags = st.sampled_from(["p", "div", "article", "span", "b", "table", "td", "li", "script", "h1", "br", "nav"])
html_tree = st.recursive(
    hostile_text.map(lambda t: t.replace("<", "&lt;")),
    lambda inner: st.tuples(html_tags, st.lists(inner, max_size=4), st.booleans()).map(
        lambda x: f"<{x[0]}>{''.join(x[1])}" + ("" if x[2] else f"</{x[0]}>")  # unclosed tags too
    ),
    max_leaves=30,
)


@SETTINGS
@given(html_tree)
def test_generated_pages_load_or_fail_with_one_line(body):
    page = f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"
    try:
        loaded = from_bytes(page.encode("utf-8", "surrogatepass"), name="page.html", source=None)
    except ImportFailure as exc:
        assert "\n" not in str(exc).strip()
        return
    for article in loaded.articles:
        assert article.title and article.paragraphs
