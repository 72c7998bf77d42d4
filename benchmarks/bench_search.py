"""Search latency at scale: p50/p95 of ``registry.search`` over a registry of N documents.

The registry is built by replicating the records of the seeds and the corpus (each extracted
once) with varied numbers, years and hashes, straight into the store (extraction speed is
bench_ingest's business). Run:

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
from pipeline.registry.rows import DocRows, doc_label, search_row, to_rows  # noqa: E402

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


def base_records() -> list[dict[str, Any]]:
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


def build(reg: Registry, target: int, batch: int = 500) -> None:
    have = reg.counts()["documents"]
    if have >= target:
        print(f"reusing {reg.path}: {have} documents")
        return
    bases = [to_rows(rec) for rec in base_records()]
    print(f"{len(bases)} base records; building {target} documents …", flush=True)
    started, i = time.perf_counter(), have
    while i < target:
        rows = [replica(bases[(i + k) % len(bases)], i + k) for k in range(min(batch, target - i))]
        store.write_batch(reg.conn, rows)
        i += len(rows)
        if i % 10_000 < batch:
            print(f"  {i} documents, {i / (time.perf_counter() - started):.0f} docs/s", flush=True)
    reg.conn.execute("PRAGMA optimize")
    print(f"built in {time.perf_counter() - started:.0f} s; {Path(reg.path).stat().st_size / 1e9:.2f} GB")


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
    args = parser.parse_args()
    with Registry(args.db) as reg:
        build(reg, args.docs)
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
