"""Records out of the registry: JSON Lines and Parquet, streamed in chunks.

Parquet keeps the header as columns (for a DataFrame at a glance) and the whole record as a JSON
string column, so nested lists survive without a schema that changes with every stage.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline.registry.pg import Connection
from pipeline.registry.rows import record_of

_COLUMNS = ("sha256", "path", "doc_type", "number", "symbol", "issuer", "place", "year", "month", "day",
            "subject", "record")
_CHUNK = 500


def _rows(conn: Connection, hashes: Iterable[str] | None) -> Iterator[Any]:
    cols = ", ".join(_COLUMNS)
    source = "documents JOIN records ON records.document_id = documents.id"
    if hashes is None:
        yield from conn.execute(f"SELECT {cols} FROM {source} ORDER BY id")
        return
    wanted = sorted(hashes)
    for start in range(0, len(wanted), _CHUNK):
        part = wanted[start:start + _CHUNK]
        marks = ",".join("?" * len(part))
        yield from conn.execute(f"SELECT {cols} FROM {source} WHERE sha256 IN ({marks}) ORDER BY id", part)


def write_jsonl(conn: Connection, target: str | Path, hashes: Iterable[str] | None = None) -> int:
    """One record per line; ``hashes`` limits it to those documents (default: all). Lines written."""
    count = 0
    with open(target, "w", encoding="utf-8") as out:
        for row in _rows(conn, hashes):
            out.write(json.dumps(record_of(row["record"]), ensure_ascii=False) + "\n")
            count += 1
    return count


def write_parquet(conn: Connection, target: str | Path, hashes: Iterable[str] | None = None) -> int:
    """Header columns plus ``record_json``; written in row groups so memory stays flat."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = [*_COLUMNS[:-1], "record_json"]
    schema = pa.schema([(c, pa.int64() if c in ("year", "month", "day") else pa.string()) for c in names])
    count = 0
    with pq.ParquetWriter(str(target), schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in _rows(conn, hashes):
            values = dict(row)
            values["record_json"] = json.dumps(record_of(values.pop("record")), ensure_ascii=False)
            batch.append(values)
            if len(batch) >= _CHUNK:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
