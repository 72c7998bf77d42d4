"""Ingest on a Dask cluster (two worker processes on loopback): the registry it writes is the one a
local run writes, bad files are quarantined with their reasons, a re-run adds nothing, and a
cluster that cannot be used is one clear line and exit 1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import pipeline.registry as registry
from pipeline.errors import CongvanError
from pipeline.ingest.cluster import Pool
from tests.conftest import ROOT, SEEDS, needs_shared

distributed = pytest.importorskip("distributed")

BAD_FILES = {"empty.txt": (b"", "E101"), "binary.txt": (b"\x00\x01\x02PK\x00" * 50, "E102")}


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from pipeline.cli import main; main()", "ingest", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> list[str]:
    bad = tmp_path_factory.mktemp("bad")
    for name, (data, _) in BAD_FILES.items():
        (bad / name).write_bytes(data)
    return [str(SEEDS), str(bad)]


@pytest.fixture(scope="module")
def local_db(sources, tmp_path_factory) -> Path:
    """The reference: the same files ingested by one local worker process."""
    db = tmp_path_factory.mktemp("local") / "r.sqlite"
    run = _cli(*sources, "--db", str(db), "--workers", "1")
    assert run.returncode == 1, run.stderr
    return db


@contextmanager
def _tasks_on(cluster: Any) -> Iterator[list[dict[str, Any]]]:
    """The tasks the cluster's workers ran meanwhile, whoever submitted them."""
    ran: list[dict[str, Any]] = []
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        with distributed.get_task_stream(client) as stream:
            yield ran
        ran.extend(stream.data)


def _extractions(ran: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [task for task in ran if str(task["key"]).startswith("_extract_chunk")]


def _content(db: Path) -> tuple[set[str], dict[str, int], list[tuple[str, str]]]:
    with registry.open(db) as reg:
        quarantined = reg.table("quarantine")
        return (set(reg.table("documents")["sha256"]), reg.counts(),
                sorted((Path(p).name, c) for p, c in zip(quarantined["path"], quarantined["code"], strict=True)))


def _expected_quarantine() -> list[tuple[str, str]]:
    return sorted((name, code) for name, (_, code) in BAD_FILES.items())


@needs_shared
def test_cli_ingest_on_the_cluster_writes_what_a_local_run_writes(cluster, sources, local_db, tmp_path):
    db = tmp_path / "cluster.sqlite"
    with _tasks_on(cluster) as ran:
        run = _cli(*sources, "--db", str(db), "--scheduler", cluster.scheduler_address)
    assert run.returncode == 1, run.stderr  # the bad files
    assert _extractions(ran), "nothing was extracted on the cluster"
    assert "5 added" in run.stderr and "2 failed" in run.stderr
    assert "quarantined" in run.stderr and "[E101]" in run.stderr
    hashes, counts, quarantined = _content(db)
    local_hashes, local_counts, local_quarantined = _content(local_db)
    assert len(hashes) == 5 and hashes == local_hashes
    assert counts == local_counts and counts["campaigns"] > 0 and counts["tasks"] > 0
    assert quarantined == local_quarantined == _expected_quarantine()
    rerun = _cli(*sources, "--db", str(db), "--scheduler", cluster.scheduler_address)
    assert rerun.returncode == 1 and "0 added" in rerun.stderr and "5 already in the registry" in rerun.stderr
    assert _content(db)[1] == counts


@needs_shared
def test_library_ingest_with_a_client(cluster, sources, local_db, tmp_path):
    db = tmp_path / "lib.sqlite"
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client, _tasks_on(cluster) as ran:
        summary = registry.ingest(db, sources, scheduler=client, chunk_size=1)
        assert client.status == "running"  # a Client passed in is the caller's: left open
        again = registry.ingest(db, sources, scheduler=client)
    assert (summary.found, summary.added, summary.failed) == (7, 5, 2)
    assert len({task["worker"] for task in _extractions(ran)}) == 2  # a document a chunk: both workers
    assert sorted(code for *_, code in summary.failures) == ["E101", "E102"]
    assert all(reason.startswith("[E10") for _, _, reason, _ in summary.failures)
    assert _content(db) == _content(local_db)
    assert (again.added, again.known, again.failed) == (0, 5, 2)


@needs_shared
def test_large_chunks_go_straight_to_a_worker(cluster, sources, local_db, tmp_path, monkeypatch):
    from pipeline.ingest import cluster as engine

    monkeypatch.setattr(engine, "SCATTER_BYTES", 0)  # every chunk counts as large
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        scattered: list[Any] = []
        scatter = client.scatter

        def counting(data: list[Any], **options: Any) -> Any:
            scattered.append(data)
            return scatter(data, **options)

        monkeypatch.setattr(client, "scatter", counting)
        registry.ingest(tmp_path / "r.sqlite", sources, scheduler=client, chunk_size=2)
    # the seeds and the binary file by two; the empty file is refused as it is read, before any chunk
    assert [len(data[0]) for data in scattered] == [2, 2, 2]
    assert _content(tmp_path / "r.sqlite") == _content(local_db)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_scheduler_is_one_line_and_exit_1(tmp_path):
    address = f"tcp://127.0.0.1:{_free_port()}"
    (tmp_path / "a.txt").write_text("Số: 12/KH-UBND", encoding="utf-8")
    run = _cli(str(tmp_path / "a.txt"), "--db", str(tmp_path / "r.sqlite"), "--scheduler", address,
               env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"})
    assert run.returncode == 1
    assert f"congvan: {address}: [E130] cannot ingest on the Dask cluster: cannot reach the scheduler" in run.stderr
    assert "Traceback" not in run.stderr and "Exception ignored" not in run.stderr


def test_without_dask_the_error_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    with pytest.raises(CongvanError, match=r"E130.*pip install congvan\[cluster\]"):
        registry.ingest(tmp_path / "r.sqlite", str(tmp_path), scheduler="tcp://127.0.0.1:8786")


class _KillsWorkers(Executor):
    """Runs chunks inline, except that a chunk holding ``boom.txt`` dies as Dask reports a
    document that killed its worker every time it was tried."""

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        if any(name.endswith("boom.txt") for name, _, _ in args[0]):
            last = SimpleNamespace(address="tcp://10.0.0.9:40000")
            future.set_exception(distributed.KilledWorker("_extract_chunk-1f2e", last, 3))
        else:
            future.set_result(fn(*args, **kwargs))
        return future


@needs_shared
def test_a_document_that_kills_workers_is_quarantined_alone(tmp_path, monkeypatch):
    from pipeline.ingest import run

    monkeypatch.setattr(run, "cluster_pool", lambda scheduler: _nullpool())
    src = tmp_path / "src"
    src.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    (src / seed.name).write_bytes(seed.read_bytes())
    (src / "boom.txt").write_text("Số: 1/KH-UBND\nnội dung", encoding="utf-8")
    summary = registry.ingest(tmp_path / "r.sqlite", [str(src)], scheduler="fake")
    assert (summary.added, summary.failed) == (1, 1)  # its chunk-mate is retried alone and kept
    name, _, reason, code = summary.failures[0]
    assert name.endswith("boom.txt") and code == "E199"
    assert reason.startswith("[E199] extraction crashed: the document killed its worker: KilledWorker: Attempted to run task")


def _nullpool() -> Any:
    from contextlib import nullcontext

    return nullcontext(Pool(_KillsWorkers(), 1, crashes=(distributed.KilledWorker,)))
