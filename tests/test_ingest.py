"""Bulk ingestion on the real seeds and corpus: idempotent, resumable after kill -9, every bad
file quarantined with its reason, records exported."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import pipeline.registry as registry
from pipeline.ingest import count_items, discover, iter_items, write_jsonl, write_parquet
from pipeline.registry.fold import campaign_key
from tests.conftest import CORPUS, ROOT, SEEDS, needs_shared

DOC_SUFFIXES = (".txt", ".md")


def _cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from pipeline.cli import main; main()", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout, env=_env())


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in DOC_SUFFIXES)


@pytest.fixture
def shared_db(corpus_registry):
    """Seeds and corpus ingested once per session, with two workers (tests/conftest.py)."""
    return corpus_registry


@needs_shared
def test_ingest_adds_every_seed_and_corpus_document(shared_db):
    path, summary = shared_db
    expected = {hashlib.sha256(p.read_bytes()).hexdigest() for p in _files(SEEDS) + _files(CORPUS)}
    with registry.open(path) as reg:
        stored = set(reg.table("documents")["sha256"])
    assert summary.failed == 0 and summary.found == len(_files(SEEDS) + _files(CORPUS))
    assert stored == expected and summary.added == len(expected)


@needs_shared
def test_ingesting_twice_adds_nothing(shared_db):
    path, _ = shared_db
    with registry.open(path) as reg:
        before = reg.counts()
        again = reg.ingest([str(SEEDS), str(CORPUS)], workers=0)
        assert reg.counts() == before
    assert again.added == 0 and again.known == again.found


@needs_shared
def test_national_campaign_has_one_entry_with_mentions_in_two_seeds(shared_db):
    """Depends on the campaigns stage: one registry campaign for the national movement,
    mentioned by seeds 000 and 004."""
    path, _ = shared_db
    with registry.open(path) as reg:
        found = reg.sql("SELECT c.id, COUNT(DISTINCT m.document_id) AS docs FROM campaigns c "
                        "JOIN campaign_mentions m ON m.campaign_id = c.id JOIN documents d ON d.id = m.document_id "
                        "WHERE c.campaign_key = ? AND d.path LIKE ? GROUP BY c.id",
                        (campaign_key("Cả nước chung sức xây dựng nông thôn mới"), f"{SEEDS}%"))
    assert len(found) == 1 and found["docs"][0] == 2, found


@needs_shared
@pytest.mark.parametrize("query", ["thi dua", "THI ĐUA", "thi đua"])
def test_search_after_ingest_is_accent_insensitive(shared_db, query):
    path, _ = shared_db
    hits = registry.search(path, query, "document", limit=50)
    assert len(hits) >= 5  # the five seeds are all about thi đua


def test_discover_expands_folders_globs_and_archives(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Số: 12/KH-UBND", encoding="utf-8")
    (tmp_path / "a" / "notes.tsv").write_text("ignored", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "b.zip", "w") as archive:
        archive.writestr("in/y.md", "Số: 13/KH-UBND")
        archive.writestr("in/z.bin", "ignored")
    names = [i.name for i in discover([str(tmp_path / "a"), str(tmp_path / "*.zip"), str(tmp_path / "a" / "x.txt")])]
    assert names == [str(tmp_path / "a" / "x.txt"), f"{tmp_path / 'b.zip'}!in/y.md"]


def test_a_folder_is_walked_in_sorted_path_order_lazily(tmp_path):
    for rel in ["b.txt", "b/c.txt", "a/z/y.md", "a.txt", "b/a/b.txt", "c.md"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("Số: 1/KH-UBND", encoding="utf-8")
    items = iter_items([str(tmp_path)])
    assert next(items).name == str(tmp_path / "a" / "z" / "y.md")  # a generator, not a list
    expected = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert [str(tmp_path / "a" / "z" / "y.md"), *(i.name for i in items)] == [str(p) for p in expected]
    assert count_items([str(tmp_path)]) == len(expected)


def test_the_same_bytes_twice_in_one_run_are_extracted_once(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_bytes() if SEEDS.exists() else \
        "Số: 12/KH-UBND\nKế hoạch thi đua năm 2024\n".encode()
    for name in ["one.txt", "two.txt", "sub/three.txt"]:
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes(text)
    with registry.open(tmp_path / "r.sqlite") as reg:
        summary = reg.ingest([str(src)], workers=0, batch_size=1)
        assert (summary.found, summary.added, summary.known, summary.failed) == (3, 1, 2, 0)
        assert reg.counts()["documents"] == 1


BAD_FILES = [  # (name, bytes, error code the quarantine must record)
    ("empty.txt", b"", "E101"),
    ("binary.txt", b"\x00\x01\x02PK\x00" * 50, "E102"),
]


@needs_shared
def test_bad_files_are_quarantined_and_the_exit_code_says_so(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    seed = _files(SEEDS)[0]
    (src / seed.name).write_bytes(seed.read_bytes())
    for name, data, _ in BAD_FILES:
        (src / name).write_bytes(data)
    with zipfile.ZipFile(tmp_path / "docs.zip", "w") as archive:
        archive.writestr("ok.txt", _files(SEEDS)[1].read_bytes())
        archive.writestr("bad.txt", b"\x00" * 100)
    db, qdir = tmp_path / "r.sqlite", tmp_path / "quarantine"
    run = _cli("ingest", str(src), str(tmp_path / "docs.zip"), str(tmp_path / "missing.txt"), "--db", str(db),
               "--quarantine", str(qdir), "--workers", "1")
    assert run.returncode == 1, run.stderr
    assert "2 added" in run.stderr and "4 failed" in run.stderr
    with registry.open(db) as reg:
        quarantined = reg.table("quarantine")
    assert sorted(quarantined["code"]) == ["E100", "E101", "E102", "E102"]
    assert quarantined["reason"].str.startswith("[E").all()
    assert len(list(qdir.iterdir())) == 3  # the missing file has nothing to copy
    rerun = _cli("ingest", str(src), str(tmp_path / "docs.zip"), "--db", str(db), "--workers", "0")
    assert rerun.returncode == 1 and "0 added" in rerun.stderr
    with registry.open(db) as reg:
        assert len(reg.table("quarantine")) == 4  # updated in place, not repeated


def test_ingest_of_nothing_fails(tmp_path):
    run = _cli("ingest", str(tmp_path / "*.txt"), "--db", str(tmp_path / "r.sqlite"))
    assert run.returncode == 1 and "no documents found" in run.stderr


@needs_shared
def test_exports_hold_every_record(shared_db, tmp_path):
    path, _ = shared_db
    with registry.open(path) as reg:
        n = reg.counts()["documents"]
        assert write_jsonl(reg.conn, tmp_path / "r.jsonl") == n
        assert write_parquet(reg.conn, tmp_path / "r.parquet") == n
    lines = (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == n and all(json.loads(line)["schema_version"] for line in lines)
    table = pd.read_parquet(tmp_path / "r.parquet")
    assert len(table) == n and json.loads(table["record_json"][0])["source"]["sha256"] == table["sha256"][0]


@needs_shared
def test_cli_exports_only_this_runs_records(tmp_path):
    db = tmp_path / "r.sqlite"
    _cli("ingest", str(SEEDS), "--db", str(db), "--workers", "0")
    run = _cli("ingest", str(_files(SEEDS)[0]), "--db", str(db), "--workers", "0", "--jsonl", str(tmp_path / "one.jsonl"),
               "--parquet", str(tmp_path / "one.parquet"))
    assert run.returncode == 0, run.stderr
    assert len((tmp_path / "one.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    assert len(pd.read_parquet(tmp_path / "one.parquet")) == 1


def _variants(target: Path, count: int) -> list[Path]:
    """Corpus documents copied with a varied number, so each copy is a new document. The 20
    shortest are copied: what is proved is the batch bookkeeping, not extraction, so cheap is fine."""
    sources = sorted(_files(CORPUS), key=lambda p: (p.stat().st_size, p.name))[:20]
    made = []
    for i in range(count):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        path = target / f"copy-{i:04d}.md"
        number = f"Số: {1000 + i}/KH-UBND"
        varied = text.replace("## VĂN BẢN", f"## VĂN BẢN\n\n{number}", 1) if "## VĂN BẢN" in text else f"{number}\n{text}"
        path.write_text(varied, encoding="utf-8")
        made.append(path)
    return made


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


@needs_shared
def test_kill_9_mid_ingest_then_resume_loses_and_repeats_nothing(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    files = _variants(src, 40)
    db = tmp_path / "r.sqlite"
    args = [sys.executable, "-c", "from pipeline.cli import main; main()", "ingest", str(src), "--db", str(db),
            "--workers", "1", "--batch-size", "2"]
    proc = subprocess.Popen(args, cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while _count(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # right after the first batch commit: the writer and its worker, mid-run
    proc.wait()
    at_kill = _count(db)
    assert 0 < at_kill < len(files), "the ingest finished before it could be killed"
    resumed = _cli("ingest", str(src), "--db", str(db), "--workers", "2")
    assert resumed.returncode == 0, resumed.stderr
    with registry.open(db) as reg:
        stored = reg.table("documents")["sha256"]
        fresh = tmp_path / "fresh.sqlite"
        with registry.open(fresh) as clean:
            clean.ingest([str(src)], workers=2)
            assert reg.counts() == clean.counts()  # nothing repeated in any table
    assert sorted(stored) == sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in files)


@needs_shared
def test_a_document_that_kills_its_worker_is_quarantined_alone(tmp_path):
    # The worker dies outright (as under the OOM killer): the local pool breaks whole and every
    # chunk in flight fails with it; only the killer may be lost, and the run must go on.
    src = tmp_path / "src"
    src.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (src / seed.name).write_bytes(seed.read_bytes())
    poison = src / "zz-poison.txt"
    poison.write_text("Số: 12/KH-UBND\nKế hoạch thi đua năm 2024 của tỉnh Khánh Hòa\n", encoding="utf-8")
    db = tmp_path / "r.sqlite"
    env = {**_env(), "CONGVAN_TEST_CRASH_ON": hashlib.sha256(poison.read_bytes()).hexdigest()}
    done = subprocess.run([sys.executable, "-c", "from pipeline.cli import main; main()", "ingest", str(src),
                           "--db", str(db), "--workers", "2", "--batch-size", "2"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 1, done.stderr
    with sqlite3.connect(db) as conn:
        paths = {Path(p).name for (p,) in conn.execute("SELECT path FROM documents")}
        quarantined = conn.execute("SELECT path, code, reason FROM quarantine").fetchall()
    assert paths == {p.name for p in SEEDS.glob("*.txt")}
    assert [(Path(p).name, code) for p, code, _ in quarantined] == [("zz-poison.txt", "E199")]
    assert "killed its worker" in quarantined[0][2]
