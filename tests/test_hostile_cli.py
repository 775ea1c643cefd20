"""Hostile articles through the real ``newsread`` binary: ``add``, ``list``, ``show``, ``search``, ``export``,
``summarize`` and ``extract``, to a pipe and to a terminal (a pty). No control from an article reaches
the output; JSON keeps the values but escapes the controls; error lines are safe too."""

from __future__ import annotations

import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from fcntl import ioctl

import pytest

from articles.store import Library
from tests.conftest import ROOT, run_newsread
from tests.hostile import PAYLOADS, TEXT_PAYLOADS, all_payloads_text, hostile_export, hostile_text, leaks
from tui.rendering import BIDI_ENTER, BIDI_EXIT


def hostile_feed(payload: str) -> bytes:
    """An RSS feed whose channel, entry titles, links, categories and bodies all carry ``payload``."""
    esc = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    items = "".join(
        f"<item><title>Entry {n} {esc}</title><link>http://example.test/{n}?{esc}</link>"
        f"<category>tag {esc}</category>"
        f"<description>Body of entry {n} carries {esc} inside a sentence about the town council.</description>"
        "</item>"
        for n in range(3)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {esc}</title>'
        f"{items}</channel></rss>"
    ).encode("utf-8", "surrogatepass")


@pytest.fixture(scope="module")
def hostile_library(tmp_path_factory):
    """A library holding the whole corpus (one file per payload, every payload at once, feeds), imported by the CLI."""
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    for number, (name, payload) in enumerate(TEXT_PAYLOADS):
        (corpus / f"{number:02d}-{name}.txt").write_text(hostile_text(payload, arabic=number % 2 == 1), "utf-8")
    (corpus / "all-en.txt").write_text(all_payloads_text(), "utf-8")
    (corpus / "all-ar.md").write_text(all_payloads_text(arabic=True), "utf-8")
    (corpus / "export.json").write_text(hostile_export(), "utf-8")
    (corpus / "feed.xml").write_bytes(hostile_feed(PAYLOADS[5][1] + PAYLOADS[18][1] + PAYLOADS[21][1]))
    page = f"<html><head><title>Page {PAYLOADS[0][1]}</title></head><body><article>"
    page += "".join(f"<p>Paragraph about the harbour {payload} and the ferry.</p>" for _, payload in TEXT_PAYLOADS)
    (corpus / "page.html").write_text(page + "</article></body></html>", "utf-8")
    env = {"NEWSREAD_LIBRARY": str(root / "lib.db")}
    result = run_newsread("add", str(corpus), env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert not leaks(result.stdout.decode() + result.stderr.decode())
    return env, corpus, root / "lib.db"


def hostile_ids(path) -> list[int]:
    with Library(path) as library:
        return [row.id for row in library.rows(limit=1000) if "sample" not in (row.source or "").lower()]


def assert_clean(result) -> str:
    out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    assert not leaks(out), leaks(out)[:10]
    assert not leaks(err), leaks(err)[:10]
    assert "Traceback" not in err
    return out


def test_corpus_is_really_hostile(hostile_library):
    """The library really stores the controls (or these tests would prove nothing)."""
    _, _, path = hostile_library
    with Library(path) as library:
        texts = [library.get(i).text + library.get(i).title for i in hostile_ids(path)]
    assert len(texts) >= len(TEXT_PAYLOADS) + len(PAYLOADS) + 3
    stored = "".join(texts)
    for char in ("\x1b", "\x9b", "\x07", "\x08", "\x00", "\u202e", "\u2066"):
        assert char in stored


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_list_and_search_to_a_pipe(hostile_library, fmt):
    env, _, _ = hostile_library
    out = assert_clean(run_newsread("list", "-n", "0", "-f", fmt, env=env))
    assert "Headline" in out
    out = assert_clean(run_newsread("search", "paragraph", "-n", "50", "-f", fmt, env=env))
    assert "Headline" in out


def test_show_every_article_in_every_format_to_a_pipe(hostile_library):
    env, _, path = hostile_library
    ids = hostile_ids(path)
    # One process for all of them: the export of every article, then show of a few in each format.
    out = assert_clean(run_newsread("export", *map(str, ids), env=env))
    exported = json.loads(out)["articles"]
    with Library(path) as library:
        for item in exported:  # JSON escapes the controls but keeps every value exactly
            article = library.get(item["id"])
            assert item["title"] == article.title and tuple(item["paragraphs"]) == article.paragraphs
    assert_clean(run_newsread("export", "-f", "markdown", *map(str, ids), env=env))
    for article_id in ids[:2] + ids[-2:]:
        for fmt in ("text", "json", "markdown"):
            out = assert_clean(run_newsread("show", str(article_id), "-f", fmt, env=env))
            assert out.strip()


def test_controls_are_shown_as_pictures_not_dropped_silently(hostile_library):
    env, _, path = hostile_library
    with Library(path) as library:
        every = next(row.id for row in library.rows(limit=1000) if row.title.startswith("Every payload"))
    out = assert_clean(run_newsread("show", str(every), env=env))
    assert "␛[31;1mred␛[0m" in out  # visible: the reader sees that something was there
    assert "␇" in out and "[bold red]loud[/bold red]" in out
    assert "access olleh granted" in out  # the override is gone, the letters stay in logical order


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_summarize_and_extract_every_hostile_file(hostile_library, fmt):
    env, corpus, _ = hostile_library
    files = sorted(str(p) for p in corpus.iterdir() if p.suffix in (".txt", ".md"))
    out = assert_clean(run_newsread("summarize", "-f", fmt, *files, env=env))
    if fmt == "json":
        assert len([json.loads(line) for line in out.splitlines()]) == len(files)
    if fmt != "markdown":
        out = assert_clean(run_newsread("extract", "-f", fmt, *files, env=env))
        if fmt == "json":
            assert len([json.loads(line) for line in out.splitlines()]) == len(files)


def test_error_lines_with_hostile_file_names_are_safe(tmp_path):
    bad = tmp_path / "evil\x1b]0;pwned\x07\u202egnp.txt"
    bad.write_bytes(b"")
    missing = str(tmp_path / "no\x1b[2Jsuch.txt")
    result = run_newsread("add", str(bad), missing, env={"NEWSREAD_LIBRARY": str(tmp_path / "lib.db")})
    assert result.returncode == 1
    err = result.stderr.decode()
    assert_clean(result)
    assert len(err.splitlines()) == 2 and "␛]0;pwned␇" in err


def run_in_terminal(*args: str, env: dict, columns: int = 100, timeout: float = 60) -> str:
    """Run ``newsread`` with stdout on a pseudo-terminal; everything it wrote there."""
    master, slave = pty.openpty()
    ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui.entry", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**os.environ, **env, "COLUMNS": str(columns)},
        cwd=ROOT,
    )
    os.close(slave)
    chunks = []
    try:
        while True:
            ready, _, _ = select.select([master], [], [], timeout)
            if not ready:
                raise TimeoutError(args)
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the other side closed
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
        proc.wait(timeout=timeout)
    return b"".join(chunks).decode("utf-8")


def terminal_leaks(output: str) -> list[str]:
    """Forbidden characters in what went to the terminal, once newsread's own sequences are taken out:
    the pty's CR LF line ends and the VTE bidi guard (CSI 8 l / CSI 8 h)."""
    return leaks(output.replace("\r\n", "\n").replace(BIDI_ENTER, "").replace(BIDI_EXIT, ""))


def test_show_list_search_summarize_extract_to_a_terminal(hostile_library):
    env, corpus, path = hostile_library
    ids = hostile_ids(path)
    commands = [
        ("list", "-n", "0"),
        ("search", "paragraph", "-n", "50"),
        ("summarize", str(corpus / "all-en.txt"), str(corpus / "all-ar.md"), str(corpus / "07-osc8-link.txt")),
        ("extract", str(corpus / "all-en.txt"), str(corpus / "all-ar.md")),
    ] + [("show", str(i)) for i in ids[:4] + ids[-4:]]
    for command in commands:
        output = run_in_terminal(*command, env=env)
        assert output.strip(), command
        assert not terminal_leaks(output), (command, terminal_leaks(output)[:10])
        assert "Traceback" not in output


def test_terminal_check_would_catch_a_leak():
    """The pty helper sees raw bytes: an unsanitized write shows up as a leak."""
    output = run_in_terminal("--help", env={})
    assert not terminal_leaks(output)
    master, slave = pty.openpty()
    os.write(slave, b"a\x1b[31mb\n")
    assert terminal_leaks(os.read(master, 100).decode()) == ["\x1b"]
    os.close(master)
    os.close(slave)


def test_terminal_bidi_mode_gets_no_override_either(hostile_library):
    """With ``--bidi terminal`` the terminal reorders logical text itself: an override left in would flip it."""
    env, corpus, _ = hostile_library
    spoofs = sorted(str(p) for p in corpus.glob("*rlo*.txt"))
    assert len(spoofs) == 2
    for files in ([str(corpus / "all-ar.md")], [*spoofs, str(corpus / "all-en.txt")]):
        output = run_in_terminal("--bidi", "terminal", "summarize", "-r", "1", *files, env=env)
        assert output.strip() and "newsread:" not in output
        assert not terminal_leaks(output), terminal_leaks(output)[:5]


@pytest.mark.parametrize(
    ("command", "status"),
    [
        ("add {folder}", 0),  # six files: the progress bar's own check of stderr
        ("summarize {folder}/a1.txt {folder}/a2.txt {folder}/a3.txt {folder}/a4.txt {folder}/a5.txt", 0),
        ("summarize {folder}/no-such-file.txt", 1),  # an error line, with nowhere to go
        ("export -o {folder}/backup.json", 0),  # the 'exported N articles' line
        ("analyze {folder} --out {folder}/out.jsonl", 0),  # the summary line
    ],
)
def test_with_standard_error_closed_commands_work_and_stdout_carries_no_message(tmp_path, command, status):
    """Started with ``2>&-``, Python has no sys.stderr, and print(file=None) writes to stdout."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(1, 7):
        (folder / f"a{n}.txt").write_text(f"Title {n}\n\nThe body of article number {n}, with a sentence.\n")
    line = f"{sys.executable} -m tui.entry --library {tmp_path / 'lib.db'} {command.format(folder=folder)} 2>&-"
    result = subprocess.run(line, shell=True, cwd=ROOT, capture_output=True, timeout=120)
    assert result.returncode == status
    assert "newsread:" not in result.stdout.decode()
    assert "internal error" not in result.stdout.decode()
