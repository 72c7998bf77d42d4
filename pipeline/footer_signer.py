"""The signature block: quyền hạn (TM, KT, TL, TUQ, Q), chức vụ and họ tên of the signer.

Nghị định 30/2020/NĐ-CP, Điều 13: "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC" over the name; the
authority line may be run together ("KT.GIÁM ĐỐC"), on one line with the position ("KT. BỘ
TRƯỞNG - THỨ TRƯỞNG"), or on the "Nơi nhận" line when two columns were flattened.

>>> from pipeline.record import Signer
>>> from pipeline.document import Doc
>>> doc = Doc.from_text("TM. ỦY BAN NHÂN DÂN\\nCHỦ TỊCH\\n(Đã ký)\\nTrần Văn An")
>>> signer = Signer(); _ = read_signer(doc, doc.lines, 0, signer)
>>> signer.authority, signer.position, signer.name
('TM', 'Chủ tịch', 'Trần Văn An')
"""

from __future__ import annotations

import regex

from pipeline.document import Doc, Line
from pipeline.header_fields import _is_upper, is_position, recase_position
from pipeline.record import Signer
from pipeline.tables import load

# How many lines before "Nơi nhận" a signature block may start, and after it.
_BEFORE, _AFTER = 12, 60
_MARKS = "#*_ "
_AUTHORITY = regex.compile(r"(?<!\p{L})(?P<auth>TM|KT|TL|TUQ|Q)\s*[.:]\s*(?P<rest>\p{Lu}[^\n]*)")
_SIGNED = regex.compile(r"[(\[]?\s*(?:đã\s+ký|ký\s+bởi|chữ\s+ký|ký\s+tên|ký,?\s+ghi\s+rõ|đóng\s+dấu)[^\n]*", regex.I)
_RANK = r"(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)|(?:PGS\.?\s*)?(?:TS|ThS|GS|BS|KS)\.?)"
_NAME = regex.compile(rf"(?:{_RANK}\s+)?(?P<name>\p{{Lu}}\p{{Ll}}*(?:\s+\p{{Lu}}\p{{Ll}}*){{1,5}})")
_UPPER_NAME = regex.compile(r"\p{Lu}+(?:\s+\p{Lu}+){1,5}")
_BULLET = regex.compile(r"[-–—•+~]\s*")


def _clean(text: str) -> str:
    return text.strip(_MARKS)


def _authority(text: str) -> regex.Match[str] | None:
    m = _AUTHORITY.search(text)
    if m and m.group("auth") in load("signer")["authorities"] and _is_upper(m.group("rest")):
        return m
    return None


def _is_position_line(text: str) -> bool:
    text = _clean(text)
    return _is_upper(text) and is_position(text) and len(text) < 80


def find_signature(lines: list[Line], receivers: int | None) -> int | None:
    """Index of the line that opens the signature block, near "Nơi nhận" when there is one.

    An authority line wins; otherwise the first upper-case position line ("GIÁM ĐỐC").
    """
    if receivers is not None:
        window = range(max(0, receivers - _BEFORE), min(len(lines), receivers + _AFTER))
    else:
        window = range(len(lines))
    authority = next((i for i in window if _authority(lines[i].text)), None)
    if authority is not None:
        return authority
    positions = [i for i in window if _is_position_line(lines[i].text)]
    if not positions:
        return None
    return positions[0] if receivers is not None else positions[-1]


def read_signer(doc: Doc, lines: list[Line], at: int, signer: Signer) -> int:
    """Fill ``signer`` from the block at ``lines[at]``; the end of the last line it used."""
    line = lines[at]
    end = line.end
    i = at + 1
    m = _authority(line.text)
    if m:
        signer.authority = m.group("auth")
        rest = _clean(m.group("rest"))
        parts = regex.split(r"\s+[-–—]\s+", rest, maxsplit=1)
        position = parts[-1]
        if len(parts) == 1:
            nxt = _next_position(lines, i)
            if nxt is not None:
                position, i = _clean(lines[nxt].text), nxt + 1
                end = lines[nxt].end
    else:
        position = _clean(line.text)
    position, inline_name = _split_inline_name(position)
    signer.position = recase_position(position)
    signer.name = inline_name
    if signer.name is None:
        found = _find_name(lines, i)
        if found is not None:
            signer.name, j = found
            end = lines[j].end
    signer.span = doc.span(line.start, end)
    return end


def _next_position(lines: list[Line], i: int) -> int | None:
    """The position line under an authority line, past "Nơi nhận" entries laid beside it."""
    for j in range(i, min(len(lines), i + _AFTER)):
        text = _clean(lines[j].text)
        if _BULLET.match(text):
            continue
        return j if _is_upper(text) and not _SIGNED.match(text) else None
    return None


def _split_inline_name(text: str) -> tuple[str, str | None]:
    """("PHÓ THỐNG ĐỐC Phạm Tiến Dũng") -> ("PHÓ THỐNG ĐỐC", "Phạm Tiến Dũng")."""
    m = regex.search(r"\s(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,5})$", text)
    if m and _is_upper(text[: m.start()]):
        return text[: m.start()].strip(), m.group(1)
    return text, None


def _find_name(lines: list[Line], i: int) -> tuple[str, int] | None:
    """The signer's name in the few lines under the position, past "(Đã ký)" and seals."""
    for j in range(i, min(len(lines), i + 6)):
        text = _clean(lines[j].text).strip("()")
        if _SIGNED.fullmatch(text) or not regex.search(r"\p{L}", text):
            continue
        m = _NAME.fullmatch(text)
        if m:
            return m.group("name"), j
        if _UPPER_NAME.fullmatch(text) and not is_position(text) and len(text.split()) <= 5:
            return " ".join(w.capitalize() for w in text.split()), j
        return None
    return None
