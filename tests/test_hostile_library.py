"""Every command on a library file that is not ours to change: garbage, a truncated or scrambled library,
another program's database, a newer schema, a read-only file, a directory. One line on stderr, a non-zero
exit, and the file (and its folder) byte-for-byte as it was: never recreated, never migrated."""

from __future__ import annotations

import os
import sqlite3

import pytest

from articles.model import Article
from articles.schema import SCHEMA_VERSION
from articles.store import Library
from tests.hostile import FILLER_EN
from tui.entry import main


def make_real(path) -> None:
    with Library(path) as library:
        for n in range(30):
            library.add(Article(title=f"Story {n}", paragraphs=(f"{FILLER_EN} {n}",)))
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def garbage(path) -> None:
    path.write_bytes(b"not a database at all\n" * 50)


def truncated(path) -> None:
    make_real(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def scrambled(path) -> None:
    make_real(path)
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 997):  # every page but the header's
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def other_program(path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (name TEXT, balance REAL)")
    conn.execute("INSERT INTO accounts VALUES ('a', 1.0)")
    conn.commit()
    conn.close()


def newer_schema(path) -> None:
    make_real(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def header_only(path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)


KINDS = {
    "garbage": garbage,
    "truncated": truncated,
    "scrambled": scrambled,
    "other-program": other_program,
    "newer-schema": newer_schema,
    "header-only": header_only,
}

COMMANDS = [
    ["list"],
    ["list", "-f", "json"],
    ["show", "1"],
    ["search", "story"],
    ["add", "{article}"],
    ["rm", "1"],
    ["mark", "1", "--read"],
    ["export"],
    ["summarize", "@1"],
    ["extract", "@1"],
]


def folder_state(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("kind", KINDS)
def test_every_command_refuses_the_file_with_one_line_and_leaves_it(kind, tmp_path, capsys):
    folder = tmp_path / "lib"
    folder.mkdir()
    path = folder / "lib.db"
    KINDS[kind](path)
    for leftover in folder.glob("lib.db-*"):
        leftover.unlink()  # what the builder's own connection left behind
    article = tmp_path / "article.txt"
    article.write_text(f"A headline\n\n{FILLER_EN}\n")
    before = folder_state(folder)
    for command in COMMANDS:
        args = [a.format(article=article) for a in command]
        code = main(["--library", str(path), *args])
        out, err = capsys.readouterr()
        assert code != 0, (kind, args)
        assert out == "", (kind, args, out)
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("newsread: "), (kind, args, err)
        assert str(path) in lines[0] and "Traceback" not in err
        assert folder_state(folder) == before, (kind, args)  # no byte changed, no -wal/-shm/journal left


def test_read_only_library_every_command_one_line_untouched(tmp_path, capsys, monkeypatch):
    path = tmp_path / "lib.db"
    make_real(path)
    for leftover in tmp_path.glob("lib.db-*"):
        leftover.unlink()
    path.chmod(0o444)
    before = folder_state(tmp_path)
    real_access = os.access  # tests run as root, who may write anyway: the check is by mode
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode == os.W_OK else real_access(p, mode, **kw))
    for command in COMMANDS[:4] + COMMANDS[5:8]:
        code = main(["--library", str(path), *command])
        out, err = capsys.readouterr()
        assert code == 1 and out == "" and len(err.splitlines()) == 1 and "read-only" in err, (command, err)
    assert folder_state(tmp_path) == before


def test_a_directory_as_library_is_one_line(tmp_path, capsys):
    for command in COMMANDS[:4]:
        code = main(["--library", str(tmp_path), *command])
        out, err = capsys.readouterr()
        assert code == 1 and out == "" and len(err.splitlines()) == 1 and "directory" in err


@pytest.mark.parametrize("kind", ["garbage", "newer-schema"])
def test_the_app_refuses_the_file_with_one_line_and_leaves_it(kind, tmp_path):
    from tests.test_hostile_cli import run_in_terminal

    path = tmp_path / "lib.db"
    KINDS[kind](path)
    for leftover in tmp_path.glob("lib.db-*"):
        leftover.unlink()
    before = folder_state(tmp_path)
    output = run_in_terminal("--library", str(path), env={}, timeout=30)
    lines = [line for line in output.replace("\r\n", "\n").splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("newsread: ") and str(path) in lines[0], output
    assert folder_state(tmp_path) == before
