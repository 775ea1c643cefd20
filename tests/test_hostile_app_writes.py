"""Issue 17.6: a write the app cannot make (disk full, another process holding the write lock) is a
one-line notice, never a frozen UI or a crash; a bug is one line and a non-zero status, not a traceback."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from articles.store import LibraryError
from tests.app_support import make_library
from tests.conftest import ROOT
from tests.test_hostile_app import screen_text

HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def unread_flag(library, article_id: int) -> bool:
    return library.get(article_id).read


async def test_r_while_another_process_holds_the_lock_is_a_notice_not_a_freeze(tmp_path):
    from tui.app import NewsreadApp

    library = make_library(tmp_path / "lib.db")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(library.path), "15"], stdout=subprocess.PIPE, cwd=ROOT
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"locked"
        app = NewsreadApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            first = app.screen.article_list.current_row
            start = time.monotonic()
            await pilot.press("r")
            await pilot.pause()
            assert time.monotonic() - start < 5  # a minute before (the default busy timeout), then a crash
            text = screen_text(app)
            assert "Could not mark it read" in text and "busy" in text
            assert app.is_running and not library.get(first.id).read
            holder.kill()
            holder.wait()
            await pilot.press("r")  # later, the lock is free: the same key works
            await pilot.pause()
            assert library.get(first.id).read and app.is_running
    finally:
        holder.kill()
        holder.wait()
        library.close()


@pytest.mark.parametrize("key", ["r", "s", "enter"])
async def test_a_full_disk_is_a_notice_and_the_app_goes_on(tmp_path, monkeypatch, key):
    from tui.app import NewsreadApp

    library = make_library(tmp_path / "lib.db")

    def full(*args: object, **kwargs: object) -> int:
        raise LibraryError(f"{library.path}: the disk is full; nothing was written")

    monkeypatch.setattr(library, "set_read", full)
    monkeypatch.setattr(library, "set_starred", full)
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            assert "the disk is full" in screen_text(app)
            assert app.is_running
            await pilot.press("j", "k")
            assert app.is_running
    finally:
        library.close()


def test_the_app_and_its_workers_wait_briefly_for_a_lock(tmp_path):
    from tui.app import UI_BUSY_TIMEOUT_S, NewsreadApp

    library = make_library(tmp_path / "lib.db")
    try:
        app = NewsreadApp(library)
        assert library.conn.execute("PRAGMA busy_timeout").fetchone()[0] == int(UI_BUSY_TIMEOUT_S * 1000)
        worker_library = app.open_worker_library()
        try:
            assert worker_library.conn.execute("PRAGMA busy_timeout").fetchone()[0] == int(UI_BUSY_TIMEOUT_S * 1000)
        finally:
            worker_library.close()
    finally:
        library.close()


async def test_a_bug_in_the_app_is_one_line_and_a_failure_status(tmp_path, monkeypatch):
    from tui.app import NewsreadApp
    from tui.screens.main import MainScreen

    def broken(self: MainScreen) -> None:
        raise RuntimeError("something broke")

    monkeypatch.setattr(MainScreen, "action_toggle_star", broken)
    library = make_library(tmp_path / "lib.db")
    try:
        app = NewsreadApp(library)
        with pytest.raises(RuntimeError):  # the test harness re-raises what the app met
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.pause()
                await pilot.press("s")
                await pilot.pause()
        assert app.return_code == 1
        assert app.crash == "internal error: RuntimeError: something broke (run with --debug for details)"
        assert not app._exit_renderables  # no traceback is printed after exit
    finally:
        library.close()


def test_an_analysis_that_cannot_be_cached_is_still_given(tmp_path, monkeypatch):
    from articles.analysis_cache import analysis_of

    library = make_library(tmp_path / "lib.db")
    try:

        def full(*args: object) -> None:
            raise LibraryError(f"{library.path}: the disk is full; nothing was written")

        monkeypatch.setattr(library, "store_analysis", full)
        article = library.get(library.rows(limit=1)[0].id)
        assert analysis_of(library, article).language
    finally:
        library.close()
