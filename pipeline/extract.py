"""The one way in: text or a file -> a :class:`~pipeline.record.Record`.

>>> rec = extract_text("Số: /STNMT-VP\\nKon Tum, ngày tháng năm 2021")
>>> rec.schema_version
'1'
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from pipeline.document import Doc
from pipeline.errors import CongvanError
from pipeline.readers import Text, read_bytes
from pipeline.readers.base import read_path_bytes
from pipeline.readers.base import DEFAULT_MAX_MB
from pipeline.record import Record
from pipeline.stages import STAGES

log = logging.getLogger(__name__)


def extract_text(text: str, path: str | None = None, sha256: str | None = None) -> Record:
    """Run every stage over a text already decoded; spans index ``text`` itself."""
    if not text.strip():
        raise CongvanError("E101")
    doc = Doc.from_text(text)
    rec = doc.record
    rec.source.path = path
    rec.source.sha256 = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    for stage in STAGES:
        try:
            stage.add(doc)
        except Exception as exc:  # one stage's failure must not cost the others
            log.debug("stage %s failed", stage.name, exc_info=True)
            rec.warnings.append(f"stage {stage.name} failed: {type(exc).__name__}: {exc}")
    return rec


def _from_read(read: Text, path: str | None, sha256: str) -> Record:
    rec = extract_text(read.text, path=path, sha256=sha256)
    rec.source.reader = read.reader
    rec.source.encoding = read.encoding
    rec.source.pages = read.pages
    rec.warnings = read.warnings + rec.warnings
    return rec


def extract_bytes(data: bytes, name: str = "", encoding: str = "auto",
                  max_mb: float = DEFAULT_MAX_MB) -> Record:
    read = read_bytes(data, name, encoding=encoding, max_mb=max_mb)
    return _from_read(read, name or None, hashlib.sha256(data).hexdigest())


def extract_file(path: str | Path, encoding: str = "auto", max_mb: float = DEFAULT_MAX_MB) -> Record:
    """Read, decode and extract one file.

    Raises :class:`~pipeline.errors.CongvanError` with a catalogue code when the file cannot be
    read as a document (empty, binary, undecodable, too large, corrupt).
    """
    path = Path(path)
    data = read_path_bytes(path, max_mb)
    read = read_bytes(data, path.name, encoding=encoding, max_mb=max_mb)
    return _from_read(read, str(path), hashlib.sha256(data).hexdigest())
