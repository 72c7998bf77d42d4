"""Dates as documents write them: words, numbers, Party style, blanks left for the day or month."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.dates import find_dates, first_date, iso, parse_date
from pipeline.record import DateParts

PARSE_CASES = [
    ("30/3/2022", DateParts(2022, 3, 30)),  # citation date in a trích yếu
    ("ngày 07 tháng 4 năm 2014", DateParts(2014, 4, 7)),  # Chỉ thị 34-CT/TW
    ("ngày tháng 4 năm 2022", DateParts(2022, 4, None)),  # seed 000: day left blank
    ("ngày   tháng   năm 2023", DateParts(2023, None, None)),  # seed 001: day and month blank
    ("ngày ... tháng ... năm 2021", DateParts(2021, None, None)),  # dotted blanks
    ("ngày …/…/2024", DateParts(2024, None, None)),  # blanks in figures
    ("ngày   /3/2022", DateParts(2022, 3, None)),
    ("…/…/2024", None),  # without "ngày" dots and slashes are not a date
    ("01-10-1997", DateParts(1997, 10, 1)),  # Party style
    ("30.3.2022", DateParts(2022, 3, 30)),
    ("tháng 01 năm 2023", DateParts(2023, 1, None)),  # month and year alone
    ("Ngày 16 tháng 7 năm 2026", DateParts(2026, 7, 16)),
    ("ngày 28/01/2022", DateParts(2022, 1, 28)),
]

BAD = [
    "",
    "abc",
    "31/13/2022",  # no month 13
    "ngày 32 tháng 1 năm 2020",  # no day 32
    "12/2023",  # month/year alone in figures is an amount as often as a date
    "30/3/1800",  # before the Republic's documents
    "ngày 30/3/2022 của UBND",  # a date inside a phrase is found, not parsed whole
    "2022",
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_parse_date(text: str, expected: DateParts | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", BAD)
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_spans_and_order() -> None:
    text = "Kế hoạch số 48/KH-UBND ngày 30/3/2022 và Chỉ thị số 14/CT-UBND ngày 28 tháng 7 năm 2021"
    found = find_dates(text)
    assert [f.parts.iso() for f in found] == ["2022-03-30", "2021-07-28"]
    for f in found:
        assert text[f.start:f.end] == f.text
        assert f.text.startswith("ngày")


def test_find_dates_in_a_window() -> None:
    text = "Sóc Trăng, ngày tháng 4 năm 2022 ... ngày 01/01/2020"
    first = first_date(text)
    assert first is not None and first.parts == DateParts(2022, 4, None)
    assert [f.parts.iso() for f in find_dates(text, start=first.end)] == ["2020-01-01"]
    assert first_date("không có ngày nào") is None


def test_number_symbol_is_not_a_date() -> None:
    # "30/2020/NĐ-CP" holds a day-like and a year-like figure but is a number and a year.
    assert find_dates("Nghị định số 30/2020/NĐ-CP") == []


def test_iso() -> None:
    assert iso("ngày 28 tháng 7 năm 2021") == "2021-07-28"
    assert iso("ngày tháng năm 2021") == "2021"
    assert iso("không phải ngày") is None


@given(st.integers(1, 28), st.integers(1, 12), st.integers(1950, 2099))
def test_round_trip_words_and_numbers(day: int, month: int, year: int) -> None:
    expected = DateParts(year, month, day)
    assert parse_date(f"ngày {day:02d} tháng {month} năm {year}") == expected
    assert parse_date(f"{day}/{month}/{year}") == expected
    assert parse_date(f"{day:02d}-{month:02d}-{year}") == expected


@given(st.integers(1, 12), st.integers(1950, 2099))
def test_blank_day_stays_null(month: int, year: int) -> None:
    assert parse_date(f"ngày   tháng {month} năm {year}") == DateParts(year, month, None)


@given(st.text(alphabet="0123456789/.- ngàythángnăm", max_size=60))
def test_find_dates_never_fails_and_spans_slice(text: str) -> None:
    for f in find_dates(text):
        assert text[f.start:f.end] == f.text
        assert f.parts.year is not None
        assert f.parts.month is None or 1 <= f.parts.month <= 12
        assert f.parts.day is None or 1 <= f.parts.day <= 31
