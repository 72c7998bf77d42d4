"""Registry commands (ingest, search, show): not written yet."""

from __future__ import annotations
