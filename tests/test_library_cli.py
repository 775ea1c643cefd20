"""The library commands end to end: add, list, show, search, rm, mark, export, and @ID inputs."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from articles.samples import sample_names
from tests.test_import_web import FEED, PAGE, serve
from tui.entry import main


@pytest.fixture
def library(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite3"
    monkeypatch.setenv("NEWSREAD_LIBRARY", str(path))
    return path


def run(capsys, library, *args: str) -> tuple[int, str, str]:
    code = main(["--library", str(library), *args])
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, library, *args: str) -> list[dict]:
    code, out, _ = run(capsys, library, "list", "--format", "json", "--limit", "0", *args)
    assert code == 0
    return [json.loads(line) for line in out.splitlines()]


def write(path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_first_use_lists_the_samples(capsys, library):
    code, out, err = run(capsys, library, "list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) >= 10
    assert lines[0].split()[0].isdigit()
    rows = listed(capsys, library)
    assert {r["language"] for r in rows} == {"ar", "en"}
    assert any("CC BY-SA 3.0" in (r["source"] or "") for r in rows)


def test_list_filters(capsys, library):
    rows = listed(capsys, library)
    first = rows[0]["id"]
    assert run(capsys, library, "mark", str(first), "--read", "--star")[0] == 0
    assert [r["id"] for r in listed(capsys, library, "--starred")] == [first]
    assert first not in [r["id"] for r in listed(capsys, library, "--unread")]
    arabic = listed(capsys, library, "--lang", "ar")
    assert arabic and all(r["language"] == "ar" for r in arabic)


def test_add_folder_counts_added_duplicates_and_failures(capsys, library, tmp_path):
    folder = tmp_path / "in"
    write(folder / "a.txt", "First headline\n\nThe first article has a body written in plain English words.\n")
    write(folder / "sub" / "b.md", "# Second headline\n\nThe second article is *Markdown* with a body.\n")
    write(
        folder / "sub" / "copy.txt", "First headline\n\nThe first article has a body written in plain English words.\n"
    )
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    code, out, err = run(capsys, library, "add", str(folder), str(tmp_path / "missing.txt"))
    assert code == 1
    assert out.strip().splitlines()[-1] == "added 2, skipped 1 duplicate, failed 2"
    assert "bad.txt" in err and "binary" in err and "missing.txt" in err
    assert all(line.startswith("newsread: ") for line in err.splitlines())
    titles = [r["title"] for r in listed(capsys, library)]
    assert "First headline" in titles and "Second headline" in titles


def test_add_tags_and_stdin(capsys, library, monkeypatch):
    text = "عنوان الخبر هنا\n\nهذا نص الخبر المكتوب باللغة العربية للاختبار فقط.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("cp1256"))))
    code, out, _ = run(capsys, library, "add", "-", "--tag", "mine")
    assert code == 0 and out.strip() == "added 1, skipped 0 duplicates, failed 0"
    newest = listed(capsys, library)[0]
    assert newest["title"] == "عنوان الخبر هنا" and newest["language"] == "ar"
    code, out, _ = run(capsys, library, "show", str(newest["id"]), "--format", "json")
    assert json.loads(out)["tags"] == ["mine"]


def test_add_from_local_server_page_and_feed(capsys, library):
    routes = {"/page": (200, "text/html", PAGE, 0), "/feed": (200, "application/rss+xml", FEED, 0)}
    with serve(routes) as base:
        code, out, err = run(capsys, library, "add", base + "/page", base + "/feed", base + "/nothing")
    assert code == 1
    assert out.strip() == "added 3, skipped 0 duplicates, failed 1"
    assert "404" in err
    titles = [r["title"] for r in listed(capsys, library)]
    assert {"Harbour reopens after storm", "Storm over", "Ferry back"} <= set(titles)


def test_show_text_marks_pull_quotes(capsys, library):
    seed = listed(capsys, library)[0]  # the seed article is the newest sample
    code, out, _ = run(capsys, library, "show", f"@{seed['id']}")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == seed["kicker"] and lines[1] == seed["title"]
    assert any(line.startswith("> ") for line in lines)


def test_show_missing_and_bad_ids(capsys, library):
    code, _, err = run(capsys, library, "show", "9999")
    assert code == 1 and err.strip() == "newsread: no article with id 9999 in the library"
    code, _, err = run(capsys, library, "show", "abc")
    assert code == 2 and "not an article id" in err


def test_search_arabic_folding_and_english(capsys, library):
    code, out, _ = run(capsys, library, "search", "جيفرى")
    assert code == 0 and "جيفري" in out
    code, out, _ = run(capsys, library, "search", "الامريكيه", "--format", "json")
    hits = [json.loads(line) for line in out.splitlines()]
    assert hits and all(set(h) == {"id", "title", "snippet", "rank"} for h in hits)
    code, _, err = run(capsys, library, "search", "zzzqqq")
    assert code == 1 and "no article matches" in err


def test_rm_and_mark_report_missing_ids(capsys, library):
    ids = [r["id"] for r in listed(capsys, library)]
    code, out, err = run(capsys, library, "rm", str(ids[0]), "99999")
    assert code == 1 and out.strip() == "removed 1" and "99999" in err
    assert ids[0] not in [r["id"] for r in listed(capsys, library)]
    code, out, _ = run(capsys, library, "mark", str(ids[1]), str(ids[2]), "--read")
    assert code == 0 and out.strip() == "marked 2"
    assert run(capsys, library, "mark", str(ids[1]))[0] == 2
    assert run(capsys, library, "mark", str(ids[1]), "--read", "--unread")[0] == 2


def test_export_then_add_gives_back_the_same_library(capsys, library, tmp_path):
    ids = [r["id"] for r in listed(capsys, library)]
    run(capsys, library, "mark", str(ids[0]), "--star")
    run(capsys, library, "mark", str(ids[1]), "--read")
    export_file = tmp_path / "export.json"
    code, _, _ = run(capsys, library, "export", "--output", str(export_file))
    assert code == 0
    copy = tmp_path / "copy.sqlite3"
    code, out, _ = run(capsys, copy, "add", str(export_file))
    # the copy was seeded with the samples first: they are duplicates, the rest is new
    assert (
        code == 0
        and out.strip()
        == f"added {len(ids) - len(sample_names())}, skipped {len(sample_names())} duplicates, failed 0"
        + ", restored the marks of 2"  # the starred one and the read one were samples too
    )

    fresh = tmp_path / "fresh.sqlite3"
    from articles.store import Library

    with Library(fresh) as lib:  # never seeded: the import alone must rebuild everything
        lib.conn.execute("INSERT INTO meta (key, value) VALUES ('seeded', 'test')")
    code, out, _ = run(capsys, fresh, "add", str(export_file))
    assert code == 0 and out.strip() == f"added {len(ids)}, skipped 0 duplicates, failed 0"

    def strip(rows):
        return [{k: v for k, v in r.items() if k != "id"} for r in rows]

    original = strip(listed(capsys, library))
    assert strip(listed(capsys, fresh)) == original
    code, again, _ = run(capsys, fresh, "export")
    first = json.loads(export_file.read_text())["articles"]
    second = json.loads(again)["articles"]
    assert [{k: v for k, v in a.items() if k != "id"} for a in second] == [
        {k: v for k, v in a.items() if k != "id"} for a in first
    ]


def test_export_markdown_of_chosen_ids(capsys, library):
    rows = listed(capsys, library)
    code, out, _ = run(capsys, library, "export", "--format", "markdown", str(rows[0]["id"]))
    assert code == 0 and out.startswith(f"**{rows[0]['kicker']}**") and f"# {rows[0]['title']}" in out
    assert run(capsys, library, "export", "99999")[0] == 1


def test_summarize_and_extract_accept_library_ids(capsys, library):
    seed = listed(capsys, library)[0]
    code, out, _ = run(capsys, library, "summarize", f"@{seed['id']}", "-n", "2")
    assert code == 0 and len(out.strip().splitlines()) == 2
    code, out, _ = run(capsys, library, "extract", f"@{seed['id']}")
    assert code == 0 and out.strip()
    code, _, err = run(capsys, library, "summarize", "@99999")
    assert code == 1 and "no article with id 99999" in err


def test_corrupt_library_is_one_line_and_untouched(capsys, tmp_path):
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"this is not a database at all\n" * 10)
    before = path.read_bytes()
    for args in (["list"], ["add", "-"], ["search", "x"], ["summarize", "@1"]):
        code, out, err = run(capsys, path, *args)
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and "not a newsread library" in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_real_binary_add_and_list(tmp_path):
    story = write(tmp_path / "story.txt", "Real binary headline\n\nA body for the real binary test, in English.\n")
    env_library = str(tmp_path / "bin.sqlite3")
    added = subprocess.run(
        ["newsread", "--library", env_library, "add", story], capture_output=True, text=True, timeout=60
    )
    assert added.returncode == 0 and added.stdout.strip() == "added 1, skipped 0 duplicates, failed 0"
    listing = subprocess.run(["newsread", "--library", env_library, "list"], capture_output=True, text=True, timeout=60)
    assert listing.returncode == 0 and "Real binary headline" in listing.stdout.splitlines()[0]


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_list_in_a_real_terminal_is_one_line_per_article(tmp_path):
    path = tmp_path / "tty.sqlite3"
    socket = f"newsread-lib-{uuid.uuid4().hex[:8]}"
    done = tmp_path / "done"
    # the pane's own size, not a COLUMNS the shell exported before tmux resized it
    command = f"env -u COLUMNS -u LINES newsread --library {path} list --limit 5; touch {done}; sleep 30"
    tmux = ["tmux", "-L", socket, "-f", os.devnull]
    subprocess.run([*tmux, "new-session", "-d", "-x", "70", "-y", "20", command], check=True)
    try:
        deadline = time.monotonic() + 30
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        screen = subprocess.run([*tmux, "capture-pane", "-p"], capture_output=True, text=True, check=True).stdout
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
    lines = [line for line in screen.splitlines() if line.strip()]
    assert lines[-1] == f"newsread: showing 5 of {len(sample_names())}; use --offset/--limit for more"
    rows = lines[:-1]
    assert len(rows) == 5  # long titles are cut to one line, never wrapped
    assert all(line.split()[0].isdigit() and len(line) <= 70 for line in rows)
    shaped = [line for line in rows if any("\ufe70" <= ch <= "\ufeff" for ch in line)]
    assert shaped and all(line.startswith(" ") and " ar " in line for line in shaped)  # Arabic shaped, columns kept


def test_empty_library_setting_means_the_default_place(monkeypatch, tmp_path):
    from tui.cli_spec import global_options
    from tui.library_access import open_library

    monkeypatch.setattr("articles.store.default_path", lambda: tmp_path / "default.sqlite3")
    options = global_options({}, {"NEWSREAD_LIBRARY": ""})
    assert options.library is None
    with open_library(options.library) as library:
        assert library.path == tmp_path / "default.sqlite3"
        assert library.count() == len(sample_names())


def test_restoring_an_export_into_a_new_library_keeps_the_marks_of_the_samples(capsys, tmp_path):
    old, new = tmp_path / "old.sqlite3", tmp_path / "new.sqlite3"
    rows = listed(capsys, old)
    starred, read = rows[0]["id"], rows[1]["id"]
    assert run(capsys, old, "mark", str(starred), "--star")[0] == 0
    assert run(capsys, old, "mark", str(read), "--read")[0] == 0
    backup = tmp_path / "backup.json"
    assert run(capsys, old, "export", "-o", str(backup))[0] == 0
    listed(capsys, new)  # the new library seeds its own samples first
    code, out, _ = run(capsys, new, "add", str(backup))
    assert code == 0 and out.strip().endswith("restored the marks of 2")
    marks = {r["title"]: (r["read"], r["starred"], r["tags"]) for r in listed(capsys, new)}
    before = {r["title"]: (r["read"], r["starred"], r["tags"]) for r in listed(capsys, old)}
    assert marks == before


def test_a_closed_pipe_ends_quietly_with_the_status_of_cat(tmp_path, seed_text):
    article = tmp_path / "a.txt"
    article.write_text(seed_text * 40, encoding="utf-8")
    statuses = set()
    for _ in range(5):
        pipeline = subprocess.run(
            f"{sys.executable} -m tui.entry summarize -n 30 {article} {article} {article} | head -1; "
            "echo ${PIPESTATUS[0]}",
            shell=True,
            executable="/bin/bash",
            capture_output=True,
            text=True,
            cwd=os.getcwd(),
        )
        assert pipeline.stderr == ""
        statuses.add(pipeline.stdout.splitlines()[-1])
    cat = subprocess.run(
        f"yes | head -c 10000000 > {tmp_path}/big; cat {tmp_path}/big | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    assert statuses == {cat}  # 141 (SIGPIPE) every time, as for cat
