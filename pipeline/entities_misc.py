"""Recognisers for people (PER), positions, awards and dates.

People are found by surname (``pipeline/data/person_names.json``) followed by capitalised given
names; a two-syllable name needs a title before it ("ông Lê Lợi") or a line of its own (the
signer). Positions and awards are gazetteers; dates are ISO-normalised.

>>> from pipeline.entities_rules import scan
>>> [m.surface for m in find_people(scan("Đồng chí Nguyễn Văn Lộc, Phó Giám đốc Sở"), [])]
['Nguyễn Văn Lộc']
>>> [m.surface for m in find_positions(scan("KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC"))]
['GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']
>>> [(m.surface, m.normalized) for m in find_dates(scan("ngày 30/3/2022 và ngày 07 tháng 4 năm 2014"))]
[('30/3/2022', '2022-03-30'), ('ngày 07 tháng 4 năm 2014', '2014-04-07')]
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.entities_rules import Mention, Scan
from pipeline.gazetteer import Gazetteer, table_gazetteer
from pipeline.tables import load


@cache
def _surnames() -> frozenset[str]:
    return frozenset(load("person_names")["surnames"])


@cache
def _titles() -> Gazetteer:
    return Gazetteer(load("person_names")["titles"])


_SIGNER_ZONE = 600  # characters from the end where the signature block sits


def _given_end(s: Scan, j: int, limit: int = 3) -> int:
    """End of up to ``limit`` capitalised given-name syllables from token j."""
    toks, end = s.tokens, j
    while end < len(toks) and end - j < limit and toks[end].is_word and toks[end].is_cap:
        t = toks[end]
        if (t.is_upper and not s.in_caps(end)) or not t.text.isalpha():
            break
        if "\n" in s.text[toks[end - 1].end : t.start]:
            break
        end += 1
    return end


def _alone_on_line(s: Scan, i: int, end: int) -> bool:
    line_start = s.text.rfind("\n", 0, s.tokens[i].start) + 1
    line_end = s.text.find("\n", s.tokens[end - 1].end)
    line = s.text[line_start : len(s.text) if line_end < 0 else line_end]
    return line.strip(" *_.,;") == s.text[s.tokens[i].start : s.tokens[end - 1].end]


def find_people(s: Scan, taken: list[tuple[int, int]]) -> list[Mention]:
    """Names of people, outside the spans already ``taken`` by ORG and LOC mentions."""
    out, toks, i = [], s.tokens, 0
    inside = s.covered(taken)
    while i < len(toks):
        t = toks[i]
        if not t.is_cap or inside[i] or t.text.capitalize() not in _surnames():
            i += 1
            continue
        end = _given_end(s, i + 1)
        titled = i > 0 and (_titles().longest(toks, _title_start(s, i)) is not None or _after_position(s, i))
        size = end - i
        caps = s.in_caps(i)
        # In capitals, only a signer's name on its own line near the end ("PHẠM VI ĐIỀU CHỈNH" is a heading).
        signer = _alone_on_line(s, i, end) and t.start > len(s.text) - _SIGNER_ZONE
        ok = (size >= 3 or (size == 2 and (titled or _alone_on_line(s, i, end)))) and (not caps or signer)
        if ok and not any(inside[i:end]) and not _eponym(s, i):
            out.append(s.mention("PER", i, end))
            i = end
        else:
            i += 1
    return out


@cache
def _eponym_words() -> Gazetteer:
    return Gazetteer(load("person_names")["eponym_before"])


def _eponym(s: Scan, i: int) -> bool:
    """The name at token i names something after a person ("tư tưởng Hồ Chí Minh", "Huân chương
    Hồ Chí Minh"): a listed word right before it, or before a list of such words."""
    k = i - 1
    while k >= 0 and s.tokens[k].text == ",":
        k -= 1
    for start in range(max(0, k - 4), k + 1):
        hit = _eponym_words().longest(s.tokens, start)
        if hit is not None and hit[0] == k + 1:
            return True
    return False


def _after_position(s: Scan, i: int) -> bool:
    """A position just before token i announces a name: "Tổng Bí thư Tô Lâm", "Bộ trưởng Phan Văn Giang"."""
    positions = table_gazetteer("positions", "positions")
    for k in range(max(0, i - 6), i):
        hit = positions.longest(s.tokens, k)
        if hit is not None and hit[0] == i:
            return True
    return False


def _title_start(s: Scan, i: int) -> int:
    """Index where a title before token i would start ("đồng chí" is two tokens)."""
    for k in (i - 2, i - 1):
        if k >= 0:
            hit = _titles().longest(s.tokens, k)
            if hit and hit[0] == i:
                return k
    return i


def find_positions(s: Scan) -> list[Mention]:
    """Positions (chức vụ) written with a capital: "Phó Giám đốc", "Chủ tịch UBND"."""
    return _gazetteer_mentions(s, table_gazetteer("positions", "positions"), "POSITION", need_cap=True)


def find_awards(s: Scan) -> list[Mention]:
    """Award forms and titles: "Giấy khen", "Bằng khen", "Huân chương Lao động"."""
    return _gazetteer_mentions(s, table_gazetteer("awards", "awards"), "AWARD", need_cap=False)


def _gazetteer_mentions(s: Scan, gazetteer: Gazetteer, label: str, need_cap: bool) -> list[Mention]:
    out, free = [], 0  # tokens before ``free`` are inside a mention already found
    for i in [k for k, t in enumerate(s.tokens) if gazetteer.starts(t.key)]:
        if i < free:
            continue
        hit = gazetteer.longest(s.tokens, i, _line_end(s, i))
        if hit and (s.tokens[i].is_cap or not need_cap):
            out.append(s.mention(label, i, hit[0]))
            free = hit[0]
    return out


def _line_end(s: Scan, i: int) -> int:
    """Index of the first token after the line of token i (a position never runs across lines)."""
    j = i + 1
    while j < len(s.tokens) and j - i < 12 and "\n" not in s.text[s.tokens[j - 1].end : s.tokens[j].start]:
        j += 1
    return j


_DATES = regex.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d\d)(?!\d)"
    r"|[Nn]gày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>(?:19|20)\d\d)"
    r"|[Tt]háng\s+(?P<m3>\d{1,2})\s+năm\s+(?P<y3>(?:19|20)\d\d)"
)


def find_dates(s: Scan) -> list[Mention]:
    """Full dates and month dates, normalised to ISO ("2022-03-30", "2022-04")."""
    out = []
    for m in _DATES.finditer(s.text):
        day, month, year = (m["d"] or m["d2"]), (m["m"] or m["m2"] or m["m3"]), (m["y"] or m["y2"] or m["y3"])
        if not 1 <= int(month) <= 12 or (day and not 1 <= int(day) <= 31):
            continue
        iso = f"{int(year):04d}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
        start = m.start("d") if m["d"] else m.start()
        out.append(Mention("DATE", start, m.end(), s.text[start : m.end()], normalized=iso))
    return out
