"""Issue 17.1: metadata (language, dates) is article data too. Importers keep only a language tag and
real dates; the CLI, JSON and the app never draw what an older library may still hold raw."""

from __future__ import annotations

import json

import pytest

from articles.metadata import language_tag, valid_date
from articles.model import Article
from articles.store import Library
from tests.conftest import run_newsread
from tests.hostile import (
    FILLER_EN,
    METADATA_PAYLOADS,
    hostile_metadata_export,
    hostile_metadata_feed,
    leaks,
)
from tests.test_hostile_app import screen_text


@pytest.mark.parametrize("value", ["en", "ar-EG", "zh_Hant_TW", " fr "])
def test_language_tags_are_kept(value):
    assert language_tag(value) == value.strip()


@pytest.mark.parametrize(
    "value",
    [
        "2004",
        "2004-12",
        "2004-12-05",
        "2004-12-05T10:30:00+00:00",
        "2024-01-01 08:00Z",
        "Mon, 01 Jan 2024 00:00:00 GMT",
    ],
)
def test_valid_dates_are_kept(value):
    assert valid_date(value) == value


@pytest.mark.parametrize("value", [p for _, p in METADATA_PAYLOADS] + ["2004-02-30", "2004-13", "yesterday", ""])
def test_anything_else_is_dropped(value):
    assert language_tag(value) is None
    assert valid_date(value) is None


def test_add_keeps_no_hostile_metadata_and_no_output_shows_any(tmp_path):
    library = tmp_path / "lib.db"
    env = {"NEWSREAD_LIBRARY": str(library)}
    files = []
    for number, (_, payload) in enumerate(METADATA_PAYLOADS):
        feed = tmp_path / f"feed{number}.xml"
        feed.write_bytes(hostile_metadata_feed(payload))
        files.append(str(feed))
    (tmp_path / "export.json").write_text(hostile_metadata_export())
    files.append(str(tmp_path / "export.json"))
    result = run_newsread("add", *files, env=env)
    assert result.returncode == 0, result.stderr.decode()
    with Library(library) as lib:
        rows = lib.rows(limit=1000)
    ours = [r for r in rows if "Metadata" in r.title]
    assert len(ours) == len(METADATA_PAYLOADS) + 1  # the feeds share one text: one article, the rest duplicates
    for row in ours:
        assert row.language in ("en", None), row.language  # dropped, then detected again
        assert row.published is None or not leaks(row.published)
        assert not leaks(row.imported) and row.imported[:4].isdigit()
    for args in (["list"], ["list", "--format", "json"], ["export"], ["export", "--format", "markdown"]):
        out = run_newsread(*args, env=env)
        assert out.returncode == 0 and not leaks(out.stdout.decode()), args
    listed = [json.loads(line) for line in run_newsread("list", "-f", "json", env=env).stdout.decode().splitlines()]
    assert all(not leaks(str(entry["language"])) and not leaks(str(entry["published"])) for entry in listed)


async def test_app_list_never_draws_raw_metadata_of_an_older_library(tmp_path):
    """A library filled before import checks existed still holds the raw values: the list sanitizes them."""
    from tui.app import NewsreadApp

    library = Library(tmp_path / "lib.db")
    try:
        for number, (_, payload) in enumerate(METADATA_PAYLOADS):
            library.add(
                Article(
                    title=f"Old story {number}",
                    paragraphs=(f"{FILLER_EN} {number}",),
                    language=payload,
                    published=payload,
                    imported=f"2024-01-0{1 + number}{payload}",
                )
            )
        app = NewsreadApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "Old story 0" in text
            assert not leaks(text), leaks(text)[:5]
            for _ in METADATA_PAYLOADS:
                await pilot.press("j")
                await pilot.pause()
                assert not leaks(screen_text(app))
    finally:
        library.close()


def test_a_lone_surrogate_in_an_export_fails_that_file_only(tmp_path):
    from tests.hostile import export_with_lone_surrogate

    fields = ["title", "kicker", "paragraphs", "source", "tags"]
    files = []
    for n, field in enumerate(fields):
        good = tmp_path / f"good{n}.txt"
        good.write_text(f"Good story {n}\n\n{FILLER_EN} Number {n}.\n")
        bad = tmp_path / f"bad-{field}.json"
        bad.write_text(export_with_lone_surrogate(field))
        files += [str(good), str(bad)]
    pair = tmp_path / "pair.json"  # an escaped surrogate *pair* is one real character: fine
    pair.write_text(
        '{"format": "newsread-export", "version": 1, "articles": [{"title": "Smile \\ud83d\\ude00",'
        f' "paragraphs": ["{FILLER_EN}"]}}]}}'
    )
    result = run_newsread("add", *files, str(pair), env={"NEWSREAD_LIBRARY": str(tmp_path / "lib.db")})
    err = result.stderr.decode().splitlines()
    assert result.returncode == 1 and "Traceback" not in result.stderr.decode()
    assert result.stdout.decode().strip() == f"added {len(fields) + 1}, skipped 0 duplicates, failed {len(fields)}"
    assert len(err) == len(fields)
    for line, field in zip(err, fields, strict=True):
        assert f"bad-{field}.json: article 1: '{field}' is not valid text (a lone surrogate" in line, line
    with Library(tmp_path / "lib.db") as library:
        titles = {row.title for row in library.rows(limit=100)}
    assert {f"Good story {n}" for n in range(len(fields))} | {"Smile \U0001f600"} <= titles
