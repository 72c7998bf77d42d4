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

from functools import cache

import regex

from pipeline.document import Doc
from pipeline.header_fields import is_position, is_upper, recase_position
from pipeline.header_zone import Cell
from pipeline.record import Signer
from pipeline.tables import load

# How many lines before "Nơi nhận" a signature block may start, and after it.
_BEFORE, _AFTER = 12, 60
_MARKS = "#*_ "
# "KT. GIÁM ĐỐC", and the slashed forms of Party, Đoàn and older documents: "T/M BAN THƯỜNG VỤ", "K/T GIÁM ĐỐC".
# A PDF copy may drop the dot at the head of the line: "KT THỦ TƯỚNG PHÓ THỦ TƯỚNG".
_AUTHORITY = regex.compile(r"(?<!\p{L})(?P<auth>TM|KT|TL|TUQ|Q|T/M|K/T|T/L)"
                           r"(?:\s*[.:]|(?<=/\p{Lu})\s|(?<=^\s*(?:TM|KT|TL|TUQ))\s)\s*(?P<rest>\p{Lu}[^\n]*)")
# "GIÁM ĐỐC PHÓ GIÁM ĐỐC" flattened onto the authority's line: the second is the signer's position.
_DEPUTY = regex.compile(r"(?P<head>\p{Lu}[\p{Lu}\s]*?)\s+(?P<deputy>PHÓ\s+(?P=head)(?:\s.*)?)")
_SIGNED = regex.compile(r"[(\[]?\s*(?:đã\s+ký|ký\s+bởi|chữ\s+ký|ký\s+tên|ký,?\s+ghi\s+rõ|đóng\s+dấu)[^\n]*", regex.I)
_RANK = r"(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)|(?:PGS\.?\s*)?(?:TS|ThS|GS|BS|KS)\.?)"
_NAME = regex.compile(rf"(?:{_RANK}\s+)?(?P<name>\p{{Lu}}\p{{Ll}}*(?:\s+\p{{Lu}}\p{{Ll}}*){{1,5}})")
_UPPER_NAME = regex.compile(r"\p{Lu}+(?:\s+\p{Lu}+){1,5}")
_BULLET = regex.compile(r"[-–—•+~]\s*")


def _clean(text: str) -> str:
    return text.strip(_MARKS)


def _auth(m: regex.Match[str]) -> str:
    """The authority as the record writes it: "T/M" -> "TM"."""
    return m.group("auth").replace("/", "")


def _authority(text: str) -> regex.Match[str] | None:
    m = _AUTHORITY.search(text)
    if m and _auth(m) in load("signer")["authorities"] and is_upper(m.group("rest")):
        return m
    return None


def is_signature_part(text: str) -> bool:
    """A cell of the signature block: authority, position, "(Đã ký)" or the signer's name.

    >>> is_signature_part("KT. GIÁM ĐỐC"), is_signature_part("Nguyễn Thị Lan"), is_signature_part("PHỤ LỤC")
    (True, True, False)
    """
    text = _clean(text)
    return bool(_authority(text) or _is_position_line(text) or _SIGNED.fullmatch(text.strip("()"))
                or _NAME.fullmatch(text))


def _is_position_line(text: str) -> bool:
    text = _clean(text)
    return len(text) < 80 and is_upper(text) and is_position(text)


def find_signature(lines: list[Cell], receivers: int | None) -> int | None:
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
    if receivers is None:
        # Without "Nơi nhận" an upper-case "GIÁM ĐỐC" may be a heading: take one that a name follows.
        positions = [i for i in positions if _find_name(lines, i + 1) is not None]
    if not positions:
        return None
    return positions[0] if receivers is not None else positions[-1]


def read_signer(doc: Doc, lines: list[Cell], at: int, signer: Signer) -> int:
    """Fill ``signer`` from the block at ``lines[at]``; the end of the last line it used."""
    line = lines[at]
    end, i = line.end, at + 1
    position: str | None = _clean(line.text)
    m = _authority(line.text)
    while m:
        signer.authority = _auth(m)
        position, i, end, m = _under_authority(lines, i, end, _unglue(_clean(m.group("rest"))), m)
    inline_name = None
    if position:
        position, inline_name = _split_inline_name(position)
        signer.position = recase_position(position)
    signer.name = inline_name
    if signer.name is None:
        found = _find_name(lines, i)
        if found is not None:
            signer.name, j = found
            end = max(end, lines[j].end)
    signer.span = doc.span(line.start, end)
    return end


def read_lone_name(doc: Doc, lines: list[Cell], after: int, signer: Signer) -> int:
    """A name alone under the "Nơi nhận" list, its title lost (a scan's OCR kept only "**Nguyễn Văn
    Thuận**"): the signer's name when it ends the text and opens on a surname; the end it used, or 0."""
    rest = [c for c in lines if c.start >= after]
    if not rest or len(rest) > 2:
        return 0
    text = _clean(rest[-1].text)
    m = _NAME.fullmatch(text)
    if m is None or m.group("name").split()[0] not in _surnames():
        return 0
    signer.name = m.group("name")
    signer.span = doc.span(rest[-1].start, rest[-1].end)
    return rest[-1].end


@cache
def _surnames() -> frozenset[str]:
    return frozenset(load("person_names")["surnames"])


def _under_authority(lines: list[Cell], i: int, end: int, rest: str, m: regex.Match[str]) -> tuple:
    """(position, next index, end, a nested authority match) for the lines under "KT. BỘ TRƯỞNG".

    "TM. CHÍNH PHỦ / KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG": the innermost authority is the signer's.
    Without a position line the signer's own position is unknown, except under "Q." (quyền).
    """
    parts = regex.split(r"\s+[-–—]\s+", rest, maxsplit=1)
    if len(parts) == 2:
        return parts[1], i, end, None
    nxt = _next_position(lines, i)
    if nxt is None:
        return (rest if _auth(m) == "Q" else None), i, end, None
    j, text = nxt
    inner = _authority(text)
    if inner:
        return None, j + 1, lines[j].end, inner
    return text, j + 1, lines[j].end, None


def _unglue(text: str) -> str:
    """"BỘ TRƯỞNGTHỨ TRƯỞNG" (two bold runs run together) -> "BỘ TRƯỞNG - THỨ TRƯỞNG"; so is the
    position and its deputy's on one line: "THỦ TƯỚNG PHÓ THỦ TƯỚNG", "BỘ TRƯỞNG THỨ TRƯỞNG"."""
    deputy = _DEPUTY.fullmatch(text)
    if deputy and is_position(deputy.group("head")):
        return f"{deputy.group('head')} - {deputy.group('deputy')}"
    for head, deputy_of in load("signer")["deputies"].items():
        pair = regex.fullmatch(rf"({regex.escape(head.upper())})\s+({regex.escape(deputy_of.upper())}(?:\s.*)?)", text)
        if pair:
            return f"{pair.group(1)} - {pair.group(2)}"
    for key in sorted(_position_keys(), key=len, reverse=True):
        upper = key.upper()
        k = text.rfind(upper)
        if k > 0 and text[k - 1].isalpha() and k + len(upper) == len(text):
            return f"{text[:k]} - {text[k:]}"
    return text


def _position_keys() -> list[str]:
    return [*load("positions").get("positions", []), *load("signer")["positions"]]


def _tail(text: str) -> str:
    """What follows the last ";" of a "Nơi nhận" line: the signature column laid beside it."""
    return _clean(regex.split(r"[;]", text)[-1]) if ";" in text else ""


def _next_position(lines: list[Cell], i: int) -> tuple[int, str] | None:
    """The position line under an authority line, past "Nơi nhận" entries laid beside it."""
    for j in range(i, min(len(lines), i + _AFTER)):
        text = _clean(lines[j].text)
        if _BULLET.match(text):
            tail = _tail(text)
            if tail and is_upper(tail) and (is_position(tail) or _authority(tail)):
                return j, tail
            continue
        if is_upper(text) and not _SIGNED.match(text):
            return j, text
        if len(text) < 60 and is_position(text):  # "KT. THỦ TƯỚNG" ⏎ "Phó Thủ tướng", as a web copy sets it
            return j, text
        return None
    return None


def _split_inline_name(text: str) -> tuple[str, str | None]:
    """("PHÓ THỐNG ĐỐC Phạm Tiến Dũng") -> ("PHÓ THỐNG ĐỐC", "Phạm Tiến Dũng")."""
    m = regex.search(r"\s(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,5})$", text)
    if m and is_upper(text[: m.start()]):
        return text[: m.start()].strip(), m.group(1)
    return text, None


def _find_name(lines: list[Cell], i: int) -> tuple[str, int] | None:
    """The signer's name under the position, past "(Đã ký)", seals, OCR crumbs and a list beside it."""
    crumbs = 0
    for j in range(i, min(len(lines), i + _AFTER)):
        text = _clean(lines[j].text).strip("()").rstrip(" ;,.")  # "Trần Thành Lập;": a stray mark after the name
        if _SIGNED.fullmatch(text) or not regex.search(r"\p{L}", text):
            continue
        if _BULLET.match(text) or lines[j].text[:1].islower():
            continue  # a "Nơi nhận" entry printed beside the signature
        m = _NAME.fullmatch(text)
        if m:
            return m.group("name"), j
        if _UPPER_NAME.fullmatch(text) and not is_position(text) and len(text.split()) <= 5:
            return " ".join(w.capitalize() for w in text.split()), j
        crumbs += 1
        if crumbs > 2 or len(text) > 15:
            return None
    return None
