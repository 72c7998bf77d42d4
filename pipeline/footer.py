"""Stage `footer`: the signer (quyền hạn, chức vụ, họ tên) and the "Nơi nhận" list.

The footer is the "Nơi nhận" block and the signature block, in either order, side by side or
flattened into one column by conversion. ``doc.body_end`` is set where the first of them starts,
so the closing "Trên đây là …" paragraph stays in the body. The "Lưu: VT, VP" line is kept apart
in ``footer.archive``, never in the distribution.

>>> from pipeline.document import Doc
>>> doc = Doc.from_text("Trên đây là kế hoạch./.\\n\\nNơi nhận:\\n- UBND tỉnh (B/c);\\n- Sở Nội vụ (P/hợp);\\n"
...     "- Lưu: VT, TĐKT.\\n\\nKT.GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC\\n\\nNguyễn Thị Lan")
>>> add(doc); f = doc.record.footer
>>> f.signer.authority, f.signer.position, f.signer.name
('KT', 'Phó Giám đốc', 'Nguyễn Thị Lan')
>>> [(d.name, d.purpose) for d in f.distribution], f.archive
([('UBND tỉnh', 'báo cáo'), ('Sở Nội vụ', 'phối hợp')], 'VT, TĐKT')
>>> doc.text[doc.body_end:].startswith("Nơi nhận")
True
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.document import Doc
from pipeline.footer_signer import find_signature, is_signature_part, read_lone_name, read_signer
from pipeline.header_fields import is_position, is_upper
from pipeline.header_zone import Cell, cells
from pipeline.record import Distribution
from pipeline.tables import load

# "Nơi nhận:", "NƠI NHẬN", OCR's "ơi nhận:"; not "Nơi nhận hồ sơ" (a lower-case word goes on).
_RECEIVERS = regex.compile(r"(?:N|(?<![\p{L}]))[ơo]i\s+nh[ậa][nm](?-i:(?!\s*\p{Ll}))\s*:?", regex.I)
# A scan turned into markdown doubles the mark: "- - Như trên;" (the converter's bullet, then the dash).
_BULLET = regex.compile(r"(?:[-–—•+*~]+\s*)+")
_ARCHIVE = regex.compile(r"Lưu\s*(?:trữ)?\s*[:.]?\s*(?P<what>.*)", regex.I)
_PURPOSE = regex.compile(r"\((?P<inner>[^()]{1,80})\)\s*$")
# After this many lines the "Nơi nhận" list is over, whatever follows.
_MAX_ENTRIES = 60


def add(doc: Doc) -> None:
    """Fill ``doc.record.footer`` and set ``doc.body_end``."""
    lines = cells(doc.text, *_footer_zone(doc))
    receivers = _find_receivers(lines)
    signature = find_signature(lines, receivers)
    footer = doc.record.footer
    starts = [i for i in (receivers, signature) if i is not None]
    if not starts:
        return
    first = lines[min(starts)]
    doc.body_end = first.start
    last_end = first.end
    if signature is not None:
        last_end = max(last_end, read_signer(doc, lines, signature, footer.signer))
    if receivers is not None:
        listed_end = _read_distribution(doc, lines, receivers)
        last_end = max(last_end, listed_end)
        if signature is None:
            last_end = max(last_end, read_lone_name(doc, lines, listed_end, footer.signer))
    footer.span = doc.span(first.start, last_end)


_RECEIVERS_LINE = regex.compile(r"^[\s#*_|>]*" + _RECEIVERS.pattern, regex.I | regex.M)
_FILE_PATH = regex.compile(r"[A-Za-z]:[\\/]|\\\\|~?/[\w.-]+/[\w.-]+/|\S+\.(?:docx?|pdf|odt)$", regex.I)
_ZONE_CHARS = 20000  # read this far past "Nơi nhận": the list, the signature beside or after it


def _footer_zone(doc: Doc) -> tuple[int, int, int]:
    """(start, max cells, max chars) of the text worth cutting into cells: from some lines before
    the first "Nơi nhận" when there is one (a signature may precede it), else the whole body."""
    m = _RECEIVERS_LINE.search(doc.text, doc.body_start)
    if not m:
        return doc.body_start, len(doc.text), len(doc.text)
    start = m.start()
    for _ in range(20):
        start = doc.text.rfind("\n", doc.body_start, start)
        if start < 0:
            start = doc.body_start
            break
    start = max(start, doc.body_start)
    return start, len(doc.text), m.start() - start + _ZONE_CHARS


def _find_receivers(lines: list[Cell]) -> int | None:
    """Index of the first line that opens "Nơi nhận"."""
    for i, line in enumerate(lines):
        if _RECEIVERS.match(line.text.lstrip("#*_ ")):
            return i
    return None


def _read_distribution(doc: Doc, lines: list[Cell], at: int) -> int:
    """Entries of the "Nơi nhận" list starting at ``lines[at]``; the end of the last one read."""
    head = lines[at]
    lead = len(head.text) - len(head.text.lstrip("#*_ "))
    m = _RECEIVERS.match(head.text, lead)
    assert m is not None
    pieces: list[tuple[int, int]] = []  # repaired-text extent of each bullet line or inline list
    rest = head.text[m.end():]
    if ";" in rest or _BULLET.match(rest.strip()):  # "Nơi nhận: Văn phòng Quốc hội; Văn phòng Chính phủ; …"
        pieces.append((head.start + m.end(), head.end))
    end = head.end
    beside = 0  # signature cells read in a row: the signature column laid beside the list
    for line in lines[at + 1: at + 1 + _MAX_ENTRIES]:
        if not pieces and _RECEIVERS.fullmatch(line.text.strip("#*_ ")):
            continue  # "## NƠI NHẬN" heading, then the document's own "Nơi nhận:"
        if _BULLET.match(line.text):
            pieces.append((line.start, line.end))
            beside = 0
        elif _FILE_PATH.match(line.text):
            continue  # the clerk's file name printed under the list ("d:\\2011\\CV\\…")
        elif pieces and line.text[:1].islower() and doc.text[pieces[-1][1] - 1] not in ";.":
            pieces[-1] = (pieces[-1][0], line.end)  # an entry broken over lines
        elif is_signature_part(line.text) and beside < 3:
            beside += 1
            continue
        elif _unbulleted_entry(doc, pieces, line):
            pieces.append((line.start, line.end))
        else:
            break
        end = line.end
    for start, stop in pieces:
        _add_entries(doc, start, doc.text[start:stop])
    return end


def _unbulleted_entry(doc: Doc, pieces: list[tuple[int, int]], line: Cell) -> bool:
    """An entry printed without a bullet: the list is still open (";" ends the last entry)."""
    open_list = not pieces or doc.text[pieces[-1][1] - 1] == ";"
    text = line.text
    return (open_list and len(text) < 120 and text[:1].isupper()
            and (text.endswith((";", ".")) or bool(_ARCHIVE.match(text))))


def _add_entries(doc: Doc, start: int, text: str) -> None:
    """One bullet line (or an inline list) -> entries; the "Lưu" line goes to ``archive``."""
    footer = doc.record.footer
    bulleted = bool(_BULLET.match(text))
    for k, m in enumerate(regex.finditer(r"[^;]+", text)):
        raw = m.group()
        entry = _BULLET.sub("", raw.strip(), count=1).strip(" .,;:")
        entry = regex.sub(r"\s+", " ", entry)
        if not entry or not regex.search(r"\p{L}", entry):
            continue
        if _is_signature_part(entry) or (bulleted and k > 0 and is_upper(entry)):
            continue  # the signature column printed beside the list ("…; THỨ TRƯỞNG", OCR's "…; THỦ")
        archive = _ARCHIVE.fullmatch(entry)
        if archive and (entry.startswith("Lưu") or entry.startswith("LƯU")):
            footer.archive = archive.group("what").strip(" .:") or None
            continue
        name, purpose, raw_purpose = _split_purpose(entry)
        s = start + m.start() + len(raw) - len(raw.lstrip())
        e = start + m.start() + len(raw.rstrip())
        if _purpose_after(footer.distribution, entry, k):
            last = footer.distribution[-1]
            last.purpose_raw = entry.strip("() ")
            last.purpose = expand_purpose(last.purpose_raw)
            if last.span is not None:
                last.span = [last.span[0], doc.span(s, e)[1]]
            continue
        footer.distribution.append(Distribution(name, purpose, raw_purpose, doc.span(s, e)))


def _purpose_after(entries: list[Distribution], entry: str, k: int) -> bool:
    """ "Thường trực Thành ủy; (để b/c)": a Word table's brace purpose lands after the semicolon;
    it belongs to the entry before it on the same line, not to a recipient of its own."""
    return (k > 0 and bool(entries) and entries[-1].purpose is None and entry.startswith("(")
            and entry.endswith(")") and expand_purpose(entry) is not None)


def _is_signature_part(entry: str) -> bool:
    return is_upper(entry) and (is_position(entry) or entry.startswith(("TM.", "KT.", "TL.", "TUQ.", "Q.")))


def _split_purpose(entry: str) -> tuple[str, str | None, str | None]:
    """("UBND tỉnh (B/c)") -> ("UBND tỉnh", "báo cáo", "B/c"); an unknown purpose is kept as written.

    >>> _split_purpose("Sở Xây dựng (Trưởng khối thi đua QLNN 2)")
    ('Sở Xây dựng', 'Trưởng khối thi đua QLNN 2', 'Trưởng khối thi đua QLNN 2')
    >>> _split_purpose("UBND tỉnh (để báo cáo)")
    ('UBND tỉnh', 'báo cáo', 'để báo cáo')
    >>> _split_purpose("Như trên")
    ('Như trên', None, None)
    """
    m = _PURPOSE.search(entry)
    if not m or m.start() == 0:
        return entry, None, None
    inner = m.group("inner").strip()
    return entry[: m.start()].strip(), expand_purpose(inner) or inner, inner


def expand_purpose(text: str) -> str | None:
    """The purpose an abbreviation stands for, from the ``purposes`` table, or ``None``.

    >>> expand_purpose("B/c"), expand_purpose("P/hợp"), expand_purpose("để biết"), expand_purpose("t/h")
    ('báo cáo', 'phối hợp', 'biết', 'thực hiện')
    """
    return _purposes().get(_purpose_key(text))


def _purpose_key(text: str) -> str:
    key = regex.sub(r"^để\s+", "", text.casefold().strip(" ().;,"))
    return regex.sub(r"[\s.]", "", key)


@cache
def _purposes() -> dict[str, str]:
    table: dict[str, str] = load("purposes")["purposes"]
    return {_purpose_key(k): v for k, v in table.items()}
