"""What to ingest: folders, globs and .zip archives expanded to documents, read lazily.

Items are streamed, never listed whole: a folder is walked one directory at a time, in sorted
order, and bytes are read one item at a time as the pool asks for work, so memory stays flat
however many files a folder holds. (A .zip archive's own directory is held while it is read:
that is how the format works.)

>>> [i.path for i in discover(["/nonexistent/*.txt"])]
[]
"""

from __future__ import annotations

import glob
import os
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


def _walk(folder: Path) -> Iterator[Path]:
    """The files under ``folder`` in the order of sorted paths, one directory held at a time."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return  # an unreadable subfolder holds nothing we can read
    for entry in entries:
        if entry.is_dir():
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def _expand_one(source: str) -> Iterator[Item]:
    path = Path(source)
    if path.is_dir():
        for file in _walk(path):
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


def iter_items(sources: list[str]) -> Iterator[Item]:
    """Every document under the sources, each once, in a stable order, streamed."""
    # Names are remembered only when several sources may overlap ("a/" and "a/*.txt"); one
    # source, the bulk case, lists each file once by itself, and the sha256 skip would catch a
    # repeat anyway.
    seen: set[str] | None = set() if len(sources) > 1 else None
    for source in sources:
        for item in _expand_one(source):
            if seen is not None:
                if item.name in seen:
                    continue
                seen.add(item.name)
            yield item


def count_items(sources: list[str]) -> int:
    """How many items :func:`iter_items` will give (a first pass, for the progress bar)."""
    return sum(1 for _ in iter_items(sources))


def discover(sources: list[str]) -> list[Item]:
    """Every document under the sources, each once, in a stable order, as a list."""
    return list(iter_items(sources))
