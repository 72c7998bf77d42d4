"""Dates as Vietnamese documents write them, with their spans; blanks stay ``None``.

Drafts leave the day or month blank ("ngày   tháng 4 năm 2022"), so a date is a
:class:`~pipeline.record.DateParts` whose unknown parts are ``None``. Shapes:

- words: "ngày 07 tháng 4 năm 2014", "ngày tháng 4 năm 2022", "ngày … tháng … năm 2023";
- numbers: "30/3/2022", "01-10-1997" (Party style), "30.3.2022", blanks "ngày …/…/2024";
- month and year alone: "tháng 01 năm 2023".

>>> parse_date("ngày 07 tháng 4 năm 2014")
DateParts(year=2014, month=4, day=7)
>>> parse_date("ngày tháng 4 năm 2022")
DateParts(year=2022, month=4, day=None)
>>> parse_date("01-10-1997").iso()
'1997-10-01'
>>> [(f.text, f.parts.iso()) for f in find_dates("Kế hoạch số 48/KH-UBND ngày 30/3/2022 của UBND")]
[('ngày 30/3/2022', '2022-03-30')]
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.record import DateParts

# A blank is spaces, dots or ellipses left for the hand-written day or month.
_BLANK = r"[ \t.…_]*"
_WORDS = regex.compile(
    r"(?:\b[Nn]gày\s*(?P<day>\d{1,2})?" + _BLANK + r"\s*)?"
    r"\b[Tt]háng\s*(?P<month>\d{1,2})?" + _BLANK + r"\s*"
    r"\b[Nn]ăm\s*(?P<year>\d{4})\b"
)
_NUMBERS = regex.compile(
    r"(?:\b[Nn]gày\s*)?(?<![\d/.-])(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d/])"
)
# "ngày …/…/2024", "ngày  /3/2022": a numeric date with its day or month left blank.
_BLANK_NUMBERS = regex.compile(
    r"\b[Nn]gày\s*(?P<day>\d{1,2})?[ .…_]*/[ .…_]*(?P<month>\d{1,2})?[ .…_]*/\s*(?P<year>\d{4})\b"
)
_EARLIEST, _LATEST = 1945, 2100


@dataclass(frozen=True)
class FoundDate:
    """A date found in a text: its parts and the ``[start, end)`` it covers there."""

    parts: DateParts
    start: int
    end: int
    text: str


def _parts(day: str | None, month: str | None, year: str | None) -> DateParts | None:
    """Checked parts: ``None`` when a written part is out of range (an amount, not a date)."""
    d = int(day) if day else None
    m = int(month) if month else None
    y = int(year) if year else None
    if y is None or not _EARLIEST <= y <= _LATEST:
        return None
    if m is not None and not 1 <= m <= 12:
        return None
    if d is not None and not 1 <= d <= 31:
        return None
    return DateParts(year=y, month=m, day=d)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """Every date in ``text[start:end]``, in order, spans on ``text``.

    >>> [f.parts.iso() for f in find_dates("từ ngày 01/01/2023 đến hết tháng 12 năm 2023")]
    ['2023-01-01', '2023-12']
    >>> find_dates("khoảng 12/2023 người")  # month/year alone is not taken
    []
    """
    end = len(text) if end is None else end
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_WORDS, _NUMBERS, _BLANK_NUMBERS):
        for m in pattern.finditer(text, start, end):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            parts = _parts(m.group("day"), m.group("month"), m.group("year"))
            if parts is None:
                continue
            found.append(FoundDate(parts, m.start(), m.end(), m.group()))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda f: f.start)
    return found


def first_date(text: str, start: int = 0, end: int | None = None) -> FoundDate | None:
    """The first date in ``text[start:end]`` or ``None``.

    >>> first_date("Kon Tum, ngày tháng năm 2021").parts
    DateParts(year=2021, month=None, day=None)
    """
    dates = find_dates(text, start, end)
    return dates[0] if dates else None


def parse_date(text: str) -> DateParts | None:
    """The date that ``text`` is, whole (edge spaces and punctuation aside), or ``None``.

    >>> parse_date("30/3/2022")
    DateParts(year=2022, month=3, day=30)
    >>> parse_date("31/13/2022") is None
    True
    >>> parse_date("ngày 30/3/2022 của UBND") is None
    True
    """
    stripped = text.strip(" \t\n.,;:()")
    dates = find_dates(stripped)
    if len(dates) == 1 and dates[0].start == 0 and dates[0].end == len(stripped):
        return dates[0].parts
    return None


def iso(text: str) -> str | None:
    """ISO form of the date that ``text`` is, or ``None``.

    >>> iso("ngày 28 tháng 7 năm 2021")
    '2021-07-28'
    """
    parts = parse_date(text)
    return parts.iso() if parts else None
