"""A portal's note of the act a page reproduces, when the page printed no header of its own.

Pages of a UBND's "Thông tin ý kiến" or a school's news repost an act's text with its number and date
in brackets, after its trích yếu or at its foot: "Về việc báo cáo … nông thôn (3585/VP-KTN, ngày
23/10/2017)", "(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)". That note is the act's own số, ký
hiệu and date; a bracket anywhere else in the body is left to the references stage.

>>> from pipeline.document import Doc
>>> doc = Doc.from_text("UBND tỉnh có ý kiến như sau:\\nGiao Sở Tài chính thực hiện.\\n"
...                     "(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)")
>>> note = find_note(doc.text, None); (note.number, note.symbol, note.date.iso(), note.doc_type)
('6202', 'UBND-KT', '2023-11-23', 'Công văn')
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.dates import first_date
from pipeline.header_fields import split_number
from pipeline.record import DateParts

_NOTE = regex.compile(
    r"\(\s*(?:Theo\s+(?P<type>\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)?)\s+số\s+)?"
    r"(?P<value>\d{1,6}\s*/\s*[\p{Lu}\d][\p{L}\d&/\-]*)\s*,?\s*(?P<date>ngày\s+[\d/.\-]+|ngày[^)]{1,30}?)\s*\)\.?\s*$"
)


@dataclass(frozen=True)
class Note:
    """The note's parts; spans are ``[start, end)`` in the text searched."""

    number: str | None
    symbol: str | None
    date: DateParts
    doc_type: str | None
    start: int  # where the bracket opens: a trích yếu before it ends there
    spans: dict[str, list[int]]


def find_note(text: str, subject: tuple[int, int] | None) -> Note | None:
    """The note that closes the trích yếu at ``subject`` (``[start, end)``), else the text's last line."""
    places = []
    if subject is not None:
        places.append(subject)
    tail = text.rstrip()
    places.append((tail.rfind("\n") + 1, len(tail)))
    for start, end in places:
        m = _NOTE.search(text[start:end])
        if m:
            return _note(text, m, start)
    return None


def _note(text: str, m: regex.Match[str], offset: int) -> Note | None:
    number, symbol = split_number(m.group("value"))
    found = first_date(m.group("date"))
    if found is None or symbol is None:
        return None
    spans = {}
    value_start = offset + m.start("value")
    raw = m.group("value")
    if number:
        spans["number"] = [value_start, value_start + len(number)]
    slash = raw.index("/") + 1
    spans["symbol"] = [value_start + slash + (len(raw[slash:]) - len(raw[slash:].lstrip())), value_start + len(raw)]
    date_start = offset + m.start("date") + found.start
    spans["date"] = [date_start, date_start + found.end - found.start]
    doc_type = m.group("type")
    if doc_type:
        spans["doc_type"] = [offset + m.start("type"), offset + m.end("type")]
    return Note(number, symbol, found.parts, doc_type, offset + m.start(), spans)
