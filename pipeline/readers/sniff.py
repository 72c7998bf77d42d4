"""Which reader a document needs, decided by its first bytes; the file name is only a hint.

>>> sniff(b"%PDF-1.7 ..."), sniff(b"<!DOCTYPE html><html>"), sniff("Số: 48/KH-UBND".encode())
('pdf', 'html', 'text')
>>> sniff(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1" + "WordDocument".encode("utf-16-le"))
'doc'
"""

from __future__ import annotations

import codecs

from pipeline.errors import CongvanError

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_IMAGES = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
           (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"GIF8", "a GIF image"))
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")


def _zip_kind(data: bytes, name: str) -> str:
    # A .docx names its parts in the local headers, so even a truncated one shows "word/".
    if b"word/" in data or name.lower().endswith(".docx"):
        return "docx"
    if b"content.xml" in data and b"opendocument" in data[:200]:
        raise CongvanError("E110", detail="an OpenDocument file; save it as .docx")
    raise CongvanError("E110", detail="a zip archive that is not a Word .docx")


def _ole_kind(data: bytes) -> str:
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    raise CongvanError("E110", detail="an OLE file that is not a Word .doc (Excel, PowerPoint, Outlook?)")


def _html_head(data: bytes) -> bytes:
    """The start of the file as lower-case ASCII-ish bytes, with any BOM and blank lines gone."""
    head = data[:2048]
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            head = head[2:].decode(codec, errors="ignore").encode("ascii", errors="ignore")
    return head.removeprefix(codecs.BOM_UTF8).lstrip().lower()


def _is_html(data: bytes, name: str) -> bool:
    head = _html_head(data)
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
    while head.startswith(b"<!--") and b"-->" in head:
        head = head[head.find(b"-->") + 3 :].lstrip()
    if head.startswith(_HTML_STARTS):
        return True
    return name.lower().endswith((".html", ".htm", ".xhtml")) and head.startswith(b"<")


def sniff(data: bytes, name: str = "") -> str:
    """"text", "docx", "pdf", "html" or "doc"; CongvanError E110/E112 for what no reader takes."""
    if data.startswith(_ZIP):
        return _zip_kind(data, name)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(OLE):
        return _ole_kind(data)
    if data.startswith(b"{\\rtf"):
        raise CongvanError("E110", detail="RTF; save it as .docx or .txt")
    for magic, what in _IMAGES:
        if data.startswith(magic):
            raise CongvanError("E112", detail=what)
    return "html" if _is_html(data, name) else "text"
