"""Issue 17, feeds: entity declarations in any encoding feedparser reads are refused (17.2); the entry
limit counts entries however their tags are spelt (17.3); a control character in one entry's HTML
costs nothing but that character (17.4)."""

from __future__ import annotations

import pytest

from articles.importers.feeds import UnsafeFeed, parse_feed
from tests.conftest import run_newsread
from tests.hostile import ENTITY_FEED_ENCODINGS, entity_feed


@pytest.mark.parametrize("encoding", ENTITY_FEED_ENCODINGS)
def test_entity_declarations_are_refused_in_every_encoding(encoding):
    with pytest.raises(UnsafeFeed):
        parse_feed(entity_feed(encoding), source="feed.xml")


@pytest.mark.parametrize("encoding", ENTITY_FEED_ENCODINGS)
def test_an_ordinary_feed_in_those_encodings_still_imports(encoding):
    loaded = parse_feed(entity_feed(encoding, entity=False), source="feed.xml")
    assert [a.title for a in loaded.articles] == ["Entity story"]
    assert "minister" in loaded.articles[0].paragraphs[0]


def test_an_ebcdic_quadratic_blowup_is_one_line_and_stores_nothing(tmp_path):
    feed = tmp_path / "ebcdic.xml"
    feed.write_bytes(entity_feed("cp037", references=20_000, size=2000))  # 40 MB once expanded
    result = run_newsread("add", str(feed), env={"NEWSREAD_LIBRARY": str(tmp_path / "lib.db")})
    assert result.returncode == 1
    assert result.stdout.decode().strip() == "added 0, skipped 0 duplicates, failed 1"
    assert "declares XML entities" in result.stderr.decode()


def many_entries(count: int, tag: str) -> bytes:
    if tag.lower() == "entry":
        items = "".join(f"<{tag}><title>T{i}</title><summary>Body {i}.</summary></{tag}>" for i in range(count))
        return f'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{items}</feed>'.encode()
    items = "".join(f"<{tag}><title>T{i}</title><description>Body {i}.</description></{tag}>" for i in range(count))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


@pytest.mark.parametrize("tag", ["item", "ITEM", "Item", "entry", "ENTRY", "Entry"])
def test_the_entry_limit_counts_entries_in_any_case(monkeypatch, tag):
    from articles.importers import feeds

    monkeypatch.setattr(feeds, "MAX_ENTRIES", 20)
    assert len(parse_feed(many_entries(20, tag), source="f.xml").articles) == 20
    with pytest.raises(feeds.TooManyEntries, match="21 entries"):
        parse_feed(many_entries(21, tag), source="f.xml")


def test_an_upper_case_feed_over_the_real_limit_is_refused_quickly(tmp_path):
    from articles.importers.feeds import MAX_ENTRIES

    feed = tmp_path / "upper.xml"
    feed.write_bytes(many_entries(MAX_ENTRIES + 1, "ITEM"))
    result = run_newsread("add", str(feed), env={"NEWSREAD_LIBRARY": str(tmp_path / "lib.db")})
    assert result.returncode == 1 and f"more than {MAX_ENTRIES}" in result.stderr.decode()


def test_controls_inside_entries_cost_only_themselves():
    from tests.hostile import XML_INCOMPATIBLE, XML_INCOMPATIBLE_REFERENCES, feed_with_control_entries, leaks

    # Raw controls are not XML: feedparser's loose parser reads such a feed; references are, but become controls.
    for controls in (XML_INCOMPATIBLE, XML_INCOMPATIBLE_REFERENCES):
        loaded = parse_feed(feed_with_control_entries(controls), source="f.xml")
        assert loaded.failures == []
        assert len(loaded.articles) == len(controls) + 1
        for n, article in enumerate(loaded.articles[1:]):
            assert article.paragraphs[0].startswith(f"Entry {n} keeps its words")
            assert article.paragraphs[0].endswith("around the control.")
            assert article.paragraphs[1] == "Second paragraph."
            assert not leaks(" ".join(article.paragraphs).replace("\x85", ""))


@pytest.mark.parametrize("snippet", ["&#27;", "&#x1b;", "&#0;", "\x1b[31m", "&#8;&#x7;", "\x0b"])
def test_a_page_with_a_control_is_read_without_it(snippet):
    from articles.importers.html import parse_html_page
    from tests.hostile import leaks, page_with

    article = parse_html_page(page_with(snippet), url="http://example.test/p")
    assert article.title == "Harbour news"
    last = article.paragraphs[-1]
    assert last.startswith("The ferry") and last.endswith("sailed at noon."), article.paragraphs
    assert not leaks(last)


def test_a_page_keeps_references_that_are_not_controls():
    from articles.importers.html import strip_controls

    kept = "&#9; &#10; &#13; &#x9; &#xA; &#xd; &#127; &#123; &#x1F600; &amp;#27; &#27x"
    assert strip_controls(kept) == kept.replace("&#27x", "x")  # "&#27" without ";" still is a reference


def test_an_entry_that_cannot_be_read_is_reported_and_the_others_are_kept(monkeypatch):
    from articles.importers import feeds
    from tests.hostile import feed_with_control_entries

    real = feeds.fragment_paragraphs

    def fussy(fragment: str) -> list[str]:
        if "Entry 1 " in fragment:
            raise ValueError("All strings must be XML compatible")
        return real(fragment)

    monkeypatch.setattr(feeds, "fragment_paragraphs", fussy)
    loaded = parse_feed(feed_with_control_entries(["a", "b", "c"]), source="f.xml")
    assert len(loaded.articles) == 3
    assert loaded.failures == ["entry 'Control entry 1': All strings must be XML compatible"]
