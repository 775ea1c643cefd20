"""Durability of the library under ``kill -9`` and concurrent writers, with the real ``newsread add``.

* ``newsread add`` of thousands of articles is killed (SIGKILL, its worker processes too) at random
  moments, again and again: each time ``PRAGMA integrity_check`` is ok, every stored article is whole
  (all its paragraphs, searchable), nothing is stored twice, and a last run finishes the job.
* Two imports into one library at once, and the app open on the library during an import: no article
  lost, none twice, no "database is locked" reaching the user.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time

from articles.importers.samples import sample_articles
from articles.samples import sample_names
from articles.store import Library
from tests.conftest import ROOT

ARTICLES = 5000
KILLS = 6
_TITLE = re.compile(r"^Story (\d{5}) in (\d) parts$")


def paragraph(story: int, part: int) -> str:
    return f"Paragraph {part} of story {story:05d}: the council met on Monday and agreed the harbour budget."


def write_corpus(directory, stories: range) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for story in stories:
        parts = 1 + story % 4
        body = "\n\n".join(paragraph(story, part) for part in range(parts))
        (directory / f"s{story:05d}.txt").write_text(f"Story {story:05d} in {parts} parts\n\n{body}\n")


def start_add(library, *refs, env_extra: dict | None = None) -> subprocess.Popen:
    """``newsread add`` in its own process group (its import workers are killed with it)."""
    env = {**os.environ, "NEWSREAD_LIBRARY": str(library), **(env_extra or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "tui.entry", "add", *map(str, refs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )


def wait_for_first_story(path, proc: subprocess.Popen, limit_s: float = 120) -> None:
    """Block until ``newsread add`` has committed a story: evidence that the import is under way,
    where a fixed delay is too short on a loaded machine (it had not even started importing)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline and proc.poll() is None:
        if os.path.exists(path):
            try:
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.1)
                try:
                    if conn.execute("SELECT 1 FROM articles WHERE title LIKE 'Story %' LIMIT 1").fetchone():
                        return
                finally:
                    conn.close()
            except sqlite3.Error:
                pass  # the schema is not committed yet
        time.sleep(0.01)
    raise AssertionError("newsread add never committed a story")


def check_library(path) -> dict[int, int]:
    """Integrity, wholeness and no duplicates; {story number: article id} of the stories stored."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    stories: dict[int, int] = {}
    with Library(path) as library:
        assert library.conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0] == library.count()
        for row in library.rows(limit=100_000):
            match = _TITLE.match(row.title)
            if not match:
                continue
            story, parts = int(match.group(1)), int(match.group(2))
            assert story not in stories, f"story {story} stored twice"
            article = library.get(row.id)
            assert article.paragraphs == tuple(paragraph(story, part) for part in range(parts)), story
            stories[story] = row.id
        samples = library.count() - len(stories)
    assert samples in (0, len(sample_names()))
    return stories


def timed_full_import(corpus, library) -> float:
    start = time.monotonic()
    proc = start_add(library, corpus)
    proc.communicate(timeout=120)
    assert proc.returncode == 0
    return time.monotonic() - start


def test_kill_9_at_random_moments_then_finish(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, range(ARTICLES))
    full = timed_full_import(corpus, tmp_path / "scratch.db")  # how long a whole import takes here
    library = tmp_path / "lib.db"
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    stored = [0]
    mid = 0  # kills that found the import still running
    for kill in range(KILLS):
        proc = start_add(library, corpus)  # a re-run goes through the duplicates as fast: aim anywhere in a run
        time.sleep(rng.uniform(0.15, full * 1.1))
        mid += proc.poll() is None
        with contextlib.suppress(ProcessLookupError):  # it may just have finished
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)
        stored.append(len(check_library(library)) if library.exists() else 0)
        assert stored == sorted(stored), (seed, kill, stored)  # nothing stored earlier is lost
    proc = start_add(library, corpus)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, (seed, err.decode())
    assert err.decode() == ""
    added, skipped = map(int, re.match(r"added (\d+), skipped (\d+)", out.decode()).groups())
    assert added + skipped == ARTICLES
    assert skipped == stored[-1]
    assert sorted(check_library(library)) == list(range(ARTICLES))
    print(f"durability: seed {seed}, full import {full:.2f} s, {KILLS} kills ({mid} mid-import), stored: {stored[1:]}")


def test_kill_9_of_add_alone_leaves_no_worker_behind_and_no_traceback(tmp_path):
    """Only ``newsread add`` is killed (as ``kill -9 PID`` does): its import workers die with it, silently."""
    corpus = tmp_path / "corpus"
    write_corpus(corpus, range(ARTICLES))
    proc = start_add(tmp_path / "lib.db", corpus)
    wait_for_first_story(tmp_path / "lib.db", proc)  # the workers are still parsing and sending articles back
    proc.kill()
    start = time.monotonic()
    _, err = proc.communicate(timeout=30)  # returns once every worker holding the pipe is gone
    assert time.monotonic() - start < 5
    assert b"Traceback" not in err and b"Error" not in err, err.decode()[-500:]
    check_library(tmp_path / "lib.db")


def test_two_imports_at_once_lose_nothing_and_store_nothing_twice(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    write_corpus(first, range(0, 2500))
    write_corpus(second, range(1500, 4000))  # 1000 stories in both
    library = tmp_path / "lib.db"
    procs = [start_add(library, first), start_add(library, second)]
    results = [proc.communicate(timeout=120) for proc in procs]
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err.decode()
        assert "locked" not in err.decode() and "busy" not in err.decode()
    added = [int(re.match(rb"added (\d+)", out).group(1)) for out, _ in results]
    assert sum(added) == 4000
    assert sorted(check_library(library)) == list(range(4000))


async def test_app_open_while_an_import_runs(tmp_path):
    from tui.app import NewsreadApp

    corpus = tmp_path / "corpus"
    write_corpus(corpus, range(3000))
    path = tmp_path / "lib.db"
    library = Library(path)
    library.seed_once(sample_articles)
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=(100, 30)) as pilot:
            proc = start_add(path, corpus)
            keys = ["j", "j", "enter", "r", "s", "escape", "k", "enter", "escape", "G", "g"]
            deadline = time.monotonic() + 60
            while proc.poll() is None and time.monotonic() < deadline:
                for key in keys:  # reading, marking read and starring write to the library too
                    await pilot.press(key)
                await pilot.pause(0.05)
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err.decode()
            assert err.decode() == "" and out.decode().startswith("added 3000,")
            assert app.is_running
            await pilot.app.workers.wait_for_complete()
        assert sorted(check_library(path)) == list(range(3000))
    finally:
        library.close()


def _open_new_library_after(barrier, path: str, errors) -> None:
    barrier.wait()
    try:
        Library(path).close()
    except Exception as exc:  # reported to the parent, which fails the test
        errors.put(f"{type(exc).__name__}: {exc}")


def test_processes_creating_the_same_library_at_once_all_open_it(tmp_path):
    """Each opener must see the new library whole: its tables, version and id from one snapshot."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    errors = context.Queue()
    for round_number in range(60):
        path = str(tmp_path / f"lib{round_number}.db")
        barrier = context.Barrier(4)
        openers = [context.Process(target=_open_new_library_after, args=(barrier, path, errors)) for _ in range(4)]
        for opener in openers:
            opener.start()
        for opener in openers:
            opener.join(timeout=60)
            assert opener.exitcode == 0
    failures = []
    while not errors.empty():
        failures.append(errors.get())
    assert failures == []
