"""The searchable campaign registry: documents, cited acts, campaigns, tasks and units in SQLite
(a file, by default) or PostgreSQL (a ``postgresql://user@host:5432/dbname`` URL, the server option).

The library API that ``congvan ingest|search|show`` mirrors; tables come out as DataFrames::

    >>> import pipeline.registry as registry
    >>> with registry.open(":memory:") as reg:
    ...     added = reg.add_record({"source": {"sha256": "ab12"}, "header": {
    ...         "subject": "Phát động phong trào thi đua đặc biệt", "issuer": "Sở Tài nguyên và Môi trường",
    ...         "date": {"year": 2023}}})
    ...     reg.search("thi dua", kind="document")[["id", "snippet"]].values.tolist()
    [['D1', 'Phát động phong trào [thi đua] đặc biệt']]
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

import pandas as pd

from pipeline.registry import queries, store
from pipeline.registry.pg import Connection
from pipeline.registry.rows import record_of, to_rows
from pipeline.registry.search import search as _search

__all__ = ["Registry", "ingest", "open", "search", "show"]


class Registry:
    """An open registry database (created and migrated on first open)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.conn: Connection = store.connect(self.path)

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def ingest(self, sources: list[str] | str, workers: int | None = None, *, scheduler: Any = None,
               **options: Any) -> Any:
        """Ingest folders, globs, .zip archives or files; returns the run's Summary.

        ``scheduler``: a Dask scheduler address (``"tcp://host:8786"``) or a ``distributed.Client``
        to extract on that cluster's workers; see :func:`pipeline.ingest.run.ingest` for the rest.
        """
        from pipeline.ingest import ingest as run

        return run(self.conn, [sources] if isinstance(sources, str | Path) else list(sources), workers,
                   scheduler=scheduler, **options)

    def add_record(self, record: Any, sha256: str | None = None, path: str | None = None) -> int | None:
        """Add one extracted record (a Record or its dict); its id, or None when already present."""
        rec = record if isinstance(record, dict) else record.to_dict()
        rows = to_rows(rec, sha256, path)
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            return store.add_document(self.conn, rows)

    def search(self, query: str, kind: str | None = None, **filters: Any) -> pd.DataFrame:
        """Ranked hits: see :func:`pipeline.registry.search.search`."""
        return _search(self.conn, query, kind, **filters)

    def show(self, ref: str | int) -> dict[str, Any]:
        """One item and its tables: see :func:`pipeline.registry.queries.show`."""
        return queries.show(self.conn, str(ref))

    def record(self, ref: str | int) -> dict[str, Any]:
        """The full extracted record of a document (D12, 12, 48/KH-UBND or a sha256 prefix)."""
        kind, doc_id = queries.resolve_ref(self.conn, str(ref))
        if kind != "document":
            raise ValueError(f"{ref} is a {kind}, not a document")
        row = self.conn.execute("SELECT record FROM records WHERE document_id = ?", (doc_id,)).fetchone()
        return record_of(row[0])

    def sql(self, query: str, params: tuple[Any, ...] = ()) -> pd.DataFrame:
        return queries.frame(self.conn, query, params)

    def table(self, name: str) -> pd.DataFrame:
        """A whole table (``documents`` without its record JSON, ``campaigns``, ``quarantine``…)."""
        if name not in _TABLES:
            raise ValueError(f"unknown table {name!r}: one of {', '.join(_TABLES)}")
        return self.sql(f"SELECT {_TABLES[name]} FROM {name} ORDER BY 1")

    def counts(self) -> dict[str, int]:
        return {name: int(self.conn.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0]) for name in _TABLES}


_TABLES = {
    "documents": "id, sha256, path, doc_type, number, symbol, issuer, place, year, month, day, subject, n_warnings",
    "citations": "*", "sections": "*", "entities": "*", "campaigns": "*", "campaign_aliases": "*", "campaign_mentions": "*",
    "themes": "*", "tasks": "*", "records": "document_id, LENGTH(record) AS bytes", "assignees": "*", "task_assignees": "*", "quarantine": "*",
}


def open(path: str | Path) -> Registry:
    """Open or create the registry at ``path`` (":memory:" for a throwaway one), or in the
    PostgreSQL database a ``postgresql://`` URL names (created there on first open)."""
    return Registry(path)


def ingest(path: str | Path, sources: list[str] | str, workers: int | None = None, *, scheduler: Any = None,
           **options: Any) -> Any:
    with Registry(path) as reg:
        return reg.ingest(sources, workers, scheduler=scheduler, **options)


def search(path: str | Path, query: str, kind: str | None = None, **filters: Any) -> pd.DataFrame:
    with Registry(path) as reg:
        return reg.search(query, kind, **filters)


def show(path: str | Path, ref: str | int) -> dict[str, Any]:
    with Registry(path) as reg:
        return reg.show(ref)
