"""The reader interface and the dispatch by content sniffing.

Each format's reader lives in its own module and is imported only when a document needs it, so
reading plain text (the hot path) never pays for python-docx, pypdf or BeautifulSoup.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from itertools import pairwise
from pathlib import Path

from pipeline.errors import CongvanError
from pipeline.readers.legacy import detect, legacy_name, to_unicode
from pipeline.readers.plain import decode, utf8_complete_length
from pipeline.readers.sniff import sniff
from pipeline.readers.text import Text, page_of

__all__ = ["DEFAULT_MAX_MB", "Text", "page_of", "read_bytes", "read_path", "read_path_bytes"]

DEFAULT_MAX_MB = 16.0  # a real dispatch is under 1 MB of text; extraction costs ~4 s a MB

# kind -> (module, function); every function takes (data, encoding) or (data,) and returns Text.
_READERS = {
    "docx": ("pipeline.readers.docx_reader", "read_docx"),
    "pdf": ("pipeline.readers.pdf_reader", "read_pdf"),
    "html": ("pipeline.readers.html_reader", "read_html"),
    "doc": ("pipeline.readers.doc_reader", "read_doc"),
}
_LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}


def _reader(kind: str) -> Callable[..., Text]:
    module, function = _READERS[kind]
    reader: Callable[..., Text] = getattr(import_module(module), function)
    return reader


def _convert_legacy(read: Text, encoding: str) -> Text:
    """Legacy-font text inside a .docx/.pdf/.html (".VnTime" runs) comes out as mojibake."""
    legacy = legacy_name(encoding) or (detect(read.text) if encoding.lower() == "auto" else None)
    if not legacy:
        return read
    if not read.pages:
        read.text = to_unicode(read.text, legacy)
    else:  # convert page by page so that the page offsets follow a change of length (VNI)
        bounds = [*read.pages, len(read.text)]
        parts = [to_unicode(read.text[s:e], legacy) for s, e in pairwise(bounds)]
        read.pages = [sum(len(p) for p in parts[:i]) for i in range(len(parts))]
        read.text = "".join(parts)
    read.encoding = legacy
    return read


def read_bytes(data: bytes, name: str = "", encoding: str = "auto",
               max_mb: float = DEFAULT_MAX_MB) -> Text:
    """Decode a document's bytes into text, choosing the reader by the content.

    A UTF-8 character cut at the very end (an interrupted copy) is dropped with a warning, so the
    file still reads as UTF-8 rather than failing or passing for CP1258; a decoder's own error
    becomes E103.

    >>> read = read_bytes("Kính gửi: Sở".encode()[:-1])
    >>> read.text, read.warnings
    ('Kính gửi: S', ['the file ends inside a character: 2 bytes dropped'])

    >>> read_bytes("Số: 48/KH-UBND".encode("utf-16")).text
    'Số: 48/KH-UBND'
    >>> read = read_bytes("Sè: 48/KH-UBND ngµy 30/3/2022 cña UBND tØnh".encode("cp1252"))
    >>> read.text, read.encoding
    ('Số: 48/KH-UBND ngày 30/3/2022 của UBND tỉnh', 'tcvn3')
    """
    warnings = []
    cut = utf8_complete_length(data) if encoding == "auto" else len(data)
    if cut < len(data):
        try:
            data[:cut].decode("utf-8")
            data, warnings = data[:cut], [f"the file ends inside a character: {len(data) - cut} bytes dropped"]
        except UnicodeDecodeError:
            pass  # not UTF-8 anyway: the decoders below decide
    try:
        read = _read_bytes(data, name, encoding, max_mb)
    except UnicodeError as exc:  # a BOM that promises an encoding the bytes then break
        raise CongvanError("E103", detail=str(exc)) from exc
    read.warnings = warnings + read.warnings
    return read


def _read_bytes(data: bytes, name: str, encoding: str, max_mb: float) -> Text:
    size_mb = len(data) / 1_000_000
    if size_mb > max_mb:
        raise CongvanError("E104", detail=f"{size_mb:.1f}", limit=f"{max_mb:g}")
    if not data.strip():
        raise CongvanError("E101")
    kind = sniff(data, name)
    if kind == "text":
        text, used = decode(data, encoding)
        read = Text(text=text, reader="text", encoding=used)
    else:
        read = _convert_legacy(_reader(kind)(data, encoding), encoding)
        if not read.text.strip():
            raise CongvanError("E105")
    if read.encoding in _LEGACY_NAMES:
        read.warnings.append(f"legacy {_LEGACY_NAMES[read.encoding]} encoding converted to Unicode")
    return read


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
