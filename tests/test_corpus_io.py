"""Corpus inputs (each kind, and each way one goes wrong) and record outputs (round trips, resume)."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest

from articles.corpus_io import (
    CorpusError,
    InputOptions,
    JsonlWriter,
    ParquetFileWriter,
    PartsWriter,
    SeenIds,
    count_documents,
    library_documents,
    open_output,
    output_kind,
    read_documents,
    read_records,
    record_schema,
    walk,
)
from articles.model import Article
from articles.store import Library
from summarize.analysis import Analysis
from summarize.batch import ANALYSIS_KEYS, Document, Result, analyze_many
from tests.corpus_support import fake_analyzer


def documents(refs, options=InputOptions(), library=None) -> tuple[list[Document], list[str]]:
    errors: list[str] = []
    found = list(read_documents([str(r) for r in refs], options, errors.append, library))
    return found, errors


def write(path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def jsonl(path, *lines) -> str:
    path.write_bytes(
        b"".join((line if isinstance(line, bytes) else json.dumps(line).encode()) + b"\n" for line in lines)
    )
    return str(path)


# -- inputs ------------------------------------------------------------------------------------


def test_a_text_file_is_one_document_named_by_its_path(tmp_path):
    path = write(tmp_path / "a.txt", "Talks opened.\r\nThe minister attended.\n")
    [doc], errors = documents([path])
    assert doc == Document("Talks opened.\nThe minister attended.\n", path, None, None, path)
    assert errors == []


def test_a_folder_is_walked_in_name_order_without_hidden_files(tmp_path):
    for name in ("b/2.txt", "b/1.md", "a.txt", ".hidden/x.txt", "b/.secret.txt", "c/notes.pdf", "d/rows.jsonl"):
        write(tmp_path / "in" / name, '{"text": "row"}' if name.endswith(".jsonl") else f"text of {name}")
    found, errors = documents([tmp_path / "in"])
    root = str(tmp_path / "in")
    assert [d.id for d in found] == [f"{root}/a.txt", f"{root}/b/1.md", f"{root}/b/2.txt", f"{root}/d/rows.jsonl:1"]
    assert errors == []
    assert list(walk(root)) == [f"{root}/a.txt", f"{root}/b/1.md", f"{root}/b/2.txt", f"{root}/d/rows.jsonl"]


def test_an_empty_folder_and_a_missing_path_are_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    found, errors = documents([tmp_path / "empty", tmp_path / "nowhere.txt"])
    assert found == []
    assert errors == [
        f"{tmp_path}/empty: no article files in this folder (text, .jsonl or .parquet)",
        f"{tmp_path}/nowhere.txt: no such file or folder",
    ]


def test_the_output_is_never_read_as_input(tmp_path):
    write(tmp_path / "in/a.txt", "text")
    write(tmp_path / "in/out.jsonl", '{"text": "a record being written"}')
    write(tmp_path / "in/parts/x.jsonl", '{"text": "a part being written"}')
    root = str(tmp_path / "in")
    errors: list[str] = []
    found = list(read_documents([root], InputOptions(), errors.append, output=f"{root}/out.jsonl"))
    assert [d.id for d in found] == [f"{root}/a.txt", f"{root}/parts/x.jsonl:1"]
    found = list(
        read_documents([root, f"{root}/parts/x.jsonl"], InputOptions(), errors.append, output=f"{root}/parts/")
    )
    assert [d.id for d in found] == [f"{root}/a.txt", f"{root}/out.jsonl:1"]
    assert errors == [f"{root}/parts/x.jsonl: is the output of this run; not read"]


def test_unreadable_text_files_become_failed_documents(tmp_path):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "gone.txt")
    found, errors = documents([binary, broken])
    assert [d.id for d in found] == [str(binary), str(broken)]
    assert all(d.error and d.text == "" for d in found)
    assert "no such file" in (found[1].error or "")
    assert errors == []


def test_json_lines_with_id_and_title_fields(tmp_path):
    path = jsonl(
        tmp_path / "c.jsonl",
        {"body": "Text one.", "key": "a-1", "headline": "One"},
        b"",
        {"body": "Text two.", "key": 7, "headline": None},
    )
    options = InputOptions(text_field="body", id_field="key", title_field="headline", language="en")
    found, errors = documents([path], options)
    assert found == [
        Document("Text one.", "a-1", "en", "One", path),
        Document("Text two.", "7", "en", None, path),
    ]
    assert errors == []


def test_json_lines_without_an_id_field_are_named_by_line(tmp_path):
    path = jsonl(tmp_path / "c.jsonl", {"text": "x"}, b"   ", {"text": "y"})
    found, _ = documents([path])
    assert [d.id for d in found] == [f"{path}:1", f"{path}:3"]


def test_bad_json_lines_fail_alone(tmp_path):
    path = jsonl(
        tmp_path / "bad.jsonl",
        {"text": "fine"},
        b"{not json",
        {"body": "no text field"},
        {"text": 12},
        b"[1, 2]",
        b'{"text": "\xff\xfe"}',
        b'{"text": "\\ud800 lone surrogate"}',
        {"text": "fine too", "id": ["a list"]},
    )
    found, errors = documents([path], InputOptions())
    assert errors == []
    assert [d.error is None for d in found] == [True, False, False, False, False, False, False, True]
    reasons = [d.error for d in found]
    assert reasons[1] is not None and reasons[1].startswith("line 2: not JSON")
    assert reasons[2:7] == [
        "line 3: text field 'text' is missing",
        "line 4: text field 'text' is not a string (int)",
        "line 5: not a JSON object",
        "line 6: not UTF-8",
        "line 7: invalid Unicode (an unpaired surrogate escape)",
    ]
    with_ids, _ = documents([path], InputOptions(id_field="id"))
    assert with_ids[7].error == "line 8: id field 'id' is not a string or whole number"
    assert with_ids[0].error == "line 1: id field 'id' is missing"


def test_gzipped_json_lines_and_a_truncated_one(tmp_path):
    data = b"".join(json.dumps({"text": f"article {n}"}).encode() + b"\n" for n in range(50))
    good = tmp_path / "a.jsonl.gz"
    good.write_bytes(gzip.compress(data))
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(data)[:-30])
    found, errors = documents([good])
    assert [d.text for d in found] == [f"article {n}" for n in range(50)] and errors == []
    found, errors = documents([cut])
    assert len(errors) == 1 and errors[0].startswith(str(cut))


def test_parquet_input(tmp_path):
    path = str(tmp_path / "in.parquet")
    pq.write_table(pa.table({"text": ["One.", None, "Three."], "n": [1, 2, 3], "t": ["T1", "T2", None]}), path)
    found, errors = documents([path], InputOptions(id_field="n", title_field="t"))
    assert errors == []
    assert found[0] == Document("One.", "1", None, "T1", path)
    assert found[1].id == "2" and found[1].error == "row 1: text field 'text' is missing"
    assert found[2] == Document("Three.", "3", None, None, path)
    plain, _ = documents([path])
    assert [d.id for d in plain] == [f"{path}#0", f"{path}#1", f"{path}#2"]


def test_parquet_without_the_text_column_or_not_parquet_at_all(tmp_path):
    path = str(tmp_path / "in.parquet")
    pq.write_table(pa.table({"body": ["One."]}), path)
    junk = write(tmp_path / "junk.parquet", "not parquet")
    found, errors = documents([path, junk])
    assert found == []
    assert errors[0] == f"{path}: no column 'text' (columns: body)"
    assert errors[1].startswith(f"{junk}: not a Parquet file")


def test_standard_input_as_one_text_or_as_json_lines(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Talks opened.\n")))
    [doc], _ = documents(["-"])
    assert doc == Document("Talks opened.\n", "-")
    lines = b'{"text": "a"}\n{"text": "b"}\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(lines)))
    found, _ = documents(["-"], InputOptions(input_format="jsonl"))
    assert [(d.id, d.text, d.path) for d in found] == [("-:1", "a", None), ("-:2", "b", None)]


def test_library_articles(tmp_path):
    with Library(tmp_path / "lib.sqlite3") as library:
        [(first, _), (second, _)] = library.add_many(
            [Article("Title one", ("Body one.",), language="en"), Article("عنوان", ("نص المقال.",), language="ar")]
        )
        errors: list[str] = []
        found = list(library_documents(library, [second, first, 999], None, errors.append))
        assert [(d.id, d.language) for d in found] == [(f"@{second}", "ar"), (f"@{first}", "en")]
        assert found[1].text == library.get(first).text
        assert errors == ["@999: no article with id 999 in the library"]
        refs, _ = documents([f"@{first}"], library=library)
        assert refs == [found[1]]


def test_count_documents(tmp_path):
    write(tmp_path / "in/a.txt", "x")
    jsonl(tmp_path / "in/b.jsonl", {"text": "1"}, {"text": "2"})
    pq.write_table(pa.table({"text": ["1", "2", "3"]}), tmp_path / "in/c.parquet")
    assert count_documents([str(tmp_path / "in"), "@3"], InputOptions()) == 7
    assert count_documents(["-"], InputOptions(input_format="jsonl")) is None


# -- outputs -----------------------------------------------------------------------------------


def results(count: int = 5, start: int = 0) -> list[Result]:
    items = [
        Document(f"Text {n}." if n % 4 != 3 else "boom", id=f"doc-{n}", path="in.jsonl")
        for n in range(start, start + count)
    ]
    return list(analyze_many(items, jobs=1, analyzer=fake_analyzer))


def analyses_of(records: list[dict]) -> list[Analysis | None]:
    """The contract's own reader on the records, the extra fields left out."""
    return [None if r["error"] else Analysis.from_json({k: r[k] for k in ANALYSIS_KEYS}) for r in records]


def test_json_lines_round_trip(tmp_path):
    out = str(tmp_path / "out.jsonl")
    writer, _ = open_output(out, resume=False, stdout=io.StringIO())
    for result in results():
        writer.write(result)
    writer.close()
    records = [json.loads(line) for line in Path(out).read_text(encoding="utf-8").splitlines()]
    assert analyses_of(records) == [r.analysis for r in results()]
    assert list(read_records(out)) == results()
    assert records[3]["error"] == "ValueError: boom went the article" and records[3]["sentences"] is None


def test_parquet_file_round_trip_with_nested_columns(tmp_path):
    out = str(tmp_path / "out.parquet")
    writer, _ = open_output(out, resume=False, stdout=io.StringIO())
    for result in results():
        writer.write(result)
    writer.close()
    table = pq.read_table(out)
    assert table.schema.equals(record_schema(), check_metadata=False)
    assert pa.types.is_list(table.schema.field("attendees").type)
    assert analyses_of(table.to_pylist()) == [r.analysis for r in results()]
    assert list(read_records(out)) == results()
    assert not os.path.exists(out + ".partial")


def test_parquet_dataset_round_trip(tmp_path):
    out = str(tmp_path / "parts") + "/"
    writer, _ = open_output(out, resume=False, stdout=io.StringIO(), part_size=2)
    for result in results():
        writer.write(result)
    writer.close()
    assert sorted(os.listdir(out)) == ["part-000000.parquet", "part-000001.parquet", "part-000002.parquet"]
    table = pads.dataset(out, format="parquet").to_table()
    assert sorted(table.column("id").to_pylist()) == [f"doc-{n}" for n in range(5)]
    assert list(read_records(out)) == results()


def test_standard_output_is_escaped_json_lines():
    stream = io.StringIO()
    writer, _ = open_output("-", resume=False, stdout=stream, escape=lambda line: line.replace("\u202e", "\\u202e"))
    [result] = analyze_many([Document("evil \u202e text", id="x")], jobs=1, analyzer=fake_analyzer)
    writer.write(result)
    writer.close()
    assert "\u202e" not in stream.getvalue()
    assert Result.from_json(json.loads(stream.getvalue())) == result


def test_an_existing_output_is_refused_without_resume(tmp_path):
    out = write(tmp_path / "out.jsonl", "")
    with pytest.raises(CorpusError, match="already exists; --resume continues it"):
        open_output(out, resume=False, stdout=io.StringIO())
    (tmp_path / "empty").mkdir()
    writer, _ = open_output(str(tmp_path / "empty"), resume=False, stdout=io.StringIO())  # an empty folder is fine
    assert isinstance(writer, PartsWriter)


def test_output_kinds(tmp_path):
    assert output_kind("-") == "jsonl" and output_kind("x.JSONL") == "jsonl"
    assert output_kind("x.parquet") == "parquet" and output_kind("x/") == "dataset"
    assert output_kind(str(tmp_path)) == "dataset"
    with pytest.raises(CorpusError, match="neither"):
        output_kind("x.csv")


def test_resuming_json_lines_cuts_a_torn_last_line(tmp_path):
    out = str(tmp_path / "out.jsonl")
    first = results(3)
    with open(out, "w", encoding="utf-8") as handle:
        for result in first:
            handle.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
        handle.write('{"id": "doc-3", "path": "in.js')  # killed half-way through a line
    writer, seen = open_output(out, resume=True, stdout=io.StringIO())
    assert isinstance(writer, JsonlWriter)
    assert len(seen) == 3 and "doc-2" in seen and "doc-3" not in seen
    for result in results(2, start=3):
        writer.write(result)
    writer.close()
    assert list(read_records(out)) == results(5)


def test_resuming_refuses_a_file_that_is_not_records(tmp_path):
    out = write(tmp_path / "out.jsonl", '{"something": "else"}\n')
    with pytest.raises(CorpusError, match="not a record of newsread analyze"):
        open_output(out, resume=True, stdout=io.StringIO())


def test_resuming_a_parquet_file_keeps_its_rows(tmp_path):
    out = str(tmp_path / "out.parquet")
    writer = ParquetFileWriter(out)
    for result in results(3):
        writer.write(result)
    writer.close()
    writer2, seen = open_output(out, resume=True, stdout=io.StringIO())
    assert len(seen) == 3 and "doc-0" in seen
    for result in results(2, start=3):
        writer2.write(result)
    writer2.close()
    assert list(read_records(out)) == results(5)


def test_resuming_a_dataset_numbers_new_parts_after_the_old(tmp_path):
    out = str(tmp_path / "parts")
    writer = PartsWriter(out, size=2)
    for result in results(3):
        writer.write(result)
    writer.close()
    writer2, seen = open_output(out, resume=True, stdout=io.StringIO(), part_size=2)
    assert isinstance(writer2, PartsWriter) and writer2.number == 2 and len(seen) == 3
    for result in results(2, start=3):
        writer2.write(result)
    writer2.close()
    assert sorted(os.listdir(out))[-1] == "part-000002.parquet"
    assert list(read_records(out)) == results(5)


def test_seen_ids():
    seen = SeenIds()
    seen.add("a")
    seen.add("/x/é.txt")
    assert "a" in seen and "/x/é.txt" in seen and "b" not in seen and 3 not in seen
    assert len(seen) == 2
