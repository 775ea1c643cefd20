"""Issue 17, sizes: many paragraphs parse in linear time (17.10); huge articles are bounded everywhere (17.11)."""

from __future__ import annotations

import time

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
