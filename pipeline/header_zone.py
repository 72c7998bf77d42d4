"""The header zone of a document cut into cells: lines, and the cells of a flattened table row.

Converters print the two-column header (issuer | Quốc hiệu, số | date) as separate lines, as one
line, or as a markdown table row ("Số: 284/2026/NĐ-CP | Hà Nội, ngày 16 tháng 7 năm 2026"). A
:class:`Cell` is one such piece with its repaired-text position and whether a blank line precedes it.

>>> [c.text for c in cells("CHÍNH PHỦ\\n\\nSố: 1/NĐ-CP | Hà Nội, ngày 1 tháng 2 năm 2026\\n---\\nNGHỊ ĐỊNH")]
['CHÍNH PHỦ', 'Số: 1/NĐ-CP', 'Hà Nội, ngày 1 tháng 2 năm 2026', 'NGHỊ ĐỊNH']
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import regex

from pipeline.header_fields import MOTTO, NUMBER_LINE
from pipeline.tables import load

# How far a header may reach: Phụ lục I puts it in the first page, a few dozen lines at most.
MAX_LINES = 60
MAX_CHARS = 8000

_LINE = regex.compile(r"[^\n]*")
_RULE = regex.compile(r"[\s\-–—_=~─━.*|:>]*")  # a rule of dashes or a table's separator row
# Between the cells of a flattened row: a table bar, a blockquote mark, a run of spaces or "&nbsp;",
# a <br>; a run of spaces left blank for a date's day or month ("ngày   tháng   năm 2025") is not one.
_SEPARATOR = regex.compile(r"\s*\|\s*|^\s*>\s*|(?<![Nn]gày|tháng|[.…_])\s{3,}(?!tháng|năm|[.…_])|(?:\s*&nbsp;)+\s*|\s*<br\s*/?>\s*")

# The first line of the body: a legal basis, a purpose, a heading or a numbered item.
BODY_START = regex.compile(
    r"(?:Căn\s+cứ|Thực\s+hiện|Theo\s+(?:đề\s+nghị|quy\s+định|chỉ\s+đạo)|Nhằm|Để\s|Trong\s|Xét\s|Qua\s|"
    r"Sau\s+khi|Hiện\s+nay|Chương\s+[IVXLC\d]|Điều\s+\d|Phần\s+(?:thứ|[IVX\d])|Mục\s+\d|"
    r"[IVXLC]+\s*[.)]\s|\d+\s*[.)]\s|[a-zđ]\)\s)"
)


@dataclass(frozen=True)
class Cell:
    start: int  # in the repaired text
    end: int
    text: str
    blank_before: bool  # a blank line (or a rule) separates it from the cell before

    def tail(self, offset: int) -> Cell | None:
        """The rest of the cell from ``offset`` characters in, stripped; ``None`` when empty."""
        raw = self.text[offset:]
        stripped = raw.strip(" \t,;|")
        if not stripped:
            return None
        lead = len(raw) - len(raw.lstrip(" \t,;|"))
        start = self.start + offset + lead
        return Cell(start, start + len(stripped), stripped, self.blank_before)


def cells(text: str, start: int = 0, max_lines: int = MAX_LINES, max_chars: int = MAX_CHARS) -> list[Cell]:
    """Cells of the first ``max_lines`` non-empty lines of ``text`` from ``start``."""
    out: list[Cell] = []
    blank = True
    for m in _LINE.finditer(text, start, min(len(text), start + max_chars)):
        raw = m.group()
        if not raw and m.start() > 0 and text[m.start() - 1] != "\n":
            continue  # the empty match at the end of a line, not an empty line
        if _RULE.fullmatch(raw):
            blank = True
            continue
        for part_start, part in _parts(raw):
            stripped = part.strip()
            if not stripped or _RULE.fullmatch(stripped):
                continue
            s = m.start() + part_start + len(part) - len(part.lstrip())
            out.append(Cell(s, s + len(stripped), stripped, blank))
            blank = False
        if len(out) >= max_lines:
            break
    return out


_MAY_SPLIT = regex.compile(r"[|>]|&nbsp;|<br|\s{3}")


def _parts(raw: str) -> list[tuple[int, str]]:
    """(offset, text) of the pieces of a line between separators."""
    if not _MAY_SPLIT.search(raw):
        return [(0, raw)]  # most lines: no bar, no mark, no wide gap
    out, pos = [], 0
    for sep in _SEPARATOR.finditer(raw):
        out.append((pos, raw[pos: sep.start()]))
        pos = sep.end()
    out.append((pos, raw[pos:]))
    return out


# A "Số:" label whose value a table cell put on the next line ("Số:⏎471/QĐ-UBND").
_BARE_NUMBER_LABEL = regex.compile(r"[Ss][ốỐ]\s*(?:ký\s+hiệu\s*)?[:.]?")
_NUMBER_VALUE = regex.compile(r"[\d.…_]*\s*/")
# The head of a place name that a narrow cell wrapped: "Mỹ⏎Tho, ngày …", "Sơn⏎La, ngày …".
# "Bà Rịa - Vũng⏎Tàu, ngày …": a spaced hyphen inside the name too.
_PLACE_HEAD = regex.compile(r"\p{Lu}\p{Ll}*(?:(?:[ ]|[ ]?-[ ]?)\p{Lu}\p{Ll}*){0,3}")
_PLACE_TAIL = regex.compile(r"\p{Lu}[\p{L}\s.'\-]{0,30},\s*[Nn]gày\b")
# "CỘNG HÒA XÃ⏎HỘI CHỦ NGHĨA VIỆT NAM" too: a cell may break the motto between any two words.
_MOTTO_HEAD = regex.compile(r"C[ỘO]NG(?:\s+H[ÒOÓ]A(?:\s+X[ÃA](?:\s+H[ỘO]I)?)?)?", regex.I)
_MOTTO_TAIL = regex.compile(r"(?:H[ÒOÓ]A\s+)?(?:X[ÃA]\s+)?(?:H[ỘO]I\s+)?CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM", regex.I)


def join_wrapped(text: str, zone: list[Cell]) -> list[Cell]:
    """Cells that a narrow table column wrapped, joined again: a bare "Số:" and its value, the head of
    a place name and its "…, ngày" line, "CỘNG" and "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY" and "BAN NHÂN DÂN".

    >>> t = "Số:\\n471/QĐ-UBND\\nMỹ\\nTho, ngày 24 tháng 12 năm 2009\\nCỘNG HÒA XÃ HỘI\\nCHỦ NGHĨA VIỆT NAM"
    >>> [c.text for c in join_wrapped(t, cells(t))]
    ['Số: 471/QĐ-UBND', 'Mỹ Tho, ngày 24 tháng 12 năm 2009', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']
    """
    out: list[Cell] = []
    for cell in zone:
        last = out[-1] if out else None
        if last is not None and not cell.blank_before and _wrapped(last.text, cell.text):
            joined = regex.sub(r"\s", " ", text[last.start:cell.end])  # same length: offsets hold
            out[-1] = Cell(last.start, cell.end, joined, last.blank_before)
        else:
            out.append(cell)
    return out


def _wrapped(first: str, second: str) -> bool:
    """Whether ``second`` carries on ``first`` that a narrow cell cut short."""
    if _BARE_NUMBER_LABEL.fullmatch(first):
        return bool(_NUMBER_VALUE.match(second))
    if _MOTTO_HEAD.fullmatch(first):
        return bool(_MOTTO_TAIL.match(second))
    if " " not in first and first.isupper():  # "ỦY" ⏎ "BAN NHÂN DÂN": a two-word head of the issuer table
        joined = f"{first} {second}"
        return any(head.startswith(first + " ") and joined.startswith(head) for head in load("issuers")["heads"])
    return bool(_PLACE_HEAD.fullmatch(first) and _PLACE_TAIL.match(second))


def is_body_start(cell: Cell) -> bool:
    """A cell that opens the body rather than continuing the header.

    >>> is_body_start(Cell(0, 0, "Căn cứ Luật Tổ chức Chính phủ;", False))
    True
    >>> is_body_start(Cell(0, 0, "Kính gửi: Sở Nội vụ", False))
    False
    """
    return bool(BODY_START.match(cell.text)) or len(cell.text) > 400


# A header that PDF extraction flattened onto one line with its body ("UBND TỈNH NINH THUẬN CỘNG HÒA
# XÃ HỘI … Số : 2917 /SGDĐT-VP Phan Rang-Tháp Chàm, ngày … V/v … Kính gửi: - …; - … . Vừa qua, …").
_FLAT_SCAN = 20000  # how far into the text such a line is looked for (site boilerplate comes first)
_FLAT_HEAD = 1500  # how much of the line the header may take
_LIST_MARK = regex.compile(r"\s*\d{1,2}\.\s+(?=\p{Lu})")  # "1. UBND TỈNH …": a web page's list number
_DATE_WORD = regex.compile(r",\s*ngày\b")
_FLAT_CUTS = regex.compile(
    r"(?<=\s)(?=V\s*/\s*v\s|Về\s+việc\s|Kính\s+gửi\s*[:.])"
    # "UBND TỈNH SƠN LA SỞ GIÁO DỤC VÀ ĐÀO TẠO": the cơ quan chủ quản and the issuer run together
    r"|(?<=^(?:UBND|Ủ[YỶ]\s+BAN\s+NHÂN\s+DÂN|U[ỶỴ]\s+BAN\s+NHÂN\s+DÂN)\s+(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ)"
    r"(?:\s+\p{Lu}+){1,3}?\s)(?=(?:SỞ|PHÒNG|BAN|TRUNG\s+TÂM|CHI\s+CỤC|VĂN\s+PHÒNG)\s)"
)
_FLAT_RECIPIENTS = regex.compile(r"Kính\s+gửi\s*[:.]?\s*(?:[-–•+]?\s*[^;.]{2,200}?[;.])(?:\s*[-–•+]\s*[^;.]{2,200}?[;.])*")
_FLAT_BODY = regex.compile(r"(?<=\s)(?:Căn\s+cứ|Thực\s+hiện|Căn\s+\p{Lu}|Xét\s+đề\s+nghị)")


def flattened_cells(text: str) -> list[Cell]:
    """The cells of the first line that holds a whole flattened header: Quốc hiệu, "Số", "…, ngày".

    >>> t = "Xem mẫu\\n1. UBND TỈNH X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ Y Số : 2 /SY-VP X, ngày 5 tháng 11 năm 2010 " \\
    ...     "V/v báo cáo Kính gửi: - Sở Z; - Bộ W. Vừa qua, " + "mưa lớn " * 20
    >>> [c.text for c in flattened_cells(t)]
    ['UBND TỈNH X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ Y Số : 2 /SY-VP X, ngày 5 tháng 11 năm 2010', 'V/v báo cáo', 'Kính gửi: - Sở Z; - Bộ W.']
    """
    offset = 0
    for line in text[:_FLAT_SCAN].split("\n"):  # str.split: a Python loop over short lines costs little
        line_start, offset = offset, offset + len(line) + 1
        if len(line) < 150:
            continue
        head = line[:_FLAT_HEAD]
        if not (_DATE_WORD.search(head) and NUMBER_LINE.search(head) and MOTTO.search(head)):
            continue
        mark = _LIST_MARK.match(line)
        start = mark.end() if mark else 0
        end = text.find("\n", line_start)  # the whole line, should the scan have cut it
        line = text[line_start:end if end >= 0 else len(text)]
        return _cut_flat(line_start + start, line[start:_flat_end(line, start)])
    return []


def _flat_end(line: str, start: int) -> int:
    """Where the header part of a flattened line ends: after the "Kính gửi" list, else at the body."""
    recipients = _FLAT_RECIPIENTS.search(line, start, start + _FLAT_HEAD)
    if recipients:
        return recipients.end()
    body = _FLAT_BODY.search(line, start, start + _FLAT_HEAD)
    return body.start() if body else min(len(line), start + _FLAT_HEAD)


def _cut_flat(offset: int, line: str) -> list[Cell]:
    """``line`` cut before "V/v", "Kính gửi" and the issuer under its cơ quan chủ quản."""
    bounds = [0, *(c.start() for c in _FLAT_CUTS.finditer(line)), len(line)]
    out = []
    for a, b in itertools.pairwise(bounds):
        piece = line[a:b]
        stripped = piece.strip()
        if stripped:
            s = offset + a + len(piece) - len(piece.lstrip())
            out.append(Cell(s, s + len(stripped), stripped, False))
    return out
