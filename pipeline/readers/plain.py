"""Plain text: UTF-8 (with or without BOM), UTF-16, CP1258; binary refused."""

from __future__ import annotations

import codecs

from pipeline.errors import CongvanError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > len(head) // 4 and even < len(head) // 50:
        return "utf-16-le"
    if even > len(head) // 4 and odd < len(head) // 50:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> str | None:
    head = data[:8192]
    if b"\x00" in head:
        return "it contains NUL bytes"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(head) * 0.05:
        return f"{controls} control bytes in the first {len(head)}"
    return None


def decode(data: bytes, encoding: str = "auto") -> tuple[str, str]:
    """Bytes -> (text, encoding used).

    >>> import unicodedata
    >>> text, used = decode(unicodedata.normalize("NFD", "Khánh Hòa").encode("cp1258"))
    >>> unicodedata.normalize("NFC", text), used
    ('Khánh Hòa', 'cp1258')
    """
    if encoding != "auto":
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError) as exc:
            raise CongvanError("E103", detail=str(exc)) from exc
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    why = _looks_binary(data)
    if why:
        raise CongvanError("E102", detail=why)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258"), "cp1258"
    except UnicodeDecodeError as exc:
        raise CongvanError("E103", detail=str(exc)) from exc
