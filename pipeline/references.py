"""Stage `references`: every act the text cites, one entry per occurrence.

A citation is found by its number ("48/KH-UBND", "30/2020/NĐ-CP", "05-CT/TW") and read outwards:
the type written before it ("Kế hoạch số", "Luật Quản lý thuế số"), the relation word before that
("Căn cứ", "Thực hiện", "theo"), then the date, "của <issuer>" and "về việc <title>" after it.
Occurrences of one act share a ``canonical_id`` and lend each other what one of them leaves out.

>>> refs = find_references("Căn cứ Kế hoạch số 48/KH-UBND ngày 30/3/2022 của UBND tỉnh Sóc Trăng"
...                        " về việc Phát động phong trào thi đua năm 2022;")
>>> r = refs[0]
>>> r.doc_type, r.number, r.symbol, r.date, r.issuer, r.relation, r.title
('Kế hoạch', '48', 'KH-UBND', '2022-03-30', 'UBND tỉnh Sóc Trăng', 'căn cứ', 'Phát động phong trào thi đua năm 2022')
>>> r.canonical_id
'48/KH-UBND:2022:UBND tỉnh Sóc Trăng'
>>> [(r.doc_type, r.number, r.symbol) for r in find_references(
...     "Căn cứ Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung bởi các Luật số 43/2024/QH15, số 47/2024/QH15;")]
[('Luật', '31', '2024/QH15'), ('Luật', '43', '2024/QH15'), ('Luật', '47', '2024/QH15')]
>>> [r.issuer for r in find_references("Kế hoạch số 45/KH-STNMT ngày 15/3/2023 và Công văn số"
...                                    " 890/STNMT-VP ngày 20/3/2023 của Sở Tài nguyên và Môi trường")]
['Sở Tài nguyên và Môi trường', 'Sở Tài nguyên và Môi trường']
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import regex

from pipeline.document import Doc
from pipeline.record import Reference
from pipeline.references_grammar import (
    NUMBER,
    ActType,
    code_over_written,
    excluded_before,
    issuer_by_code,
    number_of,
    relation_pattern,
    symbol_of,
    type_code,
    type_pattern,
    types_by_alias,
    types_by_code,
)
from pipeline.references_parts import issuer_before, read_date, read_issuer, read_title

_WINDOW = 260  # how far back a type name may stand from its number ("Luật Nhập cảnh, … số 47/2014/QH13")
_CLAUSE_END = regex.compile(r"[;\n]|\.\s")
_OWN_NUMBER_LINE = regex.compile(r"\s*Số\s*[:.]?\s*\[?")
# "Số:" with its colon just before the number, the number on the next line or later on a line
# that a PDF flattened ("… VIỆT NAM Số: 424/SGDĐT-TĐKT Sơn La"): the document's own number.
_OWN_NUMBER_BEFORE = regex.compile(r"(?<![\p{L}\d])Số\s*:\s*\[?\s*$")
_LIST_GAP = regex.compile(r"\s*(?:[,;]|\svà\s|\shoặc\s|\s|\()*(?:các\s+)?(?:số\s*)?\[?$")
_NAMED_GAP = regex.compile(r"^(?P<name>.*?)[\s,]*(?:\bsố\b\s*)?\[?\s*$", regex.DOTALL)
_MAX_GAP_WORDS = 3  # between a plain type and its number: "Kế hoạch số", "Quyết định liên tịch số"


@dataclass
class _Anchor:
    """What stands before a number: the type written, where the citation starts, its relation."""

    act: ActType | None
    start: int
    relation: str | None
    name: str | None  # the name of a named act: "Quản lý thuế"
    written: bool  # the type was written, not read off the symbol


def _clause_start(text: str, pos: int, floor: int) -> int:
    lo = max(floor, pos - _WINDOW)
    last = lo
    for m in _CLAUSE_END.finditer(text, lo, pos):
        last = m.end()
    return last


def _relation(text: str, lo: int, hi: int) -> str | None:
    """The last relation word of the clause before the type; a bare "tại" defers to an earlier
    one ("Thực hiện Kế hoạch … của UBND tỉnh tại Công văn số …" is a "thực hiện")."""
    found = [m.group().lower() for m in relation_pattern().finditer(text, lo, hi)]
    if len(found) > 1 and found[-1] == "tại":
        return found[-2]
    return found[-1] if found else None


def _written_type(text: str, lo: int, m: regex.Match[str]) -> tuple[regex.Match[str], ActType] | None:
    """The type name written for number ``m``: the nearest one that may stand for it, preferring
    one whose code the symbol carries ("Thông báo kết luận số 45/TB-UBND" is a Thông báo)."""
    code = type_code(symbol_of(m))
    candidates = []
    for t in type_pattern().finditer(text, lo, m.start()):
        act = _act(t.group())
        gap = text[t.end() : m.start()]
        if act.named or len(regex.findall(r"\w+", gap.replace("số", ""))) <= _MAX_GAP_WORDS:
            candidates.append((t, act))
    if not candidates:
        return None
    fitting = [c for c in candidates if code is not None and code in c[1].codes]
    return (fitting or candidates)[-1]


def _anchor(text: str, m: regex.Match[str], floor: int, previous: Reference | None) -> _Anchor:
    """Read the type, the relation and the start of the citation that ends in number ``m``."""
    lo = _clause_start(text, m.start(), floor)
    written = _written_type(text, lo, m)
    if written is not None:
        t, act = written
        relation = _relation(text, lo, t.start())
        code = type_code(symbol_of(m))
        if code in code_over_written() and types_by_code()[code].name != act.name:
            return _Anchor(types_by_code()[code], t.start(), relation, None, False)
        if act.named:
            name = _NAMED_GAP.match(text[t.end() : m.start()])
            title = name.group("name").strip(" ,") if name else None
            return _Anchor(act, t.start(), relation, title or None, True)
        return _Anchor(act, t.start(), relation, None, True)
    if previous is not None and previous.span is not None and _LIST_GAP.fullmatch(text, floor, m.start()):
        inherited = _act(previous.doc_type) if previous.doc_type else None
        return _Anchor(inherited, m.start(), previous.relation, None, False)
    return _Anchor(_act_from_code(symbol_of(m)), m.start(), _relation(text, lo, m.start()), None, False)


def _act(written: str) -> ActType:
    return types_by_alias().get(written) or ActType(written, (), False)


def _act_from_code(symbol: str) -> ActType | None:
    code = type_code(symbol)
    if code is not None:
        return types_by_code()[code]
    if not regex.match(r"(?:1[89]|20)\d\d/", symbol) and "-" in symbol:
        return ActType("Công văn", (), False)  # "8240/BTNMT-TĐKTTT": issuer and unit codes only
    return None


def _mismatch(act: ActType, symbol: str) -> str | None:
    code = type_code(symbol)
    if code is None or code in act.codes or types_by_code()[code].name == act.name:
        return None
    return f"doc_type {act.name!r} as written, but symbol {symbol!r} names a {types_by_code()[code].name}"


def _excluded(text: str, m: regex.Match[str]) -> bool:
    """A form ("Mẫu số 01/ĐKTĐ-HĐĐT"), an appendix, or a number line ("Số: 48/KH-UBND")."""
    line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
    if excluded_before().search(line[-20:]) or _OWN_NUMBER_LINE.fullmatch(line):
        return True
    return bool(_OWN_NUMBER_BEFORE.search(text[max(0, m.start() - 12) : m.start()]))


def _read(text: str, m: regex.Match[str], floor: int, previous: Reference | None) -> tuple[Reference, int]:
    """One citation around number match ``m``: the reference (spans on ``text``) and where it ends."""
    symbol = symbol_of(m)
    anchor = _anchor(text, m, floor, previous)
    pos = m.end()
    date, pos = read_date(text, pos)
    issuer, pos = read_issuer(text, pos)
    if date is None and issuer is not None:
        date, pos = read_date(text, pos)
    end = pos
    if issuer is None:
        issuer = issuer_before(text, anchor.start)
    title = anchor.name or read_title(text, pos)
    ref = Reference(
        doc_type=anchor.act.name if anchor.act else None,
        number=number_of(m),
        symbol=symbol,
        date=date,
        issuer=issuer,
        title=title,
        relation=anchor.relation,
        raw=text[anchor.start : end].strip(),
        span=[anchor.start, end],
    )
    if anchor.act and anchor.written and (warning := _mismatch(anchor.act, symbol)):
        ref.warnings.append(warning)
    return ref, end


def find_references(text: str, start: int = 0, end: int | None = None,
                    exclude: tuple[tuple[str | None, str | None], ...] = ()) -> list[Reference]:
    """Every citation in ``text[start:end]``, spans on ``text``; ``exclude`` holds (number, symbol)
    pairs that are not to be listed (the document's own number).

    >>> [r.symbol for r in find_references("Mẫu số 01/ĐKTĐ-HĐĐT theo Nghị định 73-CP", 0)]
    ['CP']
    """
    end = len(text) if end is None else end
    skip = {_key(n, s) for n, s in exclude if n and s}
    out: list[Reference] = []
    floor = start
    for m in NUMBER.finditer(text, start, end):
        if m.start() < floor or _excluded(text, m):
            continue
        ref, stop = _read(text, m, floor, out[-1] if out else None)
        floor = max(m.end(), stop)
        if _key(ref.number, ref.symbol) in skip or _untyped_code(ref):
            continue
        out.append(ref)
    _share_issuers(text, out)
    for ref in out:
        ref.issuer = ref.issuer or issuer_by_code(ref.symbol or "")
    _group(out)
    return out


def _untyped_code(ref: Reference) -> bool:
    """No type, no date, no issuer: a form or a standard ("01/TBVMT", "03/TNCN"), not an act."""
    return ref.doc_type is None and ref.date is None and ref.issuer is None and not issuer_by_code(ref.symbol or "")


_JOINED = regex.compile(r"\s*[,;]?\s*(?:và|hoặc)?\s*")


def _share_issuers(text: str, refs: list[Reference]) -> None:
    """"Quyết định số 1/QĐ-UBND ngày … và Quyết định số 2/QĐ-UBND ngày … của UBND tỉnh": the
    issuer written after the last act of a list is the issuer of each act before it."""
    for left, right in reversed(list(pairwise(refs))):
        if left.issuer or not right.issuer or left.span is None or right.span is None:
            continue
        if _JOINED.fullmatch(text, left.span[1], right.span[0]):
            left.issuer = right.issuer


def _key(number: str | None, symbol: str | None) -> tuple[str, str]:
    num = (number or "").lstrip("0") or (number or "")
    return num, regex.sub(r"[\s.\-–]", "", (symbol or "").upper())


def _group(refs: list[Reference]) -> None:
    """Give every occurrence of one act one ``canonical_id``; fill what one occurrence leaves out."""
    groups: dict[tuple[str, str], list[Reference]] = {}
    for r in refs:
        groups.setdefault(_key(r.number, r.symbol), []).append(r)
    for members in groups.values():
        date = next((r.date for r in members if r.date), None)
        issuer = next((r.issuer for r in members if r.issuer), None)
        title = next((r.title for r in members if r.title), None)
        for r in members:
            r.date = r.date or date
            r.issuer = r.issuer or issuer
            r.title = r.title or title
        cid = _canonical_id(members[0], date, issuer)
        for r in members:
            r.canonical_id = cid


def _canonical_id(ref: Reference, date: str | None, issuer: str | None) -> str:
    """Acts with the year in their symbol are unique nationally; others need the year and issuer."""
    number, symbol = (ref.number or "").lstrip("0") or ref.number, ref.symbol or ""
    if regex.match(r"(?:1[89]|20)\d\d/", symbol):
        return f"{number}/{symbol}"
    base = f"{number}-{symbol}" if "/" in symbol else f"{number}/{symbol}"  # Party style: 5-CT/TW
    parts = [base, date[:4] if date else ""]
    if issuer:
        parts.append(regex.sub(r"^(?:Chủ tịch|Thủ trưởng|Giám đốc|Bộ trưởng)\s+", "", issuer))
    return ":".join(parts).rstrip(":")


def _own_numbers(number: str | None, symbol: str | None,
                 year: int | None) -> tuple[tuple[str | None, str | None], ...]:
    """The document's own number, and its form with the year that a site's title adds to a
    symbol printed without one ("Quyết định số 1961/2019/QĐ-UBND" for "Số: 1961/QĐ-UBND").

    >>> _own_numbers("1961", "QĐ-UBND", 2019)
    (('1961', 'QĐ-UBND'), ('1961', '2019/QĐ-UBND'))
    >>> _own_numbers("33", "2009/QĐ-UBND", 2009)
    (('33', '2009/QĐ-UBND'),)
    """
    own: tuple[tuple[str | None, str | None], ...] = ((number, symbol),)
    if number and symbol and year and not regex.match(r"\d{4}/", symbol):
        own += ((number, f"{year}/{symbol}"),)
    return own


def add(doc: Doc) -> None:
    """Fill ``doc.record.references``: every cited act, spans on the source text."""
    header = doc.record.header
    refs = find_references(doc.text, exclude=_own_numbers(header.number, header.symbol, header.date.year))
    for ref in refs:
        if ref.span is not None:
            ref.span = doc.span(*ref.span)
    doc.record.references = refs
