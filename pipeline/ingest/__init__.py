"""Bulk ingestion into the registry: ``congvan ingest`` and :func:`pipeline.registry.ingest`."""

from __future__ import annotations

from pipeline.ingest.export import write_jsonl, write_parquet
from pipeline.ingest.run import Summary, extract_rows, ingest
from pipeline.ingest.sources import Item, ItemReader, count_items, discover, iter_items

__all__ = ["Item", "ItemReader", "Summary", "count_items", "discover", "extract_rows", "ingest", "iter_items", "write_jsonl",
           "write_parquet"]
