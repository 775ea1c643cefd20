"""Hostile library files and rough conditions: refused with one line and left byte-for-byte as they were."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from articles.importers.samples import sample_articles
from articles.model import Article
from articles.samples import sample_names
from articles.schema import APPLICATION_ID, SCHEMA_VERSION
from articles.store import Library, LibraryError


def digest(path):
    return path.read_bytes()


def one_line(exc: Exception) -> str:
    text = str(exc)
    assert "\n" not in text and text
    return text


def make_library(path, n=3):
    with Library(path) as library:
        for i in range(n):
            library.add(Article(title=f"T{i}", paragraphs=(f"Paragraph number {i} of the test.",)))
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_text_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some notes, not a database\n" * 20)
    before = digest(path)
    with pytest.raises(LibraryError) as info:
        Library(path)
    assert "not a newsread library" in one_line(info.value)
    assert digest(path) == before
    assert not (tmp_path / "notes.txt-wal").exists()


def test_short_garbage_is_refused(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(b"\x00\x01garbage")
    before = digest(path)
    with pytest.raises(LibraryError):
        Library(path)
    assert digest(path) == before


def test_other_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(LibraryError) as info:
        Library(path)
    assert "another program" in one_line(info.value)
    assert digest(path) == before


def test_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "lib.sqlite3"
    make_library(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = digest(path)
    with pytest.raises(LibraryError) as info:
        Library(path)
    assert "newer newsread" in one_line(info.value)
    assert digest(path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files; checked by mode instead")
def test_read_only_file_is_refused_untouched_nonroot(tmp_path):  # pragma: no cover - CI runs as root
    path = tmp_path / "lib.sqlite3"
    make_library(path)
    path.chmod(0o444)
    with pytest.raises(LibraryError):
        Library(path)


def test_read_only_file_is_refused_untouched(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite3"
    make_library(path)
    path.chmod(0o444)
    before = digest(path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with pytest.raises(LibraryError) as info:
        Library(path)
    assert "read-only" in one_line(info.value)
    assert digest(path) == before


def test_directory_is_refused(tmp_path):
    with pytest.raises(LibraryError) as info:
        Library(tmp_path)
    assert "directory" in one_line(info.value)


def test_truncated_library_gives_one_line_and_is_left_alone(tmp_path):
    path = tmp_path / "lib.sqlite3"
    make_library(path, n=200)
    data = digest(path)
    path.write_bytes(data[: len(data) // 3])
    before = digest(path)
    with pytest.raises(LibraryError) as info, Library(path) as library:
        library.rows(limit=1000)
        library.search("paragraph")
        [library.get(i) for i in library.ids()]
    one_line(info.value)
    assert digest(path) == before


def test_scrambled_pages_give_one_line_and_are_left_alone(tmp_path):
    path = tmp_path / "lib.sqlite3"
    make_library(path, n=200)
    data = bytearray(digest(path))
    for offset in range(8192, len(data), 8192):  # every page but the first: header intact, content garbage
        data[offset : offset + 4000] = os.urandom(4000)
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(LibraryError) as info, Library(path) as library:
        library.count()
        library.rows(limit=1000)
        library.search("paragraph")
    one_line(info.value)
    assert digest(path) == before


def test_empty_file_becomes_a_library(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with Library(path) as library:
        assert library.count() == 0
    assert sqlite3.connect(path).execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def _writer(path: str, worker: int, count: int, queue) -> None:
    try:
        with Library(path) as library:
            for i in range(count):
                library.add_many(
                    [Article(title=f"W{worker}-{i}-{j}", paragraphs=(f"text {worker} {i} {j}",)) for j in range(5)]
                )
        queue.put("ok")
    except Exception as exc:
        queue.put(repr(exc))


def run_in_processes(target, argument_lists: list[tuple]) -> list[str]:
    """Run ``target(*args, queue)`` in one fresh process per argument list; what each put on the queue."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=target, args=(*args, queue)) for args in argument_lists]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
    return results


def test_concurrent_writers_never_see_locked(tmp_path):
    path = str(tmp_path / "lib.sqlite3")
    Library(path).close()
    assert run_in_processes(_writer, [(path, w, 20) for w in range(3)]) == ["ok"] * 3
    with Library(path) as library:
        assert library.count() == 3 * 20 * 5


KILL_SCRIPT = """
import sys
from articles.model import Article
from articles.store import Library
with Library(sys.argv[1]) as library:
    print("ready", flush=True)
    i = 0
    while True:
        library.add_many([Article(title=f"K{i}-{j}", paragraphs=("x " * 50 + str(i), str(j))) for j in range(50)])
        i += 1
"""


def test_kill_9_mid_import_leaves_an_intact_library(tmp_path):
    path = tmp_path / "lib.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(0.8)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Library(path) as library:
        count = library.count()
        assert count % 50 == 0  # whole batches only
        assert count > 0
        docs = library.conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
        assert docs == count  # every stored article is searchable, nothing indexed without its article


def _opener(path: str, worker: int, queue) -> None:
    try:
        with Library(path) as library:
            library.seed_once(sample_articles)
            library.add(Article(title=f"opener {worker}", paragraphs=(f"body {worker}",)))
        queue.put("ok")
    except Exception as exc:
        queue.put(repr(exc))


def test_processes_creating_and_seeding_a_new_library_at_once(tmp_path):
    path = str(tmp_path / "fresh.sqlite3")
    assert run_in_processes(_opener, [(path, w) for w in range(3)]) == ["ok"] * 3
    with Library(path) as library:
        titles = [row.title for row in library.rows(limit=1000)]
    assert sum(t.startswith("opener ") for t in titles) == 3
    assert len(titles) == len(set(titles)) == 3 + len(sample_names())  # the samples exactly once


def test_first_release_library_is_migrated_and_searchable(tmp_path):
    from articles.schema import MIGRATIONS

    path = tmp_path / "v1.sqlite3"
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(
        "INSERT INTO articles (content_hash, title, paragraphs, pull_quotes, language, imported)"
        " VALUES ('h1', 'Old headline', '[\"An old body about harbours.\"]', '[]', 'en', '2020-01-01T00:00:00')"
    )
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Library(path) as library:
        assert library.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        (hit,) = library.search("harbour")
        assert hit.title == "Old headline"
        assert library.get(hit.id).paragraphs == ("An old body about harbours.",)
