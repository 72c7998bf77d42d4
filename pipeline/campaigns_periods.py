"""Periods of a movement: "từ ngày 01/01/2023 đến ngày 31/12/2023", "giai đoạn 2021-2025", "năm 2022".

>>> find_range("Phát động Phong trào thi đua đặc biệt từ ngày 01/01/2023 đến ngày 31/12/2023.")
('2023-01-01', '2023-12-31', 'từ ngày 01/01/2023 đến ngày 31/12/2023')
>>> period_in("Phong trào Cả nước chung tay vì người nghèo giai đoạn 2021-2025")
('2021', '2025', 'giai đoạn 2021-2025')
>>> period_in("Phong trào thi đua năm 2022")
('2022', '2022', 'năm 2022')
>>> period_in("Phong trào Doanh nghiệp hội nhập và phát triển")
(None, None, None)
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.tables import load

Period = tuple[str | None, str | None, str | None]


@cache
def _patterns() -> list[tuple[str, regex.Pattern[str]]]:
    return [(p["kind"], regex.compile(p["pattern"])) for p in load("campaign_patterns")["periods"]]


def _day(y: str, m: str, d: str) -> str | None:
    year, month, day = int(y), int(m), int(d)
    if not (1945 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _from_match(kind: str, m: regex.Match[str]) -> Period | None:
    g = m.groupdict()
    text = " ".join(m.group().split())
    if kind == "range_month":  # "Từ tháng 01/2024 đến hết tháng 12/2024": months, no days
        y1, m1, y2, m2 = int(g.get("y1") or g["y2"]), int(g["m1"]), int(g["y2"]), int(g["m2"])
        if not (1945 <= y1 <= 2100 and 1 <= m1 <= 12 and 1 <= m2 <= 12 and (y1, m1) <= (y2, m2)):
            return None
        return f"{y1:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}", text
    if kind.startswith("range_") and kind != "range_years":
        start, end = _day(g["y1"], g["m1"], g["d1"]), _day(g["y2"], g["m2"], g["d2"])
        return (start, end, text) if start and end and start <= end else None
    if kind == "range_years":
        return (g["y1"], g["y2"], text.strip("() ")) if g["y1"] <= g["y2"] else None
    return g["y1"], g["y1"], text


def find_range(text: str) -> Period | None:
    """A range of days ("từ ngày … đến ngày …") or months ("từ tháng 01/2024 đến hết tháng 12/2024")
    in ``text``, or None."""
    for kind, pattern in _patterns():
        if kind in ("range_date", "range_words", "range_month"):
            m = pattern.search(text)
            if m and (found := _from_match(kind, m)):
                return found
    return None


def period_in(name: str) -> Period:
    """The period a name carries, most precise first: days, then years, then one year."""
    for kind, pattern in _patterns():
        m = pattern.search(name)
        if m and (found := _from_match(kind, m)):
            return found
    return None, None, None
