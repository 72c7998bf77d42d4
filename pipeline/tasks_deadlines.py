"""Deadlines of a directive: a date where one is written, the phrase where only a period is.

>>> find_deadline("báo cáo UBND tỉnh trước ngày 15/9/2025.")
('2025-09-15', 'trước ngày 15/9/2025')
>>> find_deadline("phát động phong trào thi đua trong tháng 01 năm 2023 và tổ chức triển khai")
('2023-01', 'trong tháng 01 năm 2023')
>>> find_deadline("Tổ chức đánh giá tổng kết phong trào thi đua vào cuối năm")
(None, 'vào cuối năm')
>>> find_deadline("tổ chức triển khai thực hiện")
(None, None)
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.tables import load

_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@cache
def _patterns() -> list[tuple[str, regex.Pattern[str]]]:
    return [(p["kind"], regex.compile(p["pattern"])) for p in load("task_patterns")["deadlines"]]


def _iso(kind: str, m: regex.Match[str]) -> str | None:
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    if year is None or not 1945 <= year <= 2100:
        return None
    if kind == "date":
        day, month = int(g["d"]), int(g["m"])
        return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    if kind == "month":
        month = int(g["m"])
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    if kind == "quarter":
        last_month = 3 * _QUARTERS[g["q"].upper()]
        return f"{year:04d}-{last_month:02d}"
    return f"{year:04d}"


def find_deadline(text: str) -> tuple[str | None, str | None]:
    """``(iso, phrase)`` of the first deadline in ``text``; a dated one wins over a bare period."""
    best: tuple[int, str | None, str] | None = None
    for kind, pattern in _patterns():
        m = pattern.search(text)
        if not m:
            continue
        iso = None if kind == "text" else _iso(kind, m)
        if kind != "text" and iso is None:
            continue
        rank = (0 if iso else 1, m.start())
        if best is None or rank < (0 if best[1] else 1, best[0]):
            best = (m.start(), iso, m.group().strip())
    if best is None:
        return None, None
    return best[1], best[2]
