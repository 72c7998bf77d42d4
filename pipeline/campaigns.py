"""Stage `campaigns`: not written yet."""

from __future__ import annotations

from pipeline.document import Doc


def add(doc: Doc) -> None:
    """Add this stage's part of the record to ``doc.record``."""
