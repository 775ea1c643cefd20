"""Bad input for ``newsread add`` (and summarize/extract): one clear line per bad item, a non-zero exit,
bounded time and memory, and the library unchanged for what failed. Every file is generated in tmp_path."""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.hostile import FILLER_EN

# Runs the CLI in-process and reports its peak memory (KiB) and CPU seconds on the last stderr line:
# CPU time, because a loaded machine stretches wall time two or three times.
MEASURED = """
import resource, sys
from tui.entry import main
code = main(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_SELF)
print("MAXRSS", usage.ru_maxrss, usage.ru_utime + usage.ru_stime, file=sys.stderr)
sys.exit(code)
"""
MAX_RSS_KB = 400 * 1024  # the biggest bad file is 200 MB: never read whole, never expanded


def run_measured(*args: str, library, timeout: float = 300, stdin: bytes | None = None):
    """(returncode, stdout, stderr lines without the measurement, peak KiB, CPU seconds).

    ``timeout`` is wall time, only there to stop a hang."""
    env = {"NEWSREAD_LIBRARY": str(library), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-c", MEASURED, *args], capture_output=True, env=env, timeout=timeout, cwd=ROOT, input=stdin
    )
    lines = proc.stderr.decode().splitlines()
    assert lines and lines[-1].startswith("MAXRSS "), proc.stderr.decode()[-2000:]
    _, rss, cpu = lines[-1].split()
    return proc.returncode, proc.stdout.decode(), lines[:-1], int(rss), float(cpu)


def library_state(path) -> str:
    """A digest of every stored article row and search entry (what a failed import must not change)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT * FROM articles ORDER BY id").fetchall()
        fts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()
    finally:
        conn.close()
    return hashlib.sha256(repr((rows, fts)).encode()).hexdigest()


def billion_laughs() -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(entities)}]>'
        '<rss version="2.0"><channel><title>t</title><item><title>&lol9;</title>'
        "<description>&lol9;</description></item></channel></rss>"
    )


def external_entity(target: str) -> str:
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{target}">]>'
        '<rss version="2.0"><channel><title>t</title><item><title>x</title>'
        "<description>&xxe;</description></item></channel></rss>"
    )


def feed_with_items(count: int) -> bytes:
    item = (
        "<item><title>Item {0}</title><link>http://example.test/{0}</link><description>Body {0}.</description></item>"
    )
    return (
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>')
        + "".join(item.format(i) for i in range(count)).encode()
        + b"</channel></rss>"
    )


def make_bad_files(directory) -> dict[str, str]:
    """{file name: words its error line must contain}, the files written into ``directory``."""
    rng = random.Random(7)
    secret = directory / "secret.txt"
    secret.write_text("TOPSECRETVALUE\n")
    files: dict[str, tuple[bytes, str]] = {
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"  \n\t\n   \r\n\n", "whitespace"),
        "random.txt": (rng.randbytes(100_000), "binary"),
        "nul.txt": (FILLER_EN.encode() + b"\x00" + FILLER_EN.encode(), "binary"),
        "undecodable.txt": (bytes(rng.choice(range(0x80, 0x100)) for _ in range(3000)), ""),
        "random.html": (rng.randbytes(50_000), ""),
        "nested.html": (
            ("<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>").encode(),
            "no article text",
        ),
        "empty-page.html": (b"<html><head><title>t</title></head><body><script>var x=1;</script></body></html>", ""),
        "not-xml.xml": ((FILLER_EN + " <not> xml & at all ").encode() * 20, "feed"),
        "laughs.xml": (billion_laughs().encode(), "entities"),
        "xxe.xml": (external_entity(str(secret)).encode(), "entities"),
        "xxe-param.rss": (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
            b'<rss version="2.0"><channel><item><title>x</title><description>d</description></item></channel></rss>',
            "",
        ),
        "no-entries.xml": (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>', ""),
        "truncated.json": (b'{"format": "newsread-export", "version": 1, "articles": [{"title": "x", ', ""),
        "wrong.json": (b'{"format": "newsread-export", "version": 1, "articles": [{"title": 5}]}', ""),
        "huge-feed.xml": (feed_with_items(100_000), "entries"),
    }
    for name, (data, _) in files.items():
        (directory / name).write_bytes(data)
    with (directory / "huge.txt").open("wb") as handle:  # 200 MB, sparse: quick to make
        handle.truncate(200 * 1024 * 1024)
    return {name: words for name, (_, words) in files.items()} | {"huge.txt": "larger than"}


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    directory = tmp_path_factory.mktemp("bad")
    expected = make_bad_files(directory)
    return directory, expected


@pytest.fixture
def library(tmp_path):
    """A library with the samples and one ordinary article in it, as a user would have."""
    path = tmp_path / "lib.db"
    good = tmp_path / "good.txt"
    good.write_text(f"A good headline\n\n{FILLER_EN}\n\n{FILLER_EN} More.\n")
    code, *_ = run_measured("add", str(good), library=path)
    assert code == 0
    return path


def test_every_bad_file_at_once_one_line_each_library_unchanged(bad, library):
    directory, expected = bad
    before = library_state(library)
    files = [str(directory / name) for name in expected]
    code, out, err, rss, seconds = run_measured("add", *files, library=library)
    assert code == 1
    assert out.strip() == f"added 0, skipped 0 duplicates, failed {len(files)}"
    assert len(err) == len(files), err  # one line per bad file, in the order given
    for line, name in zip(err, expected, strict=True):
        assert line.startswith(f"newsread: {directory / name}"), line
        assert expected[name].lower() in line.lower(), line
    assert "TOPSECRETVALUE" not in "\n".join(err)
    assert library_state(library) == before
    assert rss < MAX_RSS_KB, rss
    assert seconds < 30, seconds


@pytest.mark.parametrize("name", ["huge.txt", "laughs.xml", "huge-feed.xml", "nested.html"])
def test_each_big_bad_file_alone_is_bounded(bad, library, name):
    directory, expected = bad
    before = library_state(library)
    code, _out, err, rss, seconds = run_measured("add", str(directory / name), library=library)
    assert code == 1 and len(err) == 1 and expected[name] in err[0].lower()
    assert library_state(library) == before
    assert rss < MAX_RSS_KB and seconds < 20, (rss, seconds)


def test_good_and_bad_together_good_ones_are_kept(bad, library, tmp_path):
    directory, _expected = bad
    good = [tmp_path / f"good{n}.txt" for n in range(3)]
    for n, path in enumerate(good):
        path.write_text(f"Good story {n}\n\n{FILLER_EN} Number {n}.\n")
    files = [str(good[0]), str(directory / "empty.txt"), str(good[1]), str(directory / "laughs.xml"), str(good[2])]
    code, out, err, *_ = run_measured("add", *files, library=library)
    assert code == 1
    assert out.strip() == "added 3, skipped 0 duplicates, failed 2"
    assert len(err) == 2
    code, out, err, *_ = run_measured("add", *files, library=library)  # again: nothing new, no duplicate
    assert out.strip() == "added 0, skipped 3 duplicates, failed 2"


def test_bad_standard_input_is_one_line(library):
    before = library_state(library)
    for data in (b"", b"\x00\x01\x02" * 1000, b"   \n"):
        code, _out, err, *_ = run_measured("add", "-", library=library, stdin=data)
        assert code == 1 and len(err) == 1 and err[0].startswith("newsread: standard input: ")
    assert library_state(library) == before


@pytest.mark.parametrize("command", ["summarize", "extract"])
def test_summarize_and_extract_refuse_bad_files_one_line_each(bad, library, command):
    directory, _ = bad
    names = ["empty.txt", "blank.txt", "random.txt", "nul.txt", "huge.txt"]
    code, out, err, rss, _ = run_measured(command, *(str(directory / n) for n in names), library=library)
    assert code == 1 and out == ""
    assert len(err) == len(names)
    assert all(line.startswith("newsread: ") and "Traceback" not in line for line in err)
    assert rss < MAX_RSS_KB


def five_million_character_line(rng: random.Random) -> str:
    words = ["the", "minister", "said", "talks", "were", "held", "on", "Monday", "with", "officials", "both"]
    return " ".join(rng.choice(words) for _ in range(900_000))[:5_000_000]


@pytest.mark.parametrize("command", ["add", "summarize", "extract"])
def test_one_five_million_character_line_is_handled_in_bounded_time(tmp_path, library, command):
    path = tmp_path / "line.txt"
    path.write_text(five_million_character_line(random.Random(3)))
    code, _out, err, rss, seconds = run_measured(command, str(path), library=library, timeout=300)
    assert code == 0, err
    if command == "add":
        assert err == []
    else:  # the analysis reads the start of it, and says so (issue 17.11)
        assert len(err) == 1 and "long text: analysed its first" in err[0], err
    assert rss < 1024 * 1024 and seconds < 60, (rss, seconds)  # it used to hang in the sentence splitter


def test_export_json_escapes_controls_and_round_trips(tmp_path):
    """An exported library with controls in it is valid JSON with no raw control, and imports back the same."""
    from tests.hostile import PAYLOADS, hostile_export, leaks

    source = tmp_path / "in.json"
    source.write_text(hostile_export())
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    assert run_measured("add", str(source), library=first)[0] == 0
    code, out, *_ = run_measured("export", library=first)
    assert code == 0 and not leaks(out)
    titles = {a["title"] for a in json.loads(out)["articles"]}
    assert {f"Exported {name} {payload}" for name, payload in PAYLOADS} <= titles
    (tmp_path / "out.json").write_text(out)
    assert run_measured("add", str(tmp_path / "out.json"), library=second)[0] == 0
    again = json.loads(run_measured("export", library=second)[1])["articles"]
    fields = ("title", "kicker", "paragraphs", "source", "tags", "language", "content_hash")
    assert sorted(repr([a[f] for f in fields]) for a in again) == sorted(
        repr([a[f] for f in fields]) for a in json.loads(out)["articles"]
    )
