"""Parsers for the pieces of a document header (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Each function reads one piece as printed and returns plain values; :mod:`pipeline.header` finds
the pieces and records their spans. The abbreviations and codes come from the data tables
``doc_types``, ``issuers`` and ``positions``.

>>> split_number("/STNMT-VP")
(None, 'STNMT-VP')
>>> split_number("05-CT/TW")
('05', 'CT/TW')
>>> type_from_symbol("2020/NĐ-CP")
'Nghị định'
>>> issuer_from_symbol("STNMT-VP")
'Sở Tài nguyên và Môi trường'
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.tables import load

MOTTO = regex.compile(r"C[ỘO]NG\s*H[ÒOÓ]A\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM", regex.I)
SLOGAN = regex.compile(r"Độc\s*lập\s*[-–—_,.]*\s*Tự\s*do\s*[-–—_,.]*\s*Hạnh\s*phúc", regex.I)

# "Số: 48/KH-UBND", "Số: /STNMT-VP", "Luật số: 24/2023/QH15", "Số: 35 /2026/TT-BXD", "Số 05-CT/TW",
# "Số 369 - CV/BTGTU" (Party and Đoàn numbers are often printed with spaces round the hyphen).
_SYMBOL = r"[\p{L}\p{N}&.…]+(?:\s*[-/]\s*[\p{L}\p{N}&.…]+)*"
NUMBER_LINE = regex.compile(
    r"(?<!\p{L})(?P<lead>(?:Bộ\s+luật|Luật|Pháp\s+lệnh|Lệnh)\s+)?[Ss][ốoỐO]\s*(?:ký\s+hiệu\s*)?[:.]?\s*"
    rf"(?P<value>(?:\d[\d.]*\p{{L}}?|[.…_]*)\s*/\s*{_SYMBOL}|\d+\s*[-–]\s*[\p{{Lu}}Đ]\p{{L}}*\s*/\s*{_SYMBOL})"
)
_YEAR = regex.compile(r"(?:19|20)\d\d")
_SEGMENTS = regex.compile(r"[/\-.]")


def split_number(value: str) -> tuple[str | None, str | None]:
    """Number and symbol of a "Số:" value; a blank or dotted number is ``None``.

    The symbol is everything after the first slash as printed, except in the Party style
    "05-CT/TW" where the number is joined to the type code by a hyphen.

    >>> split_number("30/2020/NĐ-CP")
    ('30', '2020/NĐ-CP')
    >>> split_number("35 /2026/TT-BXD")
    ('35', '2026/TT-BXD')
    >>> split_number("....../BC-......")  # a form to fill in keeps its type code
    (None, 'BC')
    >>> split_number("225 - KH/TWĐTN-CTTN")
    ('225', 'KH/TWĐTN-CTTN')
    """
    value = regex.sub(r"\s*([/-])\s*", r"\1", regex.sub(r"(?<=^\d+\p{L}?\s*)–", "-", value.strip()))
    head, _, rest = value.partition("/")
    party = regex.fullmatch(r"(\d+\p{L}?)-(\p{L}+)", head)
    if party:
        return party.group(1), f"{party.group(2)}/{rest}"
    number = head if regex.fullmatch(r"\d+(?:\.\d+)?\p{L}?", head) else None
    symbol = rest.strip(".…-/ ")
    if not regex.search(r"\p{L}", symbol):
        return number, None
    if regex.search(r"[.…]{2}", symbol):  # a form to fill in: "BC-......"
        kept = regex.sub(r"[-/]?[.…]{2,}.*$", "", symbol)
        return number, kept if regex.search(r"\p{L}{2}", kept) else None
    return number, symbol


@cache
def _type_codes() -> dict[str, str]:
    """Type code -> type name, the 2011 codes and OCR folds (QD for QĐ) included."""
    table = load("doc_types")
    codes = {code: t["name"] for t in table["types"] for code in t["codes"]}
    for folded, code in table["ocr_folds"].items():
        codes.setdefault(folded, codes[code])
    return codes


def symbol_segments(symbol: str) -> list[str]:
    """The codes of a symbol, years dropped: "2020/NĐ-CP" -> ["NĐ", "CP"].

    >>> symbol_segments("2012/TTLT-BTC-BLĐTBXH")
    ['TTLT', 'BTC', 'BLĐTBXH']
    """
    return [s for s in _SEGMENTS.split(symbol.strip()) if s and not _YEAR.fullmatch(s)]


def type_code(symbol: str | None) -> str | None:
    """The document-type code that opens a symbol, if any.

    >>> type_code("KH-STNMT"), type_code("STNMT-VP"), type_code("QD-UBND")
    ('KH', None, 'QĐ')
    """
    if not symbol:
        return None
    segments = symbol_segments(symbol)
    if not segments:
        return None
    first = segments[0]
    if first in _type_codes():
        return load("doc_types")["ocr_folds"].get(first, first)
    return None


def issuer_of_type(doc_type: str | None) -> str | None:
    """The body the law makes issuer of a type: a Nghị định is the Chính phủ's.

    >>> issuer_of_type("Nghị định"), issuer_of_type("Kế hoạch")
    ('Chính phủ', None)
    """
    for t in load("doc_types")["types"]:
        if t["name"] == doc_type:
            return t.get("issuer")
    return None


def type_from_symbol(symbol: str | None) -> str | None:
    """The full type name that a symbol's code stands for, or ``None`` (công văn, laws)."""
    code = type_code(symbol)
    return _type_codes()[code] if code else None


def issuer_code(symbol: str | None) -> str | None:
    """The issuer's code in a symbol: the first code after the type code.

    >>> issuer_code("KH-UBND"), issuer_code("STNMT-VP"), issuer_code("2023/QH15")
    ('UBND', 'STNMT', 'QH')
    """
    if not symbol:
        return None
    segments = symbol_segments(symbol)
    if segments and type_code(symbol):
        segments = segments[1:]
    if not segments:
        return None
    code = segments[0]
    return regex.sub(r"(?<=\p{L})\d+$", "", code)  # QH15 -> QH


def issuer_from_symbol(symbol: str | None) -> str | None:
    """Full name of the issuer coded in a symbol, when the code is known."""
    code = issuer_code(symbol)
    return load("issuers")["codes"].get(code) if code else None


@cache
def _titles() -> list[tuple[str, str]]:
    """(printed title, type name), longest first so "NGHỊ QUYẾT LIÊN TỊCH" wins."""
    table = load("doc_types")
    pairs = [(title, t["name"]) for t in table["types"] for title in t["title"]]
    pairs += [(title, table["campaign_type"]) for title in table["campaign_titles"]]
    return sorted(pairs, key=lambda p: -len(p[0]))


def title_type(line: str) -> tuple[str, int] | None:
    """(type name, length of the title words) when ``line`` opens with a type title in capitals.

    >>> title_type("KẾ HOẠCH Phát động phong trào thi đua năm 2022")
    ('Kế hoạch', 8)
    >>> title_type("NGHỊ QUYẾT LIÊN TỊCH")
    ('Nghị quyết liên tịch', 20)
    >>> title_type("Kế hoạch số 48") is None
    True
    """
    for title, name in _titles():
        if line.startswith(title) and not line[len(title):len(title) + 1].isalpha():
            return name, len(title)
    return None


_CONNECTIVE_END = regex.compile(r"(?:\b(?:CỦA|VÀ|VỚI|CHO|TẠI|THUỘC|VỀ|ĐỐI|TRONG)|[-–,])\s*$", regex.I)


def is_preamble_authority(line: str, previous: str = "") -> bool:
    """The upper-case line that opens a decision's preamble ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"),
    unless the line above leaves the trích yếu open ("… CỦA" ⏎ "ỦY BAN NHÂN DÂN TỈNH …").

    >>> is_preamble_authority("ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG", "RỘNG CỦA ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG")
    True
    >>> is_preamble_authority("ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG", "KHAI THÁC MẠNG TIN HỌC CỦA")
    False
    """
    line = regex.sub(r"\s+", " ", line).strip()
    if len(line) > 90 or not is_upper(line) or _CONNECTIVE_END.search(previous):
        return False
    return any(line == head or line.startswith(head + " ") for head in load("doc_types")["preamble_heads"])


@cache
def _known_names() -> list[str]:
    names = set(load("issuers")["codes"].values())
    return sorted(names, key=len, reverse=True)


_UPPER, _LOWER = regex.compile(r"\p{Lu}"), regex.compile(r"\p{Ll}")


def is_upper(text: str) -> bool:
    """Mostly capitals: a header or signature line ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "KT.GIÁM ĐỐC")."""
    upper = len(_UPPER.findall(text))
    return upper > 0 and upper >= 4 * len(_LOWER.findall(text))


def recase(text: str) -> str:
    """An upper-case name in its usual casing; a name already cased is left alone.

    >>> recase("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG")
    'Sở Tài nguyên và Môi trường'
    >>> recase("UBND TỈNH KON TUM")
    'UBND tỉnh Kon Tum'
    >>> recase("BỘ TÀI CHÍNH")
    'Bộ Tài chính'
    >>> recase("TỈNH UỶ HÀ TĨNH"), recase("QUẬN ĐOÀN LONG BIÊN")
    ('Tỉnh uỷ Hà Tĩnh', 'Quận đoàn Long Biên')
    """
    text = regex.sub(r"\s+", " ", text).strip()
    if not is_upper(text):
        return text
    committee = _COMMITTEE.fullmatch(text)
    if committee:  # "TỈNH ỦY HÀ TĨNH" -> "Tỉnh ủy Hà Tĩnh": the place after a Party or Đoàn committee
        head, place = committee.group("head", "place")
        return f"{head.capitalize()} {' '.join(w.capitalize() for w in place.split())}"
    folded = text.casefold()
    for name in _known_names():
        if folded.startswith(name.casefold()) and (len(text) == len(name) or text[len(name)] == " "):
            rest = text[len(name):].strip()
            return f"{name} {_recase_rest(rest)}".strip()
    words = text.split(" ")
    head = [words[0] if _is_acronym(words[0]) else words[0].capitalize()]
    return _recase_domains(" ".join([*head, _recase_rest(" ".join(words[1:]))]).strip())


@cache
def _domains() -> list[str]:
    """The field part of known names ("Tài nguyên và Môi trường" of "Sở Tài nguyên và Môi trường")."""
    out = {name.split(" ", 1)[1] for name in _known_names() if name.startswith(("Sở ", "Bộ ")) and " " in name}
    return sorted(out, key=len, reverse=True)


def _recase_domains(text: str) -> str:
    """Put a known field back in its casing: "Phòng tài nguyên và môi trường" -> "Phòng Tài nguyên và Môi trường"."""
    folded = text.casefold()
    for domain in _domains():
        k = folded.find(domain.casefold())
        if k > 0 and text[k - 1] == " ":
            return text[:k] + domain + text[k + len(domain):]
    return text


_COMMITTEE = regex.compile(r"(?P<head>(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+(?:ỦY|UỶ|ĐOÀN))\s+(?P<place>[\p{Lu}\s\-]+)")
# "THƯƠNG BINH VÀ XÃ HỘI" is society, no commune ("UBND XÃ HỘI XUÂN" is one).
_UNITS = regex.compile(r"\b(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|(?<!(?:VÀ|BINH)\s)XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|TP\.?|TX\.?)(?!\w)")


def _is_acronym(word: str) -> bool:
    table = load("issuers")
    return word in table["abbreviations"] or word in table["codes"] or word in table.get("field_abbreviations", {})


def _recase_rest(rest: str) -> str:
    """Lower case, with a unit word's place name in title case: "TỈNH KON TUM" -> "tỉnh Kon Tum"."""
    if not rest:
        return ""
    m = _UNITS.search(rest)
    if m:
        before = _recase_rest(rest[: m.start()].strip()) if m.start() else ""
        place = " ".join(w.capitalize() for w in rest[m.end():].split())
        unit = m.group() if m.group().startswith(("TP", "TX")) else m.group().lower()  # "TP" is written out later
        return " ".join(p for p in (before, unit, place) if p)
    return " ".join(w if _is_acronym(w) else w.lower() for w in rest.split())


def is_issuer_line(line: str) -> bool:
    """An upper-case line naming a body: it opens with one of the ``heads`` of the issuer table.

    >>> is_issuer_line("UBND TỈNH KON TUM"), is_issuer_line("NGHỊ ĐỊNH")
    (True, False)
    """
    if not is_upper(line) or MOTTO.search(line):
        return False
    return any(line == head or line.startswith(head + " ") for head in load("issuers")["heads"])


@cache
def _positions() -> dict[str, str]:
    """Positions a signer may hold: the signer table and the entity stage's positions table."""
    names = [*load("positions").get("positions", []), *load("signer")["positions"]]
    return {p.casefold(): p for p in names}


def recase_position(text: str) -> str:
    """A signer's position in sentence case: "PHÓ GIÁM ĐỐC" -> "Phó Giám đốc".

    >>> recase_position("BỘ TRƯỞNG BỘ KHOA HỌC VÀ CÔNG NGHỆ")
    'Bộ trưởng Bộ Khoa học và Công nghệ'
    """
    text = regex.sub(r"\s+", " ", text).strip(" .,:;-")
    folded = text.casefold()
    best = ""
    for key in _positions():
        if (folded == key or folded.startswith(key + " ")) and len(key) > len(best):
            best = key
    if not best:
        return recase(text) if is_upper(text) else text
    rest = text[len(best):].strip()
    return f"{_positions()[best]} {recase(rest) if rest else ''}".strip()


def is_position(text: str) -> bool:
    """A line that is a position ("GIÁM ĐỐC", "PHÓ CHỦ TỊCH THƯỜNG TRỰC").

    >>> is_position("GIÁM ĐỐC"), is_position("Nguyễn Văn Lộc")
    (True, False)
    """
    folded = regex.sub(r"\s+", " ", text).strip(" .,:;").casefold()
    return any(folded == key or folded.startswith(key + " ") for key in _positions())
