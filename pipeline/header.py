"""Stage `header`: issuer, Quốc hiệu, số/ký hiệu, place and date, type, trích yếu, Kính gửi.

The header (Nghị định 30/2020/NĐ-CP, Phụ lục I) is read cell by cell (:mod:`pipeline.header_zone`)
until the body starts; each cell is tried as each piece in turn. What the header leaves out is
inferred: the issuer from the symbol's issuer code or from the body, the type from the code or
from a "V/v" line (a công văn). ``doc.body_start`` is set just past the last header piece.

>>> from pipeline.document import Doc
>>> doc = Doc.from_text("UBND TỈNH KON TUM\\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n"
...     "Số: /STNMT-VP\\nKon Tum, ngày tháng năm 2021\\nV/v Phát động phong trào thi đua\\n\\n"
...     "Kính gửi: Các phòng, đơn vị trực thuộc Sở\\n\\nThực hiện Chỉ thị số 14/CT-UBND")
>>> add(doc); h = doc.record.header
>>> h.issuer, h.issuer_parent, h.doc_type, h.number, h.symbol, h.place, h.date.iso()
('Sở Tài nguyên và Môi trường', 'UBND tỉnh Kon Tum', 'Công văn', None, 'STNMT-VP', 'Kon Tum', '2021')
>>> h.subject, h.recipients, h.national_motto
('Phát động phong trào thi đua', ['Các phòng, đơn vị trực thuộc Sở'], True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from pipeline import header_fields as hf
from pipeline.dates import first_date
from pipeline.document import Doc
from pipeline.gazetteer import table_gazetteer, tokenize
from pipeline.header_fields import is_upper
from pipeline.header_infer import expand_abbreviation, infer_issuer
from pipeline.header_note import find_note
from pipeline.header_zone import Cell, cells, flattened_cells, is_body_start, join_wrapped
from pipeline.record import Header
from pipeline.tables import load

# "V/v", "Về việc"; a scan's OCR also gives "Vv" and keeps the quotes the trích yếu was set in.
_SUBJECT = regex.compile(r"[\"“]?(?:V\s*/\s*v|V/V|Vv(?=\s)|Về\s+việc|VỀ\s+VIỆC)\s*[:.]?\s*", regex.I)
_RECIPIENTS = regex.compile(r"Kính\s*gửi\s*[:.]?\s*", regex.I)  # "Kínhgửi:" where a converter lost the space
# A place opens a word: "6202/UBND-KT, ngày …" is a number and its date, not a place.
_PLACE_DATE = regex.compile(r"(?:(?<![\p{L}\p{N}/\-])(?P<place>\p{Lu}[\p{L}\s.'\-]{0,40}?)\s*,\s*)?(?=[Nn]gày\b)")
_BULLET = regex.compile(r"[-–—•+*~]\s*")
# A scan turned into markdown doubles the list mark: "- - Sở Nội vụ;".
_BULLETS = regex.compile(r"(?:[-–—•+*~]\s*)+")
# "Hà Nội, ngày tháng năm": a draft or a copy before numbering leaves every part of the date blank.
_BLANK_DATE = regex.compile(r"ngày[\s.…_]*tháng[\s.…_]*năm[\s.…_]*$", regex.I)
_PARTY_MOTTO = regex.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
# The Đoàn's counterpart of the Quốc hiệu, over its documents' right column; only a cell of its own
# is one ("BAN CHẤP HÀNH ĐOÀN TNCS HỒ CHÍ MINH TỈNH X" names the issuer).
_YOUTH_MOTTO = regex.compile(r"ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH")
_OF_ISSUER = regex.compile(r"CỦA\s+\p{Lu}{2,}")
_LONE_MARKS = regex.compile(r"(?<!\S)\p{M}+(?:\s|$)")
# a garbled motto, a later "V/v", a date without its comma ("Hà Nội ngày 5 tháng 3 năm 2020")
_NOT_SUBJECT = regex.compile(r"Độc\s*lập|V\s*/\s*v\b|Kính\s*gửi|ngày\s*[\d.…_]*\s*tháng", regex.I)
_NOISE = regex.compile(r"(?:Cơ\s+quan|Người\s+ký|Thời\s+gian\s+ký|Email|E-mail|Điện\s+thoại|Website)\s*:", regex.I)


@dataclass
class _Reading:
    """What the header cells have given so far."""

    header: Header
    issuer_lines: list[list[Cell]] = field(default_factory=list)
    title_seen: bool = False
    printed_type: str | None = None  # the type its printed title gives ("QUYẾT ĐỊNH"), a campaign title aside
    last_end: int = 0  # repaired-text end of the last header piece
    has_vv: bool = False
    lead: str | None = None  # "Luật" in "Luật số: 24/2023/QH15"
    last_kind: str = ""  # what the last cell read was: "issuer" lets a flattened next line continue it
    beside_motto: set[int] = field(default_factory=set)  # starts of cells cut out of a motto line
    after_number: bool = False  # the last piece read was "Số …" (or the date beside it)
    subject_at: tuple[int, int] | None = None  # repaired-text extent of the trích yếu


def add(doc: Doc) -> None:
    """Fill ``doc.record.header`` and set ``doc.body_start``."""
    reading = _read_zone(doc, join_wrapped(doc.text, cells(doc.text)))
    h = reading.header
    if h.number is None and h.symbol is None and h.date.year is None:
        flat = flattened_cells(doc.text)
        if flat:  # the header was flattened onto one line with the body: read that line's cells instead
            doc.record.header = Header()
            reading = _read_zone(doc, flat)
            reading.last_end = 0  # the body shares the line: where it starts is left alone
    _source_note(doc, reading)
    _settle_type(doc, reading)
    _settle_issuer(doc, reading)
    if reading.last_end:
        doc.body_start = _next_line(doc.text, reading.last_end)


def _read_zone(doc: Doc, zone: list[Cell]) -> _Reading:
    """Read the cells of ``zone`` into ``doc.record.header`` until the body starts."""
    reading = _Reading(doc.record.header)
    i = 0
    while i < len(zone):
        cell = zone[i]
        if is_body_start(cell) and not _SUBJECT.match(cell.text):
            break
        i = _read_cell(doc, reading, zone, i)
    return reading


def _read_cell(doc: Doc, r: _Reading, zone: list[Cell], i: int) -> int:
    """Read ``zone[i]`` as whichever header piece it is; the index of the next cell to read."""
    cell = zone[i]
    for piece in (_motto, _number, _place_date):
        rest = piece(doc, r, cell)
        if not isinstance(rest, Cell):  # the piece was found: a list of what is left
            if piece is not _motto:
                r.last_kind = "other"
                r.after_number = piece is _number or (r.after_number and piece is _place_date)
            zone[i:i + 1] = rest  # what the piece left of the cell is read in its place
            return _read_cell(doc, r, zone, i) if rest else i
    after_number, r.after_number = r.after_number, False
    if _SUBJECT.match(cell.text):
        return _subject(doc, r, zone, i, _SUBJECT.match(cell.text).end())
    if _RECIPIENTS.match(cell.text):
        return _recipients(doc, r, zone, i)
    if not r.title_seen and hf.title_type(cell.text):
        return _title(doc, r, zone, i)
    if (r.issuer_lines and r.last_kind == "issuer" and cell.start in r.beside_motto
            and _continues_issuer(cell, flattened=True)):
        r.issuer_lines[-1].append(cell)  # "TỈNH LÀO CAI" left of "Độc lập - Tự do - Hạnh phúc"
        r.last_end = cell.end
        return i + 1
    if (_after_head(r) or _undated_decision(r)) and hf.is_preamble_authority(cell.text):
        _preamble(r, cell)
        return i + 1
    if after_number and _untitled_subject(r, cell):
        return _subject(doc, r, zone, i, 0)
    if r.title_seen and _header_after_title(r, zone, i):
        _forget_title(r)
    if (not r.title_seen and hf.is_issuer_line(cell.text) and not _NOISE.match(cell.text)
            and not (r.issuer_lines and (r.header.number or r.header.symbol) and r.header.date.year)
            and not (r.issuer_lines and r.header.recipients)):
        # Past the issuer column, number and date, a body's name is the title's or the subject's
        # ("HỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH ĐẢNG BỘ TỈNH" under a Kết luận), not the issuer; past
        # the "Kính gửi" list it is a received stamp on a scan ("SỞ LAO ĐỘNG … LONG AN / Ngày 29/4/2010").
        group = [cell]
        while i + 1 < len(zone) and (_continues_issuer(zone[i + 1]) or _open_head(group, zone[i + 1])):
            i += 1
            group.append(zone[i])
        r.issuer_lines.append(group)
        r.last_end = max(r.last_end, group[-1].end)
        r.last_kind = "issuer"
        return i + 1
    r.last_kind = "other"
    return i + 1


def _open_head(group: list[Cell], cell: Cell) -> bool:
    """"THỦ TƯỚNG" alone over "CHÍNH PHỦ": the head's name goes on in the issuer line under it."""
    return (len(group) == 1 and not cell.blank_before and group[0].text.strip() in load("issuers")["open_heads"]
            and hf.is_issuer_line(cell.text))


def _header_after_title(r: _Reading, zone: list[Cell], i: int) -> bool:
    """An issuer line with a "Số" or the Quốc hiệu just below it, after a title but before any number
    or date: the title was the web page's, repeated over the document ("<br> KẾ HOẠCH<br> Tổ chức …")."""
    h = r.header
    if h.number or h.symbol or h.date.year is not None or r.issuer_lines or not hf.is_issuer_line(zone[i].text):
        return False
    below = []
    for c in zone[i + 1:i + 5]:
        if is_body_start(c):  # "THỦ TƯỚNG CHÍNH PHỦ" ⏎ "Căn cứ … Nghị định số 121/2005/NĐ-CP": the preamble
            break
        below.append(c)
    return any(hf.NUMBER_LINE.search(c.text) or hf.MOTTO.search(c.text) for c in below)


def _forget_title(r: _Reading) -> None:
    h = r.header
    r.title_seen, r.printed_type, r.has_vv = False, None, False
    h.doc_type = h.subject = None
    for key in ("doc_type", "subject"):
        h.spans.pop(key, None)


def _untitled_subject(r: _Reading, cell: Cell) -> bool:
    """A trích yếu printed right under "Số …" without "V/v", as a Party công văn has it
    ("Số 369-CV/BTGTU" ⏎ "Gửi Đề cương tuyên truyền …"): a sentence-case line, no title yet."""
    text = cell.text
    return (not r.title_seen and r.header.subject is None and not r.header.recipients
            and text[:1].isupper() and not hf.is_upper(text) and not _NOISE.match(text)
            and not _PLACE_DATE.match(text) and not _NOT_SUBJECT.search(text) and len(text) < 250)


def _after_head(r: _Reading) -> bool:
    """The issuer column and the date are behind us: an authority line now opens the preamble."""
    return r.header.date.year is not None and bool(r.issuer_lines or r.title_seen or r.header.subject)


def _undated_decision(r: _Reading) -> bool:
    """A web copy that printed the title and trích yếu but no header column ("QUYẾT ĐỊNH" ⏎ "Về việc …"
    ⏎ "THỦ TƯỚNG CHÍNH PHỦ" ⏎ "Căn cứ …"): the authority over the preamble still names the issuer."""
    h = r.header
    return r.title_seen and h.subject is not None and not r.issuer_lines and h.date.year is None


# Who decides, as the preamble names him: the person's title goes, the body stays
# ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH" -> "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH").
_PERSON_TITLE = regex.compile(r"(?:PHÓ\s+)?CHỦ\s+TỊCH\s+|BỘ\s+TRƯỞNG\s+|(?:TỔNG\s+)?GIÁM\s+ĐỐC\s+|TRƯỞNG\s+BAN\s+"
                              r"|(?:TỔNG\s+)?CỤC\s+TRƯỞNG\s+|CHÁNH\s+VĂN\s+PHÒNG\s+")


def _preamble(r: _Reading, cell: Cell) -> None:
    """The authority line over the preamble ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"): the issuer when the
    header printed none, the whole name when the header printed only its head ("ỦY BAN NHÂN DÂN")."""
    title = _PERSON_TITLE.match(cell.text)
    body = cell.tail(title.end()) if title else cell
    r.last_end = max(r.last_end, cell.end)
    r.last_kind = "other"
    if body is None:
        return
    if not r.issuer_lines:
        r.issuer_lines.append([body])
        return
    printed = " ".join(" ".join(c.text for c in r.issuer_lines[-1]).split()).casefold()
    named = " ".join(body.text.split()).casefold()
    if named.startswith(printed + " "):
        r.issuer_lines[-1] = [body]


def _motto(doc: Doc, r: _Reading, cell: Cell) -> Cell | list[Cell]:
    """Quốc hiệu and tiêu ngữ, cut out of a flattened line; what is left of the cell or ``cell``."""
    text = cell.text
    found = [m for p in (hf.MOTTO, hf.SLOGAN, _PARTY_MOTTO) for m in p.finditer(text)]
    found += [m for m in [_YOUTH_MOTTO.fullmatch(text)] if m]
    if not found:
        return cell
    if any(m.re is not _PARTY_MOTTO and m.re is not _YOUTH_MOTTO for m in found):
        r.header.national_motto = True
        m = next(m for m in found if m.re is hf.MOTTO) if any(m.re is hf.MOTTO for m in found) else found[0]
        r.header.spans.setdefault("national_motto", doc.span(cell.start + m.start(), cell.start + m.end()))
    r.last_end = max(r.last_end, cell.end)
    # Keep what lies outside the motto: an issuer printed on the same line, before or after it.
    keep = "".join("\n" if any(m.start() <= k < m.end() for m in found) else ch for k, ch in enumerate(text))
    rest = []
    for part in regex.finditer(r"[^\n]+", keep):
        piece = part.group().strip(" -–—_|")
        if len(piece) > 2 and regex.search(r"\p{L}{2}", piece):
            start = cell.start + part.start() + part.group().index(piece)
            rest.append(Cell(start, start + len(piece), piece, cell.blank_before))
    r.beside_motto.update(c.start for c in rest)
    return rest


def _number(doc: Doc, r: _Reading, cell: Cell) -> Cell | list[Cell]:
    m = hf.NUMBER_LINE.search(cell.text)
    if not m or r.header.symbol or (m.start() > 0 and not m.group("lead") and cell.text[:m.start()].strip()
                                      and not hf.is_issuer_line(cell.text[:m.start()].strip())):
        return cell
    number, symbol = hf.split_number(m.group("value"))
    if symbol is None and number is None:
        return cell
    h = r.header
    h.number, h.symbol = number, symbol
    value_start = cell.start + m.start("value")
    raw = m.group("value")
    if number:
        h.spans["number"] = doc.span(value_start, value_start + raw.index(number) + len(number))
    if symbol:
        h.spans["symbol"] = doc.span(*_symbol_extent(raw, value_start))
    if m.group("lead"):
        r.lead = m.group("lead").strip()
    r.last_end = max(r.last_end, cell.start + m.end())
    return _around(cell, m.start(), cell.start + m.end() - cell.start)


def _symbol_extent(raw: str, offset: int) -> tuple[int, int]:
    """Where the symbol lies in a "Số:" value: after the first slash, or after the hyphen of "05-CT/TW"."""
    slash = raw.index("/")
    party = regex.match(r"\d+\p{L}?\s*[-–]\s*", raw)
    start = party.end() if party and party.end() < slash else slash + 1
    while start < len(raw) and raw[start] == " ":
        start += 1
    end = len(raw.rstrip(".…-/ "))
    return offset + start, offset + max(end, start)


def _place_date(doc: Doc, r: _Reading, cell: Cell) -> Cell | list[Cell]:
    if r.header.date.year is not None:
        return cell
    m = _PLACE_DATE.search(cell.text)
    if not m or (m.start() > 0 and m.group("place") is None) or _in_brackets(cell.text, m.start()):
        return cell
    found = first_date(cell.text, m.end())
    if found is None and m.group("place") and _BLANK_DATE.match(cell.text, m.end()):
        return _blank_date_place(doc, r, cell, m)
    if found is None or found.start != m.end():
        return cell
    h = r.header
    h.date = found.parts
    h.spans["date"] = doc.span(cell.start + found.start, cell.start + found.end)
    place = m.group("place")
    if place and not regex.search(r"\d", place):
        place = place.strip()
        h.place = place
        ps = cell.start + m.start("place")
        h.spans["place"] = doc.span(ps, ps + len(place))
    r.last_end = max(r.last_end, cell.start + found.end)
    return _around(cell, m.start(), found.end)


def _blank_date_place(doc: Doc, r: _Reading, cell: Cell, m: regex.Match[str]) -> Cell | list[Cell]:
    """The place before a date left wholly blank; the date stays null."""
    place = m.group("place").strip()
    if regex.search(r"\d", place):
        return cell
    ps = cell.start + m.start("place")
    r.header.place = place
    r.header.spans["place"] = doc.span(ps, ps + len(place))
    end = len(cell.text.rstrip())
    r.last_end = max(r.last_end, cell.start + end)
    return _around(cell, m.start(), end)


def _in_brackets(text: str, pos: int) -> bool:
    """``pos`` lies inside a parenthesis opened before it: "(Theo Công văn số 6202/UBND-KT, ngày
    23/11/2023)" names the act a portal's note was taken from, it is no place-and-date line."""
    return text.count("(", 0, pos) > text.count(")", 0, pos)


def _around(cell: Cell, start: int, end: int) -> list[Cell]:
    """The parts of ``cell`` before ``start`` and after ``end``, as cells of their own."""
    out = []
    head = cell.text[:start].rstrip(" ,;|")
    if head.strip():
        lead = len(head) - len(head.lstrip())
        out.append(Cell(cell.start + lead, cell.start + len(head), head.strip(), cell.blank_before))
    tail = cell.tail(end)
    if tail:
        out.append(tail)
    return out


def _continues_issuer(cell: Cell, flattened: bool = False) -> bool:
    """An upper-case line that carries on the issuer's name ("VÀ XÃ HỘI", "TỈNH KON TUM")."""
    text = cell.text
    return ((flattened or not cell.blank_before) and hf.is_upper(text) and not hf.is_issuer_line(text)
            and not hf.MOTTO.search(text) and not hf.SLOGAN.search(text) and not hf.title_type(text)
            and not _PARTY_MOTTO.search(text) and not _YOUTH_MOTTO.fullmatch(text)
            and not hf.NUMBER_LINE.search(text) and len(text) < 60)


def _subject(doc: Doc, r: _Reading, zone: list[Cell], i: int, skip: int) -> int:
    """Trích yếu after "V/v" or a title: the cell from ``skip`` on and the lines that carry it on."""
    r.has_vv = r.has_vv or (skip > 0 and bool(_SUBJECT.match(zone[i].text)))
    start = zone[i].start + skip
    end = zone[i].end
    j = i + 1
    while j < len(zone) and _continues_subject(zone[j], zone[j - 1].text):
        end = zone[j].end
        j += 1
    if skip and zone[i].text[:1] in "\"“" and doc.text[end - 1] in "\"”":
        end -= 1  # the closing quote of a quoted trích yếu
    if end > start:
        _set_subject(doc, r.header, start, end)
        r.subject_at = (start, end)
        r.last_end = max(r.last_end, end)
    return j


def _source_note(doc: Doc, r: _Reading) -> None:
    """Số, ký hiệu and date from a portal's note of the act, when the page printed no header
    (:mod:`pipeline.header_note`); the note is cut off the trích yếu it closes."""
    h = r.header
    if h.number or h.symbol or h.date.year is not None:
        return
    note = find_note(doc.text, r.subject_at)
    if note is None:
        return
    h.number, h.symbol, h.date = note.number, note.symbol, note.date
    for key, (start, end) in note.spans.items():
        h.spans[key] = doc.span(start, end)
    if note.doc_type and h.doc_type is None:
        h.doc_type = note.doc_type
    if r.subject_at and r.subject_at[0] < note.start < r.subject_at[1]:
        _set_subject(doc, h, r.subject_at[0], note.start)


def _continues_subject(cell: Cell, previous: str) -> bool:
    text = cell.text
    # A web copy puts a blank line after every line: a line that opens in lower case or a digit
    # ("Gửi Đề cương tuyên truyền kỷ niệm" ⏎⏎ "190 năm thành lập …") still carries the subject on.
    opens_low = text[:1].islower() or text[:1].isdigit()
    carried = not cell.blank_before or (opens_low and not previous.endswith((".", ";", ":")))
    return (carried and not is_body_start(cell) and not _RECIPIENTS.match(text)
            and not _NOISE.match(text)
            and not (hf.is_upper(text) and not hf.is_upper(previous))
            # A trích yếu in capitals ends where a sentence-case line opens the body under it; a
            # campaign title ("PHÁT ĐỘNG PHONG TRÀO" ⏎ "Thi đua đặc biệt …") is carried on in small letters.
            and not (hf.is_upper(previous) and text[:1].isupper() and not hf.is_upper(text)
                     and not hf.title_type(previous))
            and not hf.is_preamble_authority(text, previous)
            and not _PLACE_DATE.match(text) and not hf.NUMBER_LINE.match(text)
            and not hf.MOTTO.search(text) and not hf.SLOGAN.search(text))


def _set_subject(doc: Doc, header: Header, start: int, end: int) -> None:
    text = doc.text[start:end]
    stripped = text.strip(" .;:-–")
    start += len(text) - len(text.lstrip(" .;:-–"))
    subject = regex.sub(r"\s+", " ", stripped)
    subject = _LONE_MARKS.sub("", subject).strip(" .;:-–")  # tone marks a PDF left standing alone: "hai ̀ ̣ do"
    if not subject:
        return
    if hf.is_upper(subject) and len(subject) > 3:
        subject = _sentence_case(subject)
    header.subject = subject
    header.spans["subject"] = doc.span(start, start + len(stripped))


def _sentence_case(text: str) -> str:
    """An upper-case trích yếu in sentence case; codes and numbers ("55/2010/TT-BTC") kept.

    >>> _sentence_case("BÃI BỎ THÔNG TƯ SỐ 55/2010/TT-BTC CỦA BỘ TÀI CHÍNH")
    'Bãi bỏ thông tư số 55/2010/TT-BTC của bộ tài chính'
    """
    words = text.split(" ")
    kept = [w if regex.search(r"[\d/]", w) else w.lower() for w in words]
    return " ".join(kept)[:1].upper() + " ".join(kept)[1:]


def _title(doc: Doc, r: _Reading, zone: list[Cell], i: int) -> int:
    """The type line ("KẾ HOẠCH", "NGHỊ ĐỊNH", "PHÁT ĐỘNG PHONG TRÀO") and the trích yếu under it."""
    cell = zone[i]
    found = hf.title_type(cell.text)
    assert found is not None
    name, length = found
    r.title_seen = True
    r.header.doc_type = r.header.doc_type or name
    r.header.spans.setdefault("doc_type", doc.span(cell.start, cell.start + length))
    r.last_end = max(r.last_end, cell.end)
    campaign = cell.text[:length] in load("doc_types")["campaign_titles"]
    if not campaign:
        r.printed_type = r.printed_type or name
    rest = cell.text[length:].strip(" :")
    if _OF_ISSUER.match(rest):  # "NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ": the title names its issuer, not the subject
        rest = ""
    if i + 1 < len(zone) and _OF_ISSUER.match(zone[i + 1].text):
        i += 1
    if rest or campaign:
        # "KẾ HOẠCH Phát động …" on one line; "PHÁT ĐỘNG PHONG TRÀO" is itself part of the subject.
        skip = 0 if campaign else len(cell.text) - len(cell.text[length:].lstrip(" :"))
        return _subject(doc, r, zone, i, skip)
    while i + 1 < len(zone) and (hf.NUMBER_LINE.match(zone[i + 1].text) or _PLACE_DATE.match(zone[i + 1].text)):
        i = _read_cell(doc, r, zone, i + 1) - 1  # "Số" and date printed under a Party title
    if (i + 1 < len(zone) and not is_body_start(zone[i + 1]) and not _RECIPIENTS.match(zone[i + 1].text)
            and not _NOISE.match(zone[i + 1].text)):
        m = _SUBJECT.match(zone[i + 1].text)
        return _subject(doc, r, zone, i + 1, m.end() if m else 0)
    return i + 1


def _recipients(doc: Doc, r: _Reading, zone: list[Cell], i: int) -> int:
    """"Kính gửi:" and its list: on the same line, one a line, with or without bullets."""
    cell = zone[i]
    rest = cell.tail(_RECIPIENTS.match(cell.text).end())
    entries = [rest] if rest else []
    j = i + 1
    while j < len(zone) and _is_recipient(zone[j], entries, listed_below=rest is None):
        entries.append(zone[j])
        j += 1
    h = r.header
    for entry in entries:
        for m in regex.finditer(r"[^;]+", entry.text):
            name = _BULLETS.sub("", m.group().strip(), count=1).strip(" .;,")
            if name:
                h.recipients.append(name)
    if entries:
        h.spans["recipients"] = doc.span(entries[0].start, entries[-1].end)
        r.last_end = max(r.last_end, entries[-1].end)
    else:
        r.last_end = max(r.last_end, cell.end)
    return j


def _is_recipient(cell: Cell, entries: list[Cell], listed_below: bool) -> bool:
    """A line of the "Kính gửi" list: a bullet, the first line, a line after an entry ending in ";",
    or, when the list stands under a bare "Kính gửi:", a short line right under the last entry
    ("Ủy ban nhân dân các tỉnh" / "Sở Tài chính")."""
    if is_body_start(cell) or _SUBJECT.match(cell.text) or _PLACE_DATE.match(cell.text):
        return False
    if _BULLET.match(cell.text):
        return True
    open_list = not entries or entries[-1].text.rstrip().endswith((";", ","))
    if open_list:
        return len(cell.text) < 150
    return ((listed_below or _opens_with_body(cell.text)) and not cell.blank_before and len(cell.text) < 100
            and cell.text[:1].isupper() and not is_upper(cell.text) and not entries[-1].text.endswith("."))


def _opens_with_body(text: str) -> bool:
    """A line that names a body ("Phòng Lao động TB&XH huyện Tân Trụ."): under "Kính gửi: Ủy ban nhân
    dân huyện Tân Trụ" it is a second recipient set under the first, not the body's first line."""
    if len(text) >= 80:
        return False
    toks = tokenize(text)
    hit = table_gazetteer("org_heads", "heads_flat").longest(toks, 0) if toks else None
    return hit is not None and not _verbs().search(text, toks[hit[0] - 1].end)


@cache
def _verbs() -> regex.Pattern[str]:
    """The directive verbs: a line that names a body and goes on to act is the body's first sentence."""
    verbs = sorted(load("task_patterns")["verbs"], key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}\d])(?:" + "|".join(map(regex.escape, verbs)) + r")(?![\p{L}\d])")


def _settle_issuer(doc: Doc, r: _Reading) -> None:
    """Issuer and cơ quan chủ quản from the issuer lines, else inferred from symbol or body."""
    h = r.header
    groups = r.issuer_lines
    if groups:
        issuer = groups[-1]
        h.issuer = expand_abbreviation(hf.recase(" ".join(c.text for c in issuer)))
        h.spans["issuer"] = doc.span(issuer[0].start, issuer[-1].end)
        if len(groups) > 1:
            parent = groups[-2]
            # The cơ quan chủ quản stays as written ("UBND tỉnh Kon Tum"); only the issuer is written out.
            h.issuer_parent = hf.recase(" ".join(c.text for c in parent))
            h.spans["issuer_parent"] = doc.span(parent[0].start, parent[-1].end)
        return
    inferred = infer_issuer(doc, h)
    if inferred:
        h.issuer, span = inferred
        if span:
            h.spans["issuer"] = span
    else:
        h.issuer = hf.issuer_of_type(h.doc_type)


def _settle_type(doc: Doc, r: _Reading) -> None:
    """The type: the printed title first, else the symbol's code, a lead word ("Luật số"), a "V/v".
    A code that disagrees with the title is a misprint ("55/2007/CT-UBND" over "QUYẾT ĐỊNH"): warned."""
    h = r.header
    code = hf.type_code(h.symbol)
    h.doc_type_code = code
    from_code = hf.type_from_symbol(h.symbol)
    if r.printed_type:
        h.doc_type = r.printed_type
        if from_code and from_code != r.printed_type:
            doc.record.warnings.append(
                f"header: the title says {r.printed_type}, the symbol {h.symbol} says {from_code}")
    elif from_code:
        h.doc_type = from_code
    elif h.doc_type is None and r.lead:
        h.doc_type = r.lead[0].upper() + r.lead[1:].lower()
    elif h.doc_type is None and (r.has_vv or (h.recipients and h.symbol)):
        h.doc_type = load("doc_types")["dispatch_type"]


def _next_line(text: str, pos: int) -> int:
    """The start of the line after ``pos``."""
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl + 1
