"""Plain text: UTF-8 (with or without BOM), UTF-16, CP1258, TCVN3 and VNI; binary refused.

Legacy TCVN3/VNI text is recognised whether its bytes come raw (cp1252 code points) or were
already re-encoded as UTF-8 of the mojibake characters; either way it leaves as Unicode.

>>> decode("Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("cp1252"))
('Cộng hoà xã hội chủ nghĩa Việt Nam', 'tcvn3')
>>> decode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".encode("utf-8"))
('Cộng hòa xã hội chủ nghĩa Việt Nam', 'vni')
"""

from __future__ import annotations

import codecs
import unicodedata

from pipeline.errors import CongvanError
from pipeline.readers.legacy import detect, legacy_name, to_unicode
from pipeline.readers.syllables import count_syllables

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


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(data: bytes) -> str | None:
    head = data[:8192]
    if b"\x00" in head:
        return "it contains NUL bytes"
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if controls > len(head) * 0.05:
        return f"{controls} control bytes in the first {len(head)}"
    return None


def as_characters(data: bytes) -> str:
    """Bytes as the characters a legacy font showed: UTF-8 if they are, else cp1252 (latin-1 for
    the five bytes cp1252 leaves undefined)."""
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _explicit(data: bytes, encoding: str) -> tuple[str, str]:
    legacy = legacy_name(encoding)
    if legacy:
        return to_unicode(as_characters(data), legacy), legacy
    try:
        return data.decode(encoding), encoding
    except (LookupError, UnicodeDecodeError) as exc:
        raise CongvanError("E103", detail=str(exc)) from exc


def _unicode_or_legacy(text: str, used: str) -> tuple[str, str]:
    legacy = detect(text)
    return (to_unicode(text, legacy), legacy) if legacy else (text, used)


def _decode_with_bom(data: bytes, name: str) -> str:
    if name == "utf-16":  # a cut-off last code unit is a truncated file, not a wrong guess
        return data.decode(name, errors="replace")
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise CongvanError("E103", detail=f"a UTF-8 byte order mark, then {exc.reason} at byte {exc.start}") from exc


def decode(data: bytes, encoding: str = "auto") -> tuple[str, str]:
    """Bytes -> (text, encoding used).

    >>> import unicodedata
    >>> text, used = decode(unicodedata.normalize("NFD", "Khánh Hòa").encode("cp1258"))
    >>> unicodedata.normalize("NFC", text), used
    ('Khánh Hòa', 'cp1258')
    """
    if encoding.lower() != "auto":
        return _explicit(data, encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _unicode_or_legacy(_decode_with_bom(data, name), name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    why = _looks_binary(data)
    if why:
        raise CongvanError("E102", detail=why)
    try:
        return _unicode_or_legacy(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _cp1258_or_legacy(data)


def _cp1258_or_legacy(data: bytes) -> tuple[str, str]:
    """Not UTF-8: Windows Vietnamese (CP1258) or a legacy font's bytes, whichever reads better."""
    try:
        cp1258: str | None = data.decode("cp1258")
    except UnicodeDecodeError:
        cp1258 = None
    chars = as_characters(data)
    legacy = detect(chars)
    if legacy:
        converted = to_unicode(chars, legacy)
        nfc = unicodedata.normalize("NFC", cp1258) if cp1258 else ""
        if cp1258 is None or count_syllables(converted)[0] > count_syllables(nfc)[0]:
            return converted, legacy
    if cp1258 is None:
        raise CongvanError("E103", detail="neither UTF-8 nor CP1258 nor a legacy Vietnamese encoding")
    return cp1258, "cp1258"


def utf8_complete_length(data: bytes) -> int:
    """Length of ``data`` without a UTF-8 character cut short at its end (an interrupted copy).

    >>> data = "Hòa".encode(); utf8_complete_length(data[:2]), utf8_complete_length(data), utf8_complete_length(data[:3])
    (1, 4, 3)
    """
    start = len(data)
    while start > 0 and len(data) - start < 3 and 0x80 <= data[start - 1] <= 0xBF:
        start -= 1  # continuation bytes
    if start == 0 or data[start - 1] < 0xC2:
        return len(data)
    lead = data[start - 1]
    needed = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    return start - 1 if len(data) - (start - 1) < needed else len(data)
