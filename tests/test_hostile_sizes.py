"""Issue 17, sizes: many paragraphs parse in linear time (17.10); huge articles are bounded everywhere (17.11)."""

from __future__ import annotations

import time

import pytest

from articles.plaintext import parse_plaintext


def test_many_short_paragraphs_parse_in_linear_time():
    text = "Headline here\n\n" + "\n\n".join(f"Para {i} of the text." for i in range(30_000))
    start = time.perf_counter()
    article = parse_plaintext(text)
    assert len(article.paragraphs) == 30_000
    assert time.perf_counter() - start < 3  # 12 s before: the paragraph list was copied for each paragraph


def test_many_pull_quote_candidates_parse_in_bounded_time():
    """Every block is a short line of content words: each one used to be compared with all the others."""
    text = "Headline here\n\n" + "\n\n".join(f"alpha beta gamma {i:06d}" for i in range(20_000))
    start = time.perf_counter()
    parse_plaintext(text)
    assert time.perf_counter() - start < 3  # about 2 minutes before


def test_pull_quotes_are_still_found_within_the_scanned_blocks():
    from articles.plaintext import PULL_QUOTE_SCAN_BLOCKS

    long = "The minister said the new harbour would open next spring after years of delay and debate."
    quote = "harbour would open next spring"
    filler = [f"Note {n}." for n in range(PULL_QUOTE_SCAN_BLOCKS)]
    article = parse_plaintext("\n\n".join(["Headline", long, quote, *filler, long + " Again.", quote + " again"]))
    assert article.pull_quotes == (quote,)  # the one past the scanned blocks is an ordinary paragraph


def big_text(characters: int, *, paragraphs: bool = True) -> str:
    """News-like English at random: many paragraphs, or one line."""
    import random

    rng = random.Random(5)
    words = [
        "the",
        "minister",
        "said",
        "talks",
        "were",
        "held",
        "on",
        "Monday",
        "with",
        "officials",
        "from",
        "both",
        "sides",
        "in",
        "Geneva",
    ]
    sentences = []
    size = 0
    while size < characters:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 20))).capitalize() + "."
        sentences.append(sentence)
        size += len(sentence) + 1
    if not paragraphs:
        return " ".join(sentences)[:characters]
    return "A long headline\n\n" + "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))


def test_the_analysis_reads_at_most_its_limit_and_ends_at_a_break():
    from summarize.analysis import ANALYSIS_MAX_CHARS, analysed_part

    short = big_text(ANALYSIS_MAX_CHARS // 2)
    assert analysed_part(short) is short
    for text in (big_text(3 * ANALYSIS_MAX_CHARS), big_text(3 * ANALYSIS_MAX_CHARS, paragraphs=False)):
        part = analysed_part(text)
        assert ANALYSIS_MAX_CHARS // 2 < len(part) <= ANALYSIS_MAX_CHARS
        assert text.startswith(part) and text[len(part)] in " \n"
    assert analysed_part("x" * (3 * ANALYSIS_MAX_CHARS)) == "x" * ANALYSIS_MAX_CHARS  # no break at all


def test_analyze_spans_point_into_the_whole_text():
    from summarize.analysis import ANALYSIS_MAX_CHARS, analyze

    text = big_text(2 * ANALYSIS_MAX_CHARS)
    result = analyze(text, "en", extraction=False)
    assert result.sentences and all(text[s.start : s.end] == s.text for s in result.sentences)
    assert all(s.end <= ANALYSIS_MAX_CHARS for s in result.sentences)


@pytest.mark.parametrize("command", ["summarize", "extract"])
def test_summarize_and_extract_of_a_long_text_are_bounded_and_say_so(tmp_path, command):
    from tests.test_hostile_files import run_measured

    path = tmp_path / "long.txt"
    path.write_text(big_text(2_000_000))
    code, out, err, rss, seconds = run_measured(command, str(path), library=tmp_path / "lib.db", timeout=120)
    assert code == 0 and out.strip(), err
    assert len(err) == 1 and f"{path}: long text: analysed its first" in err[0] and "of 2,0" in err[0], err
    assert seconds < 30 and rss < 400 * 1024, (seconds, rss)


def test_add_refuses_an_article_over_the_limit_in_one_line(tmp_path):
    from articles.metadata import MAX_ARTICLE_CHARS
    from tests.test_hostile_files import run_measured

    path = tmp_path / "huge.txt"
    path.write_text(big_text(MAX_ARTICLE_CHARS + 1000, paragraphs=False))
    code, out, err, rss, seconds = run_measured("add", str(path), library=tmp_path / "lib.db", timeout=120)
    assert code == 1 and out.strip() == "added 0, skipped 0 duplicates, failed 1"
    assert len(err) == 1 and "article too long" in err[0] and "5,000,000" in err[0], err
    assert seconds < 20 and rss < 400 * 1024, (seconds, rss)


def test_a_feed_entry_over_the_limit_costs_only_itself(monkeypatch):
    from articles.importers import feeds
    from articles.metadata import MAX_ARTICLE_CHARS

    body = big_text(MAX_ARTICLE_CHARS + 10, paragraphs=False)
    items = f"<item><title>Huge</title><description>{body}</description></item>"
    items += "<item><title>Small</title><description>A small entry of the feed.</description></item>"
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    loaded = feeds.parse_feed(feed.encode(), source="f.xml")
    assert [a.title for a in loaded.articles] == ["Small"]
    assert len(loaded.failures) == 1 and "article too long" in loaded.failures[0]


async def test_the_reader_opens_a_huge_article_at_once_and_says_what_it_leaves_out(tmp_path):
    from articles.model import Article
    from articles.store import Library
    from tests.app_support import settle
    from tests.test_hostile_app import screen_text
    from tui.app import NewsreadApp
    from tui.widgets.reader import READER_MAX_CHARS, ReaderView

    text = big_text(3_000_000)
    paragraphs = tuple(text.split("\n\n")[1:])
    arabic_line = "التقى وزير الخارجية كمال العابد بنظيره سالم بركات في العاصمة. " * 5000  # one 300,000-character line
    library = Library(tmp_path / "lib.db")
    try:
        library.add(Article(title="Huge story", paragraphs=(arabic_line, *paragraphs), language="en"))
        app = NewsreadApp(library)
        async with app.run_test(size=(160, 48)) as pilot:
            start = time.perf_counter()
            await pilot.press("enter")
            await pilot.pause()
            reader = app.screen.query_one(ReaderView)
            lines = reader.line_texts
            assert time.perf_counter() - start < 10  # laying out all 3.3 million characters took 15 s and more
            assert sum(len(line.strip()) for line in lines) <= READER_MAX_CHARS + 2000
            assert "the reader shows its first" in " ".join(lines[-3:])
            await pilot.press("G")
            await pilot.pause()
            assert lines[-1].strip() in screen_text(app)  # the notice is on screen at the end
            await settle(pilot)  # the analysis is bounded too: the panels fill in, with their notice
            await pilot.press("1")
            await pilot.pause()
            panel = " ".join(line.strip() for line in app.screen.panel("summary").line_texts)
            assert "analysed its first 99,9" in panel, panel[:300]
    finally:
        library.close()


def test_the_analysis_reads_at_most_its_paragraph_limit():
    from summarize.analysis import ANALYSIS_MAX_PARAGRAPHS, analysed_part

    text = "Headline\n\n" + "\n\n".join(f"Para {i} said x." for i in range(3 * ANALYSIS_MAX_PARAGRAPHS))
    part = analysed_part(text)
    assert text.startswith(part) and text[len(part) : len(part) + 2] == "\n\n"
    assert part.count("\n\n") == ANALYSIS_MAX_PARAGRAPHS - 1  # the headline and 999 paragraphs


def test_summarize_of_thousands_of_short_paragraphs_is_bounded_and_says_so(tmp_path):
    from tests.test_hostile_files import run_measured

    path = tmp_path / "many.txt"
    path.write_text("Headline\n\n" + "\n\n".join(f"Para {i} said x." for i in range(5000)))  # 84,000 characters
    code, out, err, _rss, seconds = run_measured("summarize", str(path), library=tmp_path / "lib.db", timeout=120)
    assert code == 0 and out.strip(), err
    assert len(err) == 1 and "long text: analysed its first" in err[0], err
    assert seconds < 40, seconds  # 2 ms a paragraph in the splitter: 5,000 took over 10 s on a busy machine
