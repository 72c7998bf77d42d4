"""Search latency at scale: p50/p95 of ``registry.search`` over a registry of N documents.

The registry is built by replicating the records of the seeds and the corpus (each extracted
once) with varied numbers, years and hashes: ``--base`` documents straight into the store
(extraction speed is bench_ingest's business), then SQL copies up to N. Run:

    .venv/bin/python benchmarks/bench_search.py --docs 100000 [--db /tmp/bench-search.sqlite]

A database already holding N documents is reused, so a second run only measures the queries.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract import extract_file  # noqa: E402
from pipeline.registry import Registry, store  # noqa: E402
from pipeline.registry.rows import DocRows, doc_label, record_of, search_row, to_rows  # noqa: E402

SHARED = ROOT.parent / "shared"
QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("thi dua", {}),
    ("thi đua", {"kind": "campaign"}),
    ("Khanh Hoa", {}),
    ("khánh hoà", {"kind": "document"}),
    ("nong thon moi", {"kind": "campaign"}),
    ("van phong so", {"kind": "assignee"}),
    ("cong thong tin dien tu", {"kind": "task"}),
    ("nghi dinh", {"kind": "document", "year": 2021}),
    ("thi dua", {"kind": "document", "issuer": "Sở Tài nguyên và Môi trường"}),
    ("bao cao", {"kind": "task", "assignee": "Văn phòng Sở"}),
    ("chuyen doi so", {}),
    ("phong chong covid", {}),
    ("ubnd tinh soc trang", {"kind": "document"}),
    ("quyet dinh khen thuong", {}),
    ("tai nguyen moi truong", {"kind": "task"}),
    ("xyzzy khong co", {}),
]


def base_records(registry_path: str | None = None) -> list[dict[str, Any]]:
    """The seeds' and corpus' records: extracted, or read back from a registry holding them."""
    if registry_path:
        with Registry(registry_path) as other:
            blobs = other.conn.execute("SELECT record FROM records ORDER BY document_id LIMIT 264").fetchall()
        return [record_of(b[0]) for b in blobs]
    paths = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus").rglob("*.md"))
    records = []
    for path in paths:
        try:
            records.append(extract_file(path).to_dict())
        except Exception as exc:  # a benchmark goes on without one odd file
            print(f"skip {path.name}: {exc}", file=sys.stderr)
    return records


def replica(base: DocRows, i: int) -> DocRows:
    """Copy ``i`` of a document's rows: a new number, a year in 2015–2026, its own hash."""
    doc = {**base.document, "number": str(1000 + i), "number_key": str(1000 + i), "year": 2015 + i % 12,
           "sha256": hashlib.sha256(f"{base.document['sha256']}:{i}".encode()).hexdigest()}
    search = search_row(base.search["title"], f"{doc_label(doc)} · {base.search['body']}")
    return dataclasses.replace(base, document=doc, search=search)  # child rows are only read: shared


def build(reg: Registry, target: int, base: int, records_from: str | None = None, batch: int = 500) -> None:
    """``base`` documents through the store (as ingest writes them), then SQL copies of those
    rows, doubling, up to ``target``: search reads documents, tasks, units, campaign mentions and
    the search tables, and those are what the copies hold (sections, entities, citations and the
    stored records of copies are left out: search never reads them)."""
    have = reg.counts()["documents"]
    if have >= target:
        print(f"reusing {reg.path}: {have} documents")
        return
    started = time.perf_counter()
    if have < base:
        bases = [to_rows(rec) for rec in base_records(records_from)]
        print(f"{len(bases)} base records; writing {base} documents …", flush=True)
        i = have
        while i < base:
            rows = [replica(bases[(i + k) % len(bases)], i + k) for k in range(min(batch, base - i))]
            store.write_batch(reg.conn, rows)
            i += len(rows)
        print(f"  {base} documents written, {(base - have) / (time.perf_counter() - started):.0f} docs/s", flush=True)
    while (have := reg.counts()["documents"]) < target:
        copy_documents(reg.conn, min(have, target - have))
        print(f"  {reg.counts()['documents']} documents", flush=True)
    reg.conn.execute("PRAGMA optimize")
    print(f"built in {time.perf_counter() - started:.0f} s; {Path(reg.path).stat().st_size / 1e9:.2f} GB")


def copy_documents(conn: Any, k: int) -> None:
    """Copy documents 1..k (new ids, numbers, years, hashes) with their tasks, units and mentions."""
    d = conn.execute("SELECT MAX(id) FROM documents").fetchone()[0]
    t = conn.execute("SELECT COALESCE(MAX(id), 0) FROM tasks").fetchone()[0]
    m = conn.execute("SELECT COALESCE(MAX(id), 0) FROM campaign_mentions").fetchone()[0]
    statements = [
        ("INSERT INTO documents SELECT id + :d, sha256 || ':' || (id + :d), path, doc_type, doc_type_code, "
         "CAST(id + :d AS TEXT), symbol, CAST(id + :d AS TEXT), symbol_key, issuer, issuer_key, issuer_parent, "
         "place, 2015 + (id + :d) % 12, month, day, subject, signer, n_warnings, ingested_at "
         "FROM documents WHERE id <= :k"),
        ("INSERT INTO tasks SELECT id + :t, document_id + :d, ordinal, action, deadline, deadline_text, section, "
         "span_start, span_end FROM tasks WHERE document_id <= :k"),
        ("INSERT INTO task_assignees SELECT ta.task_id + :t, ta.assignee_id, ta.role FROM task_assignees ta "
         "JOIN tasks x ON x.id = ta.task_id WHERE x.document_id <= :k AND x.id <= :t"),
        ("INSERT INTO campaign_mentions SELECT id + :m, campaign_id, document_id + :d, ordinal, name, role, kind, "
         "theme, start_date, end_date, period, span_start, span_end FROM campaign_mentions WHERE document_id <= :k "
         "AND id <= :m"),
        ("INSERT INTO search_documents (rowid, title, body, ftitle, fbody) SELECT rowid + :d, title, body, ftitle, "
         "fbody FROM search_documents WHERE rowid <= :k"),
        ("INSERT INTO search_tasks (rowid, title, body, ftitle, fbody) SELECT s.rowid + :t, s.title, s.body, "
         "s.ftitle, s.fbody FROM search_tasks s JOIN tasks x ON x.id = s.rowid WHERE x.document_id <= :k "
         "AND x.id <= :t"),
    ]
    with conn:
        conn.execute("BEGIN")
        for sql in statements:
            conn.execute(sql, {"d": d, "t": t, "m": m, "k": k})


def measure(reg: Registry, rounds: int) -> list[float]:
    for query, options in QUERIES:  # warm the page cache: the figure is for a registry in use
        reg.search(query, **options)
    times = []
    for _ in range(rounds):
        for query, options in QUERIES:
            start = time.perf_counter()
            reg.search(query, **options)
            times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/bench-search.sqlite")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--base", type=int, default=5000, help="documents written through the store")
    parser.add_argument("--records-from", help="take the base records from this registry, not extraction")
    args = parser.parse_args()
    with Registry(args.db) as reg:
        build(reg, args.docs, min(args.base, args.docs), args.records_from)
        counts = reg.counts()
        times = measure(reg, args.rounds)
        per_query: list[list[float]] = [[] for _ in QUERIES]
        for n, t in enumerate(times):
            per_query[n % len(QUERIES)].append(t)
    cuts = statistics.quantiles(times, n=100)
    print(f"registry: {counts['documents']} documents, {counts['tasks']} tasks, {counts['campaigns']} campaigns, "
          f"{counts['assignees']} assignees")
    print(f"search over {len(times)} queries: p50 {cuts[49]:.1f} ms, p95 {cuts[94]:.1f} ms, max {max(times):.1f} ms")
    for (query, options), samples in zip(QUERIES, per_query, strict=True):
        print(f"  {statistics.median(samples):7.1f} ms  {query!r} {options}")


if __name__ == "__main__":
    main()
