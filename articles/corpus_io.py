"""A corpus in and out, streaming: what ``newsread analyze`` reads and the records it writes.

In: text files, folders (walked lazily, in name order), JSON Lines (one article per line, plain or
gzipped), Parquet, standard input and articles of the library, as ``summarize.batch.Document``
values, one at a time, so an archive of millions of articles never sits in memory. An article
that cannot be read (a bad JSON line, a missing text field, an unreadable file) is a document with
its ``error`` set: it becomes a failed record and the run goes on. A whole input that cannot be
read (a missing folder, a Parquet file without the text column) is reported through ``on_error``.

Out: one record per article (``summarize.batch.Result.to_json``) as JSON Lines, one Parquet file,
or a folder of Parquet parts (a dataset, what a Dask cluster writes), with nested columns in the
shape of the analysis contract. Each output can say which ids it already holds (``--resume``).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, cast

from articles.sources import MAX_BYTES, STDIN, LoadError, read_text
from summarize.batch import RECORD_KEYS, Document, Result

if TYPE_CHECKING:
    import pyarrow

    from articles.store import Library

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet",)
INPUT_FORMATS = ("auto", "text", "jsonl", "parquet")
SAMPLE_PREFIX = "sample:"
LIBRARY_PREFIX = "@"
PARQUET_BATCH = 256  # rows read from a Parquet input at a time
ROW_GROUP = 1000  # records per Parquet row group written
PART_SIZE = 1000  # records per part of a Parquet dataset
PART_PREFIX = "part-"
PARQUET_EXTRA = "pip install 'newsread[parquet]'"

ErrorSink = Callable[[str], None]


class CorpusError(LoadError):
    """An input or output that cannot be used at all; ``str()`` is the one-line reason."""


@dataclass(frozen=True, slots=True)
class InputOptions:
    """How to read the inputs: the JSON/Parquet fields, the format when a name does not tell, the language."""

    text_field: str = "text"
    id_field: str | None = None
    title_field: str | None = None
    input_format: str = "auto"  # auto: by name (.jsonl, .parquet, else text); '-' is one text unless said
    language: str | None = None


def is_library_ref(ref: str) -> bool:
    """``@12``: article 12 of the library."""
    return ref.startswith(LIBRARY_PREFIX) and ref[1:].isascii() and ref[1:].isdigit()


def kind_of(ref: str, input_format: str = "auto") -> str:
    """``text``, ``jsonl`` or ``parquet``: the format said, else the file name's."""
    if input_format != "auto":
        return input_format
    name = ref.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return "text"


def _known(name: str) -> bool:
    return name.lower().endswith(TEXT_SUFFIXES + JSONL_SUFFIXES + PARQUET_SUFFIXES)


def walk(folder: str) -> Iterator[str]:
    """Article files under ``folder`` (text, JSON Lines, Parquet), recursively, in name order, lazily;
    hidden files and folders are left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and _known(name):
                yield os.path.join(root, name)


def read_documents(
    refs: Iterable[str],
    options: InputOptions,
    on_error: ErrorSink,
    library: Library | None = None,
    *,
    output: str | None = None,
) -> Iterator[Document]:
    """Every article of ``refs``, in order, one at a time; never the ``output`` being written (a
    folder walked may hold it: reading it would feed the run its own records)."""
    inside = _inside(output)
    for ref in refs:
        if inside(ref):
            on_error(f"{ref}: is the output of this run; not read")
            continue
        if ref == STDIN:
            yield from _stdin_documents(options)
        elif is_library_ref(ref):
            if library is None:
                on_error(f"{ref}: no library to read it from")
                continue
            yield from library_documents(library, [int(ref[1:])], options.language, on_error)
        elif ref.startswith(SAMPLE_PREFIX):
            yield _sample_document(ref, options)
        elif os.path.isdir(ref):
            found = False
            for path in walk(ref):
                found = True
                if not inside(path):
                    yield from _file_documents(path, options, on_error)
            if not found:
                on_error(f"{ref}: no article files in this folder (text, .jsonl or .parquet)")
        elif not os.path.lexists(ref):
            on_error(f"{ref}: no such file or folder")
        else:
            yield from _file_documents(ref, options, on_error)


def _inside(output: str | None) -> Callable[[str], bool]:
    """Whether a path is ``output`` or lies in it (a folder output)."""
    if output is None or output == STDIN:
        return lambda path: False
    real = os.path.realpath(output)

    def inside(path: str) -> bool:
        if path == STDIN or is_library_ref(path) or path.startswith(SAMPLE_PREFIX):
            return False
        mine = os.path.realpath(path)
        return mine == real or mine.startswith(real.rstrip(os.sep) + os.sep)

    return inside


def _file_documents(path: str, options: InputOptions, on_error: ErrorSink) -> Iterator[Document]:
    kind = kind_of(path, options.input_format)
    if kind == "jsonl":
        yield from _jsonl_file(path, options, on_error)
    elif kind == "parquet":
        yield from _parquet_documents(path, options, on_error)
    else:
        yield _text_document(path, path, options.language)


def _text_document(ref: str, name: str, language: str | None) -> Document:
    try:
        return Document(read_text(ref), name, language, path=name if ref != STDIN else None)
    except LoadError as exc:
        return Document("", name, language, path=name if ref != STDIN else None, error=str(exc))


def _sample_document(ref: str, options: InputOptions) -> Document:
    from articles.samples import sample_names, sample_path

    try:
        path = sample_path(ref[len(SAMPLE_PREFIX) :])
    except KeyError:
        return Document("", ref, error=f"no such sample (bundled: {', '.join(sample_names())})")
    return Document(read_text(str(path)), ref, options.language)


def _stdin_documents(options: InputOptions) -> Iterator[Document]:
    kind = options.input_format
    if kind == "jsonl":
        yield from _jsonl_lines(sys.stdin.buffer, STDIN, options)
    elif kind == "parquet":
        yield Document("", STDIN, error="Parquet cannot be read from standard input; give the file's name")
    else:
        yield _text_document(STDIN, STDIN, options.language)


# -- JSON Lines --------------------------------------------------------------------------------


def _jsonl_file(path: str, options: InputOptions, on_error: ErrorSink) -> Iterator[Document]:
    try:
        handle = cast(IO[bytes], gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb"))  # noqa: SIM115
    except OSError as exc:
        on_error(f"{path}: {exc.strerror or exc}")
        return
    with handle:
        try:
            yield from _jsonl_lines(handle, path, options)
        except (OSError, EOFError) as exc:  # a truncated gzip, a read error half-way
            on_error(f"{path}: {getattr(exc, 'strerror', None) or exc}")


def _jsonl_lines(handle: IO[bytes], path: str, options: InputOptions) -> Iterator[Document]:
    """One document per non-blank line; a line longer than ``MAX_BYTES`` is refused, not held."""
    name = None if path == STDIN else path
    number = 0
    while True:
        line = handle.readline(MAX_BYTES + 1)
        if not line:
            return
        number += 1
        where = f"{path}:{number}"
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield Document("", where, path=name, error=f"line {number}: longer than {MAX_BYTES >> 20} MB, not read")
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except UnicodeDecodeError:
            yield Document("", where, path=name, error=f"line {number}: not UTF-8")
            continue
        except ValueError as exc:
            yield Document("", where, path=name, error=f"line {number}: not JSON ({exc})")
            continue
        if not isinstance(record, dict):
            yield Document("", where, path=name, error=f"line {number}: not a JSON object")
            continue
        yield _record_document(record, where, name, options, f"line {number}: ")


def _record_document(record: dict[str, Any], where: str, path: str | None, options: InputOptions, at: str) -> Document:
    """The document of one JSON object or Parquet row, or one that says what is wrong with it."""
    doc_id = where
    if options.id_field is not None:
        value = record.get(options.id_field)
        if isinstance(value, str) and value:
            doc_id = value
        elif isinstance(value, int) and not isinstance(value, bool):
            doc_id = str(value)
        else:
            why = "missing" if value is None else "not a string or whole number"
            return Document("", where, path=path, error=f"{at}id field {options.id_field!r} is {why}")
    text = record.get(options.text_field)
    if not isinstance(text, str):
        why = "missing" if text is None else f"not a string ({type(text).__name__})"
        return Document("", doc_id, path=path, error=f"{at}text field {options.text_field!r} is {why}")
    title = record.get(options.title_field) if options.title_field else None
    if title is not None and not isinstance(title, str):
        return Document("", doc_id, path=path, error=f"{at}title field {options.title_field!r} is not a string")
    if not _encodable(text) or (title is not None and not _encodable(title)):
        return Document("", doc_id, path=path, error=f"{at}invalid Unicode (an unpaired surrogate escape)")
    return Document(text, doc_id, options.language, title or None, path)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# -- Parquet -----------------------------------------------------------------------------------


def need_pyarrow() -> Any:
    """The ``pyarrow.parquet`` module, or a ``CorpusError`` saying how to install it."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise CorpusError(f"Parquet needs pyarrow: {PARQUET_EXTRA}") from None
    return pq


def _parquet_documents(path: str, options: InputOptions, on_error: ErrorSink) -> Iterator[Document]:
    try:
        pq = need_pyarrow()
        table = pq.ParquetFile(path)
    except CorpusError as exc:
        on_error(f"{path}: {exc}")
        return
    except OSError as exc:
        on_error(f"{path}: {exc.strerror or exc}")
        return
    except Exception as exc:  # pyarrow.ArrowInvalid: not a Parquet file
        on_error(f"{path}: not a Parquet file ({' '.join(str(exc).split())})")
        return
    names = set(table.schema_arrow.names)
    wanted = [f for f in (options.text_field, options.id_field, options.title_field) if f]
    missing = [f for f in wanted if f not in names]
    if missing:
        on_error(f"{path}: no column {missing[0]!r} (columns: {', '.join(sorted(names))})")
        return
    row = 0
    try:
        for batch in table.iter_batches(batch_size=PARQUET_BATCH, columns=list(dict.fromkeys(wanted))):
            for record in batch.to_pylist():
                yield _record_document(record, f"{path}#{row}", path, options, f"row {row}: ")
                row += 1
    except OSError as exc:
        on_error(f"{path}: {exc.strerror or exc}")
    except Exception as exc:  # a corrupt page, a column of another type
        on_error(f"{path}: unreadable after row {row} ({' '.join(str(exc).split())})")


# -- the library -------------------------------------------------------------------------------


def library_documents(
    library: Library, ids: Iterable[int], language: str | None, on_error: ErrorSink
) -> Iterator[Document]:
    """Articles of the library as documents ``@ID`` (their stored language unless ``language``)."""
    for article_id in ids:
        try:
            article = library.get(article_id)
        except KeyError:
            on_error(f"@{article_id}: no article with id {article_id} in the library")
            continue
        yield Document(article.text, f"@{article_id}", language or article.language)


# -- counting (for a progress bar) -------------------------------------------------------------


def count_documents(refs: Iterable[str], options: InputOptions) -> int | None:
    """About how many documents ``refs`` hold (blank JSON lines count), cheaply; None when unknown
    (standard input as JSON Lines, gzipped files)."""
    total = 0
    for ref in refs:
        if ref == STDIN:
            if options.input_format not in ("auto", "text"):
                return None
            total += 1
        elif is_library_ref(ref) or ref.startswith(SAMPLE_PREFIX):
            total += 1
        elif os.path.isdir(ref):
            for path in walk(ref):
                found = _count_file(path, options)
                if found is None:
                    return None
                total += found
        elif os.path.isfile(ref):
            found = _count_file(ref, options)
            if found is None:
                return None
            total += found
    return total


def _count_file(path: str, options: InputOptions) -> int | None:
    kind = kind_of(path, options.input_format)
    try:
        if kind == "jsonl":
            if path.lower().endswith(".gz"):
                return None
            lines, last = 0, b"\n"
            with open(path, "rb") as handle:
                while chunk := handle.read(1 << 20):
                    lines += chunk.count(b"\n")
                    last = chunk[-1:]
            return lines + (last != b"\n")
        if kind == "parquet":
            pq = need_pyarrow()
            return int(pq.ParquetFile(path).metadata.num_rows)
    except Exception:  # reported when it is read
        return 0
    return 1


# -- records out -------------------------------------------------------------------------------


@functools.cache
def record_schema() -> pyarrow.Schema:
    """The Parquet schema of a record: nested columns in the analysis contract's shape."""
    import pyarrow as pa

    strings = pa.list_(pa.string())
    feature = pa.struct([("name", pa.string()), ("value", pa.float64()), ("contribution", pa.float64())])
    sentence = pa.struct(
        [
            ("index", pa.int64()),
            ("score", pa.float64()),
            ("text", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("position", pa.int64()),
            ("reason", pa.string()),
            ("features", pa.list_(feature)),
        ]
    )
    attendee = pa.struct([("name", pa.string()), ("title", pa.string()), ("aliases", strings)])
    objectives = pa.struct(
        [
            ("lead_in", pa.string()),
            ("topic", pa.string()),
            ("announced_count", pa.int64()),
            ("items", strings),
            ("count_mismatch", pa.bool_()),
        ]
    )
    columns = {
        "id": pa.string(),
        "path": pa.string(),
        "error": pa.string(),
        "format": pa.int64(),
        "language": pa.string(),
        "title": pa.string(),
        "method": pa.string(),
        "sentences": pa.list_(sentence),
        "attendees": pa.list_(attendee),
        "attendee_groups": strings,
        "objectives": pa.list_(objectives),
    }
    if tuple(columns) != RECORD_KEYS:
        raise AssertionError("the Parquet columns must be the record's keys, in order")
    return pa.schema(list(columns.items()), metadata={b"newsread.analyzer": _analyzer().encode()})


def _analyzer() -> str:
    from articles.analysis_cache import analyzer_version

    return analyzer_version()


def records_table(results: Iterable[Result]) -> pyarrow.Table:
    import pyarrow as pa

    return pa.Table.from_pylist([r.to_json() for r in results], schema=record_schema())


class RecordWriter(Protocol):
    """Where results go, one record each, in the order given."""

    def write(self, result: Result) -> None: ...

    def close(self) -> None: ...


class SeenIds:
    """The ids an output already holds, as 64-bit digests (some 70 bytes each, not the whole id)."""

    def __init__(self) -> None:
        self._digests: set[int] = set()

    @staticmethod
    def _digest(doc_id: str) -> int:
        return int.from_bytes(hashlib.blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")

    def add(self, doc_id: str) -> None:
        self._digests.add(self._digest(doc_id))

    def __contains__(self, doc_id: object) -> bool:
        return isinstance(doc_id, str) and self._digest(doc_id) in self._digests

    def __len__(self) -> int:
        return len(self._digests)


def output_kind(out: str) -> str:
    """``jsonl``, ``parquet`` (one file) or ``dataset`` (a folder of parts) for ``--out``; ``CorpusError``
    for a name that says none of these."""
    if out == STDIN or out.lower().endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if out.endswith(("/", os.sep)) or os.path.isdir(out):
        return "dataset"
    if out.lower().endswith(".parquet"):
        return "parquet"
    raise CorpusError(f"{out}: the output's name says neither .jsonl, .parquet nor a folder/ (or '-')")


def open_output(
    out: str,
    *,
    resume: bool,
    stdout: IO[str],
    escape: Callable[[str], str] | None = None,
    part_size: int = PART_SIZE,
) -> tuple[RecordWriter, SeenIds]:
    """The writer for ``--out`` and, with ``resume``, the ids it already holds. Without ``resume``
    an existing output is refused: hours of results are not overwritten by a repeated command."""
    kind = output_kind(out)
    seen = SeenIds()
    if out == STDIN:
        return JsonlWriter(stdout, escape), seen
    exists = os.path.lexists(out) and not (kind == "dataset" and _empty_folder(out))
    if exists and not resume:
        raise CorpusError(f"{out}: already exists; --resume continues it, or remove it first")
    if kind == "jsonl":
        return JsonlWriter.resuming(out, seen) if exists else JsonlWriter.create(out), seen
    need_pyarrow()
    if kind == "parquet":
        return ParquetFileWriter(out, seen if exists else None), seen
    first = read_parts(out, seen) if exists else 0
    return PartsWriter(out, first, part_size), seen


def _empty_folder(path: str) -> bool:
    return os.path.isdir(path) and not any(os.scandir(path))


@dataclass
class JsonlWriter:
    """JSON Lines, one record a line, appended as results come (a killed run loses at most the
    last line, which ``--resume`` cuts off)."""

    handle: IO[str]
    escape: Callable[[str], str] | None = None
    owned: bool = False

    @classmethod
    def create(cls, path: str) -> JsonlWriter:
        try:
            return cls(open(path, "x", encoding="utf-8"), owned=True)
        except OSError as exc:
            raise CorpusError(f"{path}: cannot write ({exc.strerror or exc})") from exc

    @classmethod
    def resuming(cls, path: str, seen: SeenIds) -> JsonlWriter:
        """Append to ``path`` after reading its ids into ``seen`` (a torn last line is cut off)."""
        try:
            handle = open(path, "r+b")  # noqa: SIM115
        except OSError as exc:
            raise CorpusError(f"{path}: cannot continue it ({exc.strerror or exc})") from exc
        with handle:
            good = 0
            for number, line in enumerate(handle, 1):
                if not line.endswith(b"\n"):
                    break  # written half when the last run stopped
                try:
                    record = json.loads(line)
                    doc_id = record["id"]
                except (ValueError, KeyError, TypeError):
                    raise CorpusError(f"{path}:{number}: not a record of newsread analyze; not continued") from None
                if not isinstance(doc_id, str):
                    raise CorpusError(f"{path}:{number}: not a record of newsread analyze; not continued")
                seen.add(doc_id)
                good += len(line)
            handle.truncate(good)
        return cls(open(path, "a", encoding="utf-8"), owned=True)

    def write(self, result: Result) -> None:
        line = json.dumps(result.to_json(), ensure_ascii=False)
        self.handle.write((self.escape(line) if self.escape else line) + "\n")

    def close(self) -> None:
        if self.owned:
            self.handle.close()
        else:
            self.handle.flush()


@dataclass
class ParquetFileWriter:
    """One Parquet file, in row groups of ``ROW_GROUP`` records. It is written as ``NAME.partial``
    and renamed when closed (Ctrl-C closes it too), so the file is always a whole Parquet file;
    resuming copies the old rows into the new file first."""

    path: str
    seen: SeenIds | None = None  # resuming: fill with the ids the old file holds
    _pending: list[Result] = field(default_factory=list, init=False)
    _writer: Any = field(default=None, init=False)

    def __post_init__(self) -> None:
        pq = need_pyarrow()
        partial = self.path + ".partial"
        try:
            self._writer = pq.ParquetWriter(partial, record_schema(), compression="zstd")
        except OSError as exc:
            raise CorpusError(f"{self.path}: cannot write ({exc.strerror or exc})") from exc
        if self.seen is not None:
            try:
                old = pq.ParquetFile(self.path)
                for batch in old.iter_batches(batch_size=ROW_GROUP):
                    for doc_id in batch.column("id").to_pylist():
                        self.seen.add(doc_id)
                    self._writer.write_batch(batch.cast(record_schema()))
            except Exception as exc:
                self._writer.close()
                os.unlink(partial)
                raise CorpusError(f"{self.path}: cannot continue it ({' '.join(str(exc).split())})") from exc

    def write(self, result: Result) -> None:
        self._pending.append(result)
        if len(self._pending) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._writer.write_table(records_table(self._pending))
            self._pending.clear()

    def close(self) -> None:
        if self._writer is None:
            return
        try:
            self._flush()
        finally:
            self._writer.close()
            self._writer = None
            os.replace(self.path + ".partial", self.path)


def part_name(number: int) -> str:
    return f"{PART_PREFIX}{number:06d}.parquet"


def write_part(folder: str, number: int, results: Iterable[Result]) -> str:
    """Write one part of a dataset whole (a hidden temporary file, then renamed): a part is there
    complete or not at all, and writing it again (a retried task) gives the same file."""
    pq = need_pyarrow()
    path = os.path.join(folder, part_name(number))
    temporary = os.path.join(folder, f".{part_name(number)}.{os.getpid()}.tmp")
    try:
        pq.write_table(records_table(results), temporary, compression="zstd")
        os.replace(temporary, path)
    except OSError as exc:
        raise CorpusError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path


def read_parts(folder: str, seen: SeenIds) -> int:
    """Put the ids of every part in ``folder`` into ``seen``; the number the next part takes."""
    pq = need_pyarrow()
    following = 0
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        name = entry.name
        if not (name.startswith(PART_PREFIX) and name.endswith(".parquet")):
            continue
        number = name[len(PART_PREFIX) : -len(".parquet")]
        if number.isdigit():
            following = max(following, int(number) + 1)
        try:
            for batch in pq.ParquetFile(entry.path).iter_batches(columns=["id"]):
                for doc_id in batch.column(0).to_pylist():
                    seen.add(doc_id)
        except Exception as exc:
            raise CorpusError(f"{entry.path}: not a part newsread can continue ({' '.join(str(exc).split())})") from exc
    return following


@dataclass
class PartsWriter:
    """A folder of Parquet parts (``part-000000.parquet``...), a dataset ``pyarrow.dataset`` and
    ``dask.dataframe.read_parquet`` read whole; each part is written complete, so a killed run
    loses only the part it was filling."""

    folder: str
    number: int = 0
    size: int = PART_SIZE
    _pending: list[Result] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        try:
            Path(self.folder).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CorpusError(f"{self.folder}: cannot create the folder ({exc.strerror or exc})") from exc

    def write(self, result: Result) -> None:
        self._pending.append(result)
        if len(self._pending) >= self.size:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            write_part(self.folder, self.number, self._pending)
            self.number += 1
            self._pending.clear()

    def close(self) -> None:
        self._flush()


def read_records(path: str) -> Iterator[Result]:
    """Every record of an output (JSON Lines, a Parquet file or a dataset folder), as ``Result`` values."""
    if output_kind(path) == "jsonl":
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                yield Result.from_json(json.loads(line))
        return
    pq = need_pyarrow()
    files = (
        [os.path.join(path, n) for n in sorted(os.listdir(path)) if n.startswith(PART_PREFIX)]
        if os.path.isdir(path)
        else [path]
    )
    for name in files:
        for batch in pq.ParquetFile(name).iter_batches(batch_size=ROW_GROUP):
            for record in batch.to_pylist():
                yield Result.from_json(record)
