"""``newsread analyze --dask``: a real LocalCluster on 127.0.0.1, retries, and a worker of another version."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from articles import corpus_cluster  # noqa: E402
from articles.corpus_cluster import AnalyzerMismatch, analyse_part, run_on_cluster  # noqa: E402
from articles.corpus_io import read_records  # noqa: E402
from summarize.batch import Document  # noqa: E402
from tests.conftest import run_newsread  # noqa: E402
from tests.corpus_support import generate_articles  # noqa: E402

COUNT = 240


@pytest.mark.slow
def test_a_local_cluster_of_two_workers_writes_what_one_process_writes(tmp_path):
    generate_articles(tmp_path / "news", COUNT, seed=7)
    alone = tmp_path / "alone.jsonl"
    result = run_newsread("analyze", str(tmp_path / "news"), "--out", str(alone), "--jobs", "1", timeout=600)
    assert result.returncode == 0, result.stderr.decode()

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        out = tmp_path / "parts"
        result = run_newsread(
            "analyze", str(tmp_path / "news"), "--out", str(out), "--dask", address, "--partition-size", "25",
            timeout=600,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr.decode()
        err = result.stderr.decode()
        assert err.startswith(f"newsread: analysed {COUNT}, failed 0, skipped 0 in ") and err.count("\n") == 1
        with distributed.Client(address) as client:
            workers = client.scheduler_info()["workers"]
            assert len(workers) == 2

    import pyarrow.dataset as pads

    parts = sorted(os.listdir(out))
    assert parts == [f"part-{n:06d}.parquet" for n in range(COUNT // 25 + 1)]
    dataset = pads.dataset(str(out), format="parquet")
    assert dataset.count_rows() == COUNT
    assert list(read_records(str(out))) == list(read_records(str(alone)))
    try:
        import dask.dataframe as dd  # needs pandas: checked where it is installed
    except ImportError:
        pass
    else:
        frame = dd.read_parquet(str(out)).compute()
        assert list(frame["id"]) == [r.id for r in read_records(str(alone))]

    # --resume after a part went missing: only that part's articles are analysed again
    os.unlink(out / "part-000003.parquet")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, protocol="tcp://", host="127.0.0.1", dashboard_address=None
    ) as cluster:
        result = run_newsread(
            "analyze", str(tmp_path / "news"), "--out", str(out), "--dask", cluster.scheduler_address, "--resume",
            timeout=600,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    assert f"analysed 25, failed 0, skipped {COUNT - 25} in" in result.stderr.decode()
    assert sorted(r.id for r in read_records(str(out))) == sorted(r.id for r in read_records(str(alone)))


_FAILED_ONCE: set[int] = set()


def _flaky_part(folder: str, number: int, documents: list[Document], version: str):
    """Fails the first time each part is tried (a full disk, a lost mount...), then works."""
    if number not in _FAILED_ONCE:
        _FAILED_ONCE.add(number)
        raise OSError("the disk was briefly full")
    return analyse_part(folder, number, documents, version)


def test_a_part_that_fails_is_retried_by_dask(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_cluster, "analyse_part", _flaky_part)
    documents = [
        Document(f"Talks number {n} opened in Cairo today. The minister attended.", id=f"d{n}") for n in range(9)
    ]
    done = []
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        written = run_on_cluster(client, documents, str(tmp_path / "out"), partition_size=4, on_part=done.append)
    assert written == 3
    assert sorted(_FAILED_ONCE) == [0, 1, 2]
    assert sorted(d.number for d in done) == [0, 1, 2] and sum(d.analysed for d in done) == 9
    assert [r.id for r in read_records(str(tmp_path / "out"))] == [f"d{n}" for n in range(9)]


def test_a_worker_with_another_analyzer_refuses_the_part(tmp_path):
    with pytest.raises(AnalyzerMismatch, match="install the same newsread"):
        analyse_part(str(tmp_path), 0, [Document("Talks opened.", id="a")], "format1;summarize=0000")
    assert not Path(tmp_path, "part-000000.parquet").exists()


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    result = run_newsread("analyze", "sample:seed-ar", "--out", str(tmp_path / "o"), "--dask", "tcp://127.0.0.1:9")
    err = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in err
    assert err.count("\n") == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err
