"""The reader interface and the dispatch by content sniffing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import CongvanError
from pipeline.readers.plain import decode

DEFAULT_MAX_MB = 32.0


@dataclass
class Text:
    text: str
    reader: str = "text"
    encoding: str | None = None
    pages: list[int] | None = None  # offsets where each page starts, for paged sources
    warnings: list[str] = field(default_factory=list)


def read_bytes(data: bytes, name: str = "", encoding: str = "auto",
               max_mb: float = DEFAULT_MAX_MB) -> Text:
    """Decode a document's bytes into text.

    >>> read_bytes("Số: 48/KH-UBND".encode("utf-16")).text
    'Số: 48/KH-UBND'
    """
    size_mb = len(data) / 1_000_000
    if size_mb > max_mb:
        raise CongvanError("E104", detail=f"{size_mb:.1f}", limit=f"{max_mb:g}")
    if not data.strip():
        raise CongvanError("E101")
    text, used = decode(data, encoding)
    return Text(text=text, reader="text", encoding=used)


def read_path_bytes(path: Path, max_mb: float = DEFAULT_MAX_MB) -> bytes:
    """A file's bytes, refusing one over the size limit before reading it."""
    try:
        size = path.stat().st_size
        if size / 1_000_000 > max_mb:
            raise CongvanError("E104", detail=f"{size / 1_000_000:.1f}", limit=f"{max_mb:g}")
        return path.read_bytes()
    except OSError as exc:
        raise CongvanError("E100", detail=exc.strerror or str(exc)) from exc


def read_path(path: str | Path, encoding: str = "auto", max_mb: float = DEFAULT_MAX_MB) -> Text:
    path = Path(path)
    return read_bytes(read_path_bytes(path, max_mb), path.name, encoding, max_mb)
