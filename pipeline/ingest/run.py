"""Bulk ingestion: documents extracted in worker processes, written by one process in batches.

The writer reads each item's bytes, hashes them and skips a hash the registry already holds
before any extraction; new documents go to the workers in chunks, with a bounded number of
chunks in flight, so memory stays flat however many documents there are. Results are written
one transaction per batch (see :func:`pipeline.registry.store.write_batch`): after a kill -9
a re-run adds exactly what is missing. The workers are local processes or, with ``scheduler``,
a Dask cluster's (:mod:`pipeline.ingest.cluster`); nothing else changes.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import CongvanError
from pipeline.ingest.cluster import Pool, cluster_pool, local_pool
from pipeline.ingest.sources import ARCHIVE_SEP, Item, ItemReader, count_items, iter_items
from pipeline.readers.base import DEFAULT_MAX_MB
from pipeline.registry import store
from pipeline.registry.rows import DocRows, to_rows

# (name, sha256, rows or None, reason or None, error code or None)
Outcome = tuple[str, str, DocRows | None, str | None, str | None]
Failure = tuple[str, str | None, str, str | None]  # name, sha256, reason, code
Chunk = list[tuple[str, str, bytes]]  # (name, sha256, bytes) of new documents


@dataclass
class Summary:
    """What an ingest run did; ``failed`` > 0 makes the CLI exit 1."""

    found: int = 0
    added: int = 0
    known: int = 0  # already in the registry (or twice in this run): skipped before extraction
    failed: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    hashes: set[str] = field(default_factory=set)  # every readable document of this run, if asked

    @property
    def rate(self) -> float:
        return self.added / self.seconds if self.seconds else 0.0


def extract_rows(name: str, sha: str, data: bytes, max_mb: float = DEFAULT_MAX_MB) -> Outcome:
    """Extract one document into registry rows; a failure becomes a reason, never an exception."""
    from pipeline.extract import extract_bytes

    try:
        record = extract_bytes(data, Path(name).name, max_mb=max_mb)
        record.source.path = name
        return name, sha, to_rows(record.to_dict(), sha, name), None, None
    except CongvanError as exc:
        return name, sha, None, str(exc), exc.code
    except Exception as exc:  # a bug on one odd file must not stop ten thousand others
        return name, sha, None, f"[E199] extraction crashed: {type(exc).__name__}: {exc}", "E199"


# Fault injection for the tests: a worker process that meets the document with this sha256 dies
# at once, as one killed by the OOM killer or a crash in a C extension would.
CRASH_ON = "CONGVAN_TEST_CRASH_ON"


def _extract_chunk(chunk: Chunk, max_mb: float) -> list[Outcome]:
    crash_on = os.environ.get(CRASH_ON) if multiprocessing.parent_process() is not None else None
    if crash_on and any(sha == crash_on for _, sha, _ in chunk):
        os._exit(70)
    return [extract_rows(name, sha, data, max_mb) for name, sha, data in chunk]


def _killed(name: str, sha: str, exc: BaseException) -> Outcome:
    reason = f"[E199] extraction crashed: the document killed its worker: {type(exc).__name__}: {exc}"
    return name, sha, None, reason, "E199"


@dataclass
class _Writer:
    """Buffers outcomes and writes them a batch (one transaction) at a time."""

    conn: store.Connection
    summary: Summary
    batch_size: int
    quarantine_dir: Path | None
    reader: ItemReader
    keep_hashes: bool = False
    known: _Known | None = None
    docs: list[DocRows] = field(default_factory=list)
    fails: list[Failure] = field(default_factory=list)

    def take(self, outcome: Outcome) -> None:
        name, sha, rows, reason, code = outcome
        if rows is not None:
            self.docs.append(rows)
        else:
            self.fail(name, sha, reason or "unknown failure", code)
        if len(self.docs) + len(self.fails) >= self.batch_size:
            self.flush()

    def fail(self, name: str, sha: str | None, reason: str, code: str | None, data: bytes | None = None) -> None:
        self.fails.append((name, sha, reason, code))
        self.summary.failed += 1
        if len(self.summary.failures) < 1000:
            self.summary.failures.append((name, sha, reason, code))
        if self.quarantine_dir is not None:
            self._copy(name, sha, data)

    def _copy(self, name: str, sha: str | None, data: bytes | None) -> None:
        assert self.quarantine_dir is not None
        self.quarantine_dir.mkdir(parents=True, exist_ok=True)
        target = self.quarantine_dir / f"{(sha or 'unreadable')[:12]}_{Path(name).name}"
        try:
            if data is None and sha is not None:
                data = self.reader.read(_item_of(name))
            if data is not None:
                target.write_bytes(data)
            elif Path(name).is_file():
                shutil.copyfile(name, target)
        except (OSError, CongvanError):
            pass  # the quarantine table still says what failed and why

    def flush(self) -> None:
        if self.docs or self.fails:
            self.summary.added += store.write_batch(self.conn, self.docs, self.fails)
            if self.known is not None:  # in the database now: no need to remember them here
                self.known.written(rows.document["sha256"] for rows in self.docs)
            self.docs, self.fails = [], []


def _item_of(name: str) -> Item:
    path, sep, member = name.partition(ARCHIVE_SEP)
    return Item(path, member) if sep and Path(path).is_file() else Item(name)


class _Known:
    """Whether a document is in the registry or on its way there, asked of the database one hash
    at a time: holding every hash of a registry of millions would grow the writer with it."""

    def __init__(self, conn: store.Connection) -> None:
        self.conn = conn
        self.pending: set[str] = set()  # sent to extraction, not yet written (failures stay)

    def __contains__(self, sha: str) -> bool:
        return sha in self.pending or store.has_document(self.conn, sha)

    def add(self, sha: str) -> None:
        self.pending.add(sha)

    def written(self, shas: Iterable[str]) -> None:
        self.pending.difference_update(shas)


def _chunks(items: Iterable[Item], reader: ItemReader, writer: _Writer, known: _Known, chunk_size: int,
            advance: Callable[[int], None]) -> Iterator[Chunk]:
    """New documents' bytes in chunks; unreadable and already-known items are settled here."""
    chunk: Chunk = []
    for item in items:
        try:
            data = reader.read(item)
        except CongvanError as exc:
            writer.fail(item.name, None, str(exc), exc.code)
            advance(1)
            continue
        sha = hashlib.sha256(data).hexdigest()
        if writer.keep_hashes:
            writer.summary.hashes.add(sha)
        if sha in known:
            writer.summary.known += 1
            advance(1)
            continue
        known.add(sha)
        chunk.append((item.name, sha, data))
        if len(chunk) >= chunk_size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(conn: store.Connection, sources: list[str], workers: int | None = None, *,
           batch_size: int = 64, chunk_size: int = 8, quarantine_dir: str | Path | None = None,
           max_mb: float = DEFAULT_MAX_MB, on_start: Callable[[int], None] | None = None,
           advance: Callable[[int], None] | None = None, scheduler: str | Any | None = None,
           keep_hashes: bool = False) -> Summary:
    """Ingest every document under ``sources`` into the registry ``conn``.

    ``workers``: processes (default: the cores; 0 runs in this process). ``scheduler``: a Dask
    scheduler's address (``tcp://host:8786``) or a ``distributed.Client``; extraction then runs on
    the cluster's workers (``workers`` is ignored) and CongvanError E130 says when it cannot.
    ``on_start(total)`` and ``advance(n)`` drive a progress display. ``keep_hashes``: fill
    ``Summary.hashes`` with every readable document of the run (for an export of its records).
    """
    started = time.perf_counter()
    with ExitStack() as engines:
        # the cluster first: a wrong address fails before a 100k-file source is listed
        pool = engines.enter_context(cluster_pool(scheduler)) if scheduler is not None else None
        summary = Summary(found=count_items(sources))
        step = advance or (lambda n: None)
        if on_start:
            on_start(summary.found)
        store.for_bulk_writes(conn)
        known = _Known(conn)
        workers = (os.cpu_count() or 1) if workers is None else workers
        with ItemReader(max_mb) as reader:
            writer = _Writer(conn, summary, batch_size, Path(quarantine_dir) if quarantine_dir else None, reader,
                             keep_hashes, known)
            chunks = _chunks(iter_items(sources), reader, writer, known, chunk_size, step)
            if pool is None and workers <= 0:
                for chunk in chunks:
                    for outcome in _extract_chunk(chunk, max_mb):
                        writer.take(outcome)
                    step(len(chunk))
            else:
                _run_pool(chunks, pool or engines.enter_context(local_pool(workers)), max_mb, writer, step)
            writer.flush()
    summary.seconds = time.perf_counter() - started
    return summary


def _run_pool(chunks: Iterator[Chunk], pool: Pool, max_mb: float, writer: _Writer,
              step: Callable[[int], None]) -> None:
    run = _PoolRun(pool, max_mb, writer, step)
    limit = pool.slots * 3  # enough to keep every worker busy while the writer writes, no more
    for chunk in chunks:
        run.submit(chunk)
        run.drain(limit - 1)
    run.drain(0)


@dataclass
class _PoolRun:
    """Chunks in flight on a pool, and what to do when a document kills its worker."""

    pool: Pool
    max_mb: float
    writer: _Writer
    step: Callable[[int], None]
    in_flight: dict[Future[list[Outcome]], Chunk] = field(default_factory=dict)

    def submit(self, chunk: Chunk) -> None:
        self.in_flight[self.pool.executor.submit(_extract_chunk, self.pool.ship(chunk), self.max_mb)] = chunk

    def take(self, outcomes: list[Outcome]) -> None:
        for outcome in outcomes:
            self.writer.take(outcome)
        self.step(len(outcomes))

    def drain(self, below: int) -> None:
        while len(self.in_flight) > below:
            done, _ = wait(list(self.in_flight), return_when=FIRST_COMPLETED)
            for future in done:
                if future in self.in_flight:  # isolate() may have settled it already
                    self.settle(future, self.in_flight.pop(future))

    def settle(self, future: Future[list[Outcome]], chunk: Chunk) -> None:
        try:
            outcomes = future.result()
        except self.pool.crashes as exc:
            if self.pool.restart is not None:
                self.isolate(chunk)
                return
            if len(chunk) > 1:  # which document killed the worker? each alone tells
                for one in chunk:
                    self.submit([one])
                return
            outcomes = [_killed(chunk[0][0], chunk[0][1], exc)]
        self.take(outcomes)

    def isolate(self, chunk: Chunk) -> None:
        """A local pool breaks whole when one worker dies, failing every chunk in flight: their
        documents run again one at a time in a fresh pool, so only the killer is quarantined."""
        suspects = list(chunk)
        for future, other in list(self.in_flight.items()):
            del self.in_flight[future]
            try:
                self.take(future.result())  # finished before the break
            except self.pool.crashes:
                suspects.extend(other)
        self.pool.renew()
        for one in suspects:
            try:
                self.take(self.pool.executor.submit(_extract_chunk, [one], self.max_mb).result())
            except self.pool.crashes as exc:
                self.take([_killed(one[0], one[1], exc)])
                self.pool.renew()
