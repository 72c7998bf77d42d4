"""Bulk ingestion into the registry: ``congvan ingest`` and :func:`pipeline.registry.ingest`."""

from __future__ import annotations

from pipeline.ingest.export import write_jsonl, write_parquet
from pipeline.ingest.run import Summary, extract_rows, ingest
from pipeline.ingest.sources import Item, ItemReader, discover

__all__ = ["Item", "ItemReader", "Summary", "discover", "extract_rows", "ingest", "write_jsonl", "write_parquet"]
