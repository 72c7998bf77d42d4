"""The one way in: text or a file -> a :class:`~pipeline.record.Record`.

>>> rec = extract_text("Số: /STNMT-VP\\nKon Tum, ngày tháng năm 2021")
>>> rec.schema_version
'1'
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import regex

from pipeline.document import Doc
from pipeline.errors import CongvanError
from pipeline.readers import Text, read_bytes
from pipeline.readers.base import DEFAULT_MAX_MB, read_path_bytes
from pipeline.record import Record
from pipeline.stages import STAGES

log = logging.getLogger(__name__)


# Characters that carry nothing: a text of only these is empty (BOM, zero-width, whitespace).
_BLANK = regex.compile(r"[\s\ufeff\u200b-\u200d\u2060]*")
_WORDLIKE = regex.compile(r"[\p{L}\p{N}]")


def _refuse_empty(text: str) -> None:
    """E101 for a text of blanks only, E105 for one without a single letter or digit.

    >>> _refuse_empty("\\ufeff \\u200b\\n")
    Traceback (most recent call last):
    pipeline.errors.CongvanError: [E101] the file is empty
    """
    if _BLANK.fullmatch(text):
        raise CongvanError("E101")
    if not _WORDLIKE.search(text):
        raise CongvanError("E105")


def _warn_if_not_a_dispatch(rec: Record) -> None:
    header = rec.header
    if header.symbol is None and header.doc_type is None and header.issuer is None:
        rec.warnings.append("not an administrative document? no number, type or issuer found")


def extract_text(text: str, path: str | None = None, sha256: str | None = None) -> Record:
    """Run every stage over a text already decoded; spans index ``text`` itself."""
    _refuse_empty(text)
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
    _warn_if_not_a_dispatch(rec)
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
