"""The pieces of a citation, compiled from ``data/reference_patterns.json``.

A citation is anchored on its number ("48/KH-UBND", "30/2020/NĐ-CP", Party "05-CT/TW"); the type
named before it, the date, the issuer and the title after it are read around that anchor by
:mod:`pipeline.references`. Everything here is a compiled pattern or a table lookup.

>>> m = NUMBER.search("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020")
>>> number_of(m), symbol_of(m)
('30', '2020/NĐ-CP')
>>> m = NUMBER.search("Chỉ thị số 05-CT/TW ngày 15/5/2016")
>>> number_of(m), symbol_of(m)
('05', 'CT/TW')
>>> type_code("2020/NĐ-CP"), type_code("KH-UBND"), type_code("2025/QH15"), type_code("BTNMT-TĐKTTT")
('NĐ', 'KH', 'QH', None)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from pipeline.tables import load

# One code of a symbol: "KH", "UBND", "QH15", "TTg", "BGDĐT", "TN&MT". Starts with a capital.
_CODE = r"\p{Lu}[\p{L}\d&]*"
# After a separator with a space ("48/KH- UBND" where a line broke), only a code in capitals.
# An old joiner "01/1999/QĐ.UB": a dot, then capitals only, so "…/QĐ-UBND. Căn cứ" ends at the dot.
# "758/KH – UBND": a dash with a space on each side, then only a code in capitals, as above.
_NEXT_CODE = (r"(?:[-/]" + _CODE + r"|(?:[-/]|\s[-–])\s\p{Lu}{2,}[\p{Lu}\d&]*(?![\p{Ll}])"
              r"|\.\p{Lu}[\p{Lu}\d&]*(?![\p{Ll}\d]))")
NUMBER = regex.compile(
    rf"""
    (?:(?<![\w/.\-:=])|(?<=(?<!\w)số))\[?            # not "QCVN 05:2009/BGTVT", "?keyword=01/XNCG"; "số1017/…" glued
    (?:
        (?P<number>\d{{1,5}}[a-z]?)\]?\s?/\s?
        (?P<symbol>(?:(?:1[89]|20)\d\d/)?{_CODE}{_NEXT_CODE}{{0,5}})
      | (?P<pnumber>\d{{1,5}})-                         # Party style: 05-CT/TW, old 130-CP
        (?P<psymbol>{_CODE}{_NEXT_CODE}{{0,4}})
    )
    (?![\w&])
    """,
    regex.VERBOSE,
)
_YEAR_PREFIX = regex.compile(r"^(?:1[89]|20)\d\d/")
_DIGITS = regex.compile(r"\d+$")


def symbol_of(m: regex.Match[str]) -> str:
    """The symbol of a :data:`NUMBER` match: everything after the first slash (or Party hyphen).

    >>> symbol_of(NUMBER.search("Kế hoạch số 48/KH- UBND ngày")), symbol_of(NUMBER.search("số 758/KH – UBND ngày"))
    ('KH-UBND', 'KH-UBND')
    """
    return regex.sub(r"\s", "", m.group("symbol") or m.group("psymbol")).replace("–", "-")


def number_of(m: regex.Match[str]) -> str:
    return m.group("number") or m.group("pnumber")


def type_code(symbol: str) -> str | None:
    """The document-type code of a symbol, if its first code is one; ``QH15`` reads as ``QH``.

    >>> type_code("TTLT-BTC-BNV"), type_code("CT/TW"), type_code("UBTVQH12"), type_code("CP")
    ('TTLT', 'CT', 'UBTVQH', None)
    """
    first = regex.split(r"[-/.]", _YEAR_PREFIX.sub("", symbol), maxsplit=1)[0]
    code = _DIGITS.sub("", first)
    return code if code in types_by_code() else None


@dataclass(frozen=True)
class ActType:
    name: str
    codes: tuple[str, ...]
    named: bool  # carries a name between type and number: "Luật Quản lý thuế số …"


@cache
def _table() -> dict:
    table: dict = load("reference_patterns")
    return table


@cache
def types_by_alias() -> dict[str, ActType]:
    """Every written form of a type name -> its type ("Kế hoạch", "kế hoạch", "KẾ HOẠCH", "NĐ")."""
    out: dict[str, ActType] = {}
    for row in _table()["types"]:
        act = ActType(row["name"], tuple(row.get("codes", ())), bool(row.get("named")))
        forms = set()
        for alias in row.get("aliases", ()):
            forms |= {alias, alias[0].upper() + alias[1:], alias.upper()}
            if row.get("lowercase", True):
                forms.add(alias.lower())
        forms |= set(row.get("abbreviations", ()))
        for form in forms:
            out.setdefault(form, act)
    return out


@cache
def code_over_written() -> frozenset[str]:
    """Codes that name the act whatever type is written before the number ("… hợp nhất tại văn bản số 16/VBHN-VPQH")."""
    return frozenset(_table().get("code_over_written", ()))


@cache
def types_by_code() -> dict[str, ActType]:
    """Symbol code -> the type it names; the first type listing a code wins ("QH" -> Bộ luật)."""
    out: dict[str, ActType] = {}
    for row in _table()["types"]:
        act = ActType(row["name"], tuple(row.get("codes", ())), bool(row.get("named")))
        for code in act.codes:
            out.setdefault(code, act)
    return out


@cache
def type_pattern() -> regex.Pattern[str]:
    """Any written type name as a whole word, longest first."""
    forms = sorted(types_by_alias(), key=len, reverse=True)
    return regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(f) for f in forms) + r")(?!\w)")


@cache
def relation_pattern() -> regex.Pattern[str]:
    words = sorted(_table()["relations"], key=len, reverse=True)
    return regex.compile(r"(?i)(?<!\w)(?:" + "|".join(regex.escape(w) for w in words) + r")(?!\w)")


@cache
def excluded_before() -> regex.Pattern[str]:
    """A number right after these words is a form, an appendix or the document's own number."""
    words = sorted(_table()["excluded_before"], key=len, reverse=True)
    return regex.compile(r"(?i)(?<!\w)(?:" + "|".join(regex.escape(w) for w in words) + r")\s*\[?$")


@cache
def issuer_stop(upper: bool = False) -> regex.Pattern[str]:
    """Where an issuer ends; ``upper`` for a title in capitals ("… CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ VIỆC …").

    >>> issuer_stop(upper=True).search("THỦ TƯỚNG CHÍNH PHỦ VỀ VIỆC").start()
    19
    """
    words = sorted({w.upper() if upper else w for w in _table()["issuer_stops"]}, key=len, reverse=True)
    alternatives = "|".join(regex.escape(w) for w in words)
    # No syllable goes on after "về": "vềviệc" is "về việc" glued by a web copy.
    glued = "VỀ" if upper else "[Vv]ề"
    return regex.compile(rf"\s(?:{alternatives})(?!\w)|\s{glued}(?=\p{{L}})|\s+\d|[,;:.()\[\]“”\"'\n]|\s[-–]\s")


@cache
def title_start() -> regex.Pattern[str]:
    words = sorted(_table()["title_starts"], key=len, reverse=True)
    return regex.compile(r"\s*,?\s*(?P<lead>" + "|".join(regex.escape(w) for w in words) + r")(?!\w)\s*")


def issuer_by_code(symbol: str) -> str | None:
    """The national body a symbol names: "2020/NĐ-CP" -> Chính phủ, "2025/QH15" -> Quốc hội.

    >>> issuer_by_code("2011/QĐ-TTg"), issuer_by_code("KH-UBND")
    ('Thủ tướng Chính phủ', None)
    """
    table: dict[str, str] = _table()["issuer_by_code"]
    for code in reversed(regex.split(r"[-/]", _YEAR_PREFIX.sub("", symbol))):
        code = _DIGITS.sub("", code)
        if code in table:
            return table[code]
    return None
