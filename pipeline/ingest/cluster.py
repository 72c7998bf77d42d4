"""Where extraction runs: a local process pool, or the workers of a Dask cluster.

``congvan ingest --scheduler tcp://HOST:8786`` moves only extraction: discovery, hashing, the
skip of known documents, the writer and the quarantine stay in this process, so a cluster run
writes exactly what a local run writes. Both engines are a ``concurrent.futures`` Executor
(``Client.get_executor()`` is one), driven by the same bounded loop in :mod:`pipeline.ingest.run`.

Bytes are shipped to the workers, not names. The writer must read every file anyway to hash it
(the sha256 decides, before any extraction, whether a document is new), so the bytes are in hand;
sending them on needs no shared mount with identical paths on every worker, and the worker
extracts exactly the bytes that were hashed, even if the file changes meanwhile. Documents are
small beside their extraction time (tens of KB against a tenth of a second or more of CPU), so
this one process's network link is not what limits a cluster. A small chunk travels inside its
task (through the scheduler, Dask's usual path); a chunk over :data:`SCATTER_BYTES` (PDFs, scans)
is scattered straight to a worker first, so the scheduler never relays megabytes.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pipeline import __version__
from pipeline.errors import CongvanError

INSTALL_HINT = "install it with `pip install congvan[cluster]`"
SCATTER_BYTES = 1_000_000


def _as_is(chunk: list[Any]) -> Any:
    return chunk


@dataclass
class Pool:
    """An executor and how many chunks it runs at once (the in-flight bound is a multiple of it)."""

    executor: Executor
    slots: int
    # A chunk failing with one of these means a document killed its worker (segfault, out of
    # memory): its documents are retried one by one and the one that keeps killing is quarantined.
    crashes: tuple[type[BaseException], ...] = ()
    # What is submitted for a chunk of (name, sha256, bytes): the chunk, or a handle to its bytes
    ship: Callable[[list[Any]], Any] = _as_is
    # A new executor for one that a dying worker broke whole (a local process pool); None where
    # the engine survives its workers (Dask reschedules their work).
    restart: Callable[[], Executor] | None = None

    def renew(self) -> None:
        if self.restart is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self.restart()


def warm_up() -> str:
    """Import the stages once per worker, not per chunk; the worker's congvan version."""
    import pipeline.extract  # noqa: F401

    return __version__


def _init_local() -> None:
    warm_up()


@contextmanager
def local_pool(workers: int) -> Iterator[Pool]:
    # forkserver, not fork: a forked worker would inherit the writer's open SQLite connection,
    # and SQLite forbids touching (even closing) a connection across fork().
    context = multiprocessing.get_context("forkserver")

    def start() -> Executor:
        return ProcessPoolExecutor(max_workers=workers, initializer=_init_local, mp_context=context)

    pool = Pool(start(), workers, crashes=(BrokenProcessPool,), restart=start)
    try:
        yield pool
    finally:
        pool.executor.shutdown(wait=True, cancel_futures=True)


def _fail(detail: str) -> CongvanError:
    return CongvanError("E130", detail=detail)


def _connect(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise _fail(f"dask.distributed is not installed: {INSTALL_HINT}") from None
    reason = ""
    try:
        return Client(address, set_as_default=False)
    except (OSError, ValueError, TimeoutError) as exc:
        reason = f"cannot reach the scheduler at {address} ({exc})"
    # The half-built Client closes now, while its event loop runs; left to interpreter exit it
    # prints a traceback after our one-line message.
    gc.collect()
    raise _fail(reason)


def _check_workers(client: Any) -> int:
    """Every worker warmed up and running our congvan; the number of worker threads."""
    try:
        client.wait_for_workers(1, timeout=60)
    except (TimeoutError, OSError):
        raise _fail(f"no worker joined the scheduler {client.scheduler.address} within 60 s") from None
    try:
        versions = client.run(warm_up)
    except Exception as exc:  # whatever a worker without congvan raises while unpickling our function
        raise _fail(f"a worker cannot run congvan ({type(exc).__name__}: {exc}); install congvan on every "
                    "worker machine") from None
    odd = {worker: version for worker, version in versions.items() if version != __version__}
    if odd:
        raise _fail(f"workers run another congvan version than this machine's {__version__}: {odd}")
    return max(1, sum(client.nthreads().values()))


@contextmanager
def cluster_pool(scheduler: Any) -> Iterator[Pool]:
    """A Pool on a Dask cluster: ``scheduler`` is an address (``tcp://host:8786``) or a
    ``distributed.Client`` (left open). Workers that join later warm up on their first chunk."""
    own = isinstance(scheduler, str)
    client = _connect(scheduler) if own else scheduler
    try:
        from distributed import KilledWorker

        slots = _check_workers(client)
        # pure=False: a chunk's key need not be a hash of its bytes (each chunk is new work anyway)
        executor = client.get_executor(pure=False)

        def ship(chunk: list[Any]) -> Any:
            if sum(len(data) for _, _, data in chunk) <= SCATTER_BYTES:
                return chunk
            return client.scatter([chunk], hash=False)[0]  # [chunk]: the chunk is one datum, not one per item

        try:
            yield Pool(executor, slots, crashes=(KilledWorker,), ship=ship)
        finally:
            executor.shutdown(wait=False)  # a failed run leaves nothing queued on the cluster
    finally:
        if own:
            client.close()
