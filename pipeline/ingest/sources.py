"""What to ingest: folders, globs and .zip archives expanded to documents, read lazily.

Only names are listed up front (a 100k-member archive lists in milliseconds); bytes are read one
item at a time as the pool asks for work, so memory stays flat however large the source.

>>> [i.path for i in discover(["/nonexistent/*.txt"])]
[]
"""

from __future__ import annotations

import glob
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import CongvanError
from pipeline.readers.base import DEFAULT_MAX_MB, read_path_bytes

DOC_SUFFIXES = frozenset({".txt", ".md", ".docx", ".doc", ".pdf", ".html", ".htm"})
ARCHIVE_SEP = "!"  # "archive.zip!folder/member.txt"


@dataclass(frozen=True)
class Item:
    """One document to read: a file, or a member of a zip archive."""

    path: str
    member: str | None = None

    @property
    def name(self) -> str:
        return f"{self.path}{ARCHIVE_SEP}{self.member}" if self.member else self.path


class ItemReader:
    """Reads items' bytes, keeping each archive open once (a 100k-member zip parses its
    directory once, not per member). Use as a context manager."""

    def __init__(self, max_mb: float = DEFAULT_MAX_MB) -> None:
        self.max_mb = max_mb
        self._archives: dict[str, zipfile.ZipFile] = {}

    def __enter__(self) -> ItemReader:
        return self

    def __exit__(self, *exc: object) -> None:
        for archive in self._archives.values():
            archive.close()
        self._archives.clear()

    def read(self, item: Item) -> bytes:
        """The item's bytes; CongvanError E100/E104/E111 when they cannot be had."""
        if item.member is None:
            return read_path_bytes(Path(item.path), self.max_mb)
        try:
            archive = self._archives.get(item.path)
            if archive is None:
                archive = self._archives[item.path] = zipfile.ZipFile(item.path)
            info = archive.getinfo(item.member)
            if info.file_size / 1_000_000 > self.max_mb:  # refuse before inflating
                raise CongvanError("E104", detail=f"{info.file_size / 1_000_000:.1f}", limit=f"{self.max_mb:g}")
            return archive.read(info)
        except (zipfile.BadZipFile, KeyError, EOFError, ValueError, RuntimeError) as exc:
            raise CongvanError("E111", detail=f"{type(exc).__name__}: {exc}") from exc
        except OSError as exc:
            raise CongvanError("E100", detail=exc.strerror or str(exc)) from exc


def _is_doc(path: Path | str) -> bool:
    return Path(path).suffix.lower() in DOC_SUFFIXES


def _archive_items(path: Path) -> Iterator[Item]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = sorted(i.filename for i in archive.infolist() if not i.is_dir() and _is_doc(i.filename))
    except (zipfile.BadZipFile, OSError):
        yield Item(str(path))  # listed as a file so it is quarantined with its reason
        return
    for name in names:
        yield Item(str(path), name)


def _expand_one(source: str) -> Iterator[Item]:
    path = Path(source)
    if path.is_dir():
        for file in sorted(f for f in path.rglob("*") if f.is_file()):
            if file.suffix.lower() == ".zip":
                yield from _archive_items(file)
            elif _is_doc(file):
                yield Item(str(file))
    elif path.suffix.lower() == ".zip" and path.exists():
        yield from _archive_items(path)
    elif path.exists():
        yield Item(str(path))
    elif glob.has_magic(source):
        for match in sorted(glob.glob(source, recursive=True)):
            if Path(match).is_dir() or _is_doc(match) or match.lower().endswith(".zip"):
                yield from _expand_one(match)
    else:
        yield Item(str(path))  # missing: reading it fails with E100 and it is quarantined


def discover(sources: list[str]) -> list[Item]:
    """Every document under the sources, each once, in a stable order."""
    seen: set[str] = set()
    items = []
    for source in sources:
        for item in _expand_one(source):
            if item.name not in seen:
                seen.add(item.name)
                items.append(item)
    return items
