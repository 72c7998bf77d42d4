"""The issuer when the header does not print it, and abbreviated issuers written out.

Drafts often lose the issuer block; the symbol still names the issuer ("/STNMT-VP" is the Sở Tài
nguyên và Môi trường) and the body usually names it in full with its province ("Giám đốc Sở Tài
nguyên và Môi trường tỉnh Sóc Trăng đề nghị …"), or launches something in its name ("Sở Tài nguyên
và Môi trường Khánh Hoà phát động …").

>>> expand_abbreviation("UBND tỉnh Kon Tum")
'Ủy ban nhân dân tỉnh Kon Tum'
"""

from __future__ import annotations

import regex

from pipeline import header_fields as hf
from pipeline.document import Doc
from pipeline.record import Header, Span
from pipeline.tables import load

# How far into the text to look for the issuer's name: the opening paragraphs.
_LOOK_CHARS = 5000
_UNIT = r"(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã)"
_ORG = r"(?:Sở|Ủy\s+ban\s+nhân\s+dân|UBND|Ban|Phòng|Cục|Chi\s+cục|Trung\s+tâm|Bộ|Hội\s+đồng|Văn\s+phòng)"
_LAUNCH = r"(?:phát\s+động|ban\s+hành|đề\s+nghị|thông\s+báo|hướng\s+dẫn|kêu\s+gọi|xây\s+dựng\s+kế\s+hoạch)"
_ACTING = regex.compile(
    rf"(?<!\p{{L}})(?P<name>{_ORG}\s+\p{{Lu}}[\p{{L}}&\-,]*(?:\s+[\p{{L}}&\-,]+){{0,8}}?)\s+{_LAUNCH}\b"
)


def expand_abbreviation(name: str) -> str:
    """``name`` with an abbreviated first word written out ("UBND", "HĐND", "STNMT"), and a field the
    name abbreviates ("GD&ĐT", "LĐ-TB&XH"), with "TP"/"TX" before a place.

    >>> expand_abbreviation("Sở Nội vụ")
    'Sở Nội vụ'
    >>> expand_abbreviation("Phòng GD&ĐT TP Hà Tĩnh"), expand_abbreviation("LĐLĐ huyện Yên Định")
    ('Phòng Giáo dục và Đào tạo thành phố Hà Tĩnh', 'Liên đoàn Lao động huyện Yên Định')
    >>> expand_abbreviation("BCH quân sự"), expand_abbreviation("BCH Đoàn thanh niên")
    ('Ban Chỉ huy quân sự', 'Ban Chấp hành Đoàn thanh niên')
    """
    first, _, rest = name.partition(" ")
    fields = load("issuers").get("field_abbreviations", {})
    rest = " ".join(fields.get(word, word) for word in rest.split(" ")) if rest else rest
    full = load("issuers")["abbreviations"].get(first)
    for abbreviation, following, meaning in load("issuers").get("in_context", []):
        if first == abbreviation and rest.casefold().startswith(following):
            full = meaning
            break
    if not full or first.startswith("P."):
        return f"{first} {rest}".strip()
    return f"{full} {rest}".strip()


def infer_issuer(doc: Doc, header: Header) -> tuple[str, Span | None] | None:
    """(issuer, span of where the body names it or ``None``) for a header without an issuer."""
    text = doc.text
    window = (0, min(len(text), _LOOK_CHARS + doc.body_start))
    coded = hf.issuer_from_symbol(header.symbol)
    if coded:
        found = _named_with_place(text, window, coded, header.place)
        if found:
            s, e = found
            return regex.sub(r"\s+", " ", text[s:e]), doc.span(s, e)
        return coded, None
    m = _ACTING.search(text, *window)
    if m:
        name = regex.sub(r"\s+", " ", m.group("name"))
        return expand_abbreviation(name), doc.span(m.start("name"), m.end("name"))
    return None


def _named_with_place(text: str, window: tuple[int, int], name: str, place: str | None) -> tuple[int, int] | None:
    """Where ``name`` stands in the text followed by its province ("… tỉnh Sóc Trăng", "… Khánh Hòa")."""
    words = r"\s+".join(regex.escape(w) for w in name.split())
    tail = rf"\s+{_UNIT}\s+\p{{Lu}}\p{{Ll}}*(?:\s+\p{{Lu}}\p{{Ll}}*){{0,3}}"
    if place:
        tail = rf"(?:{tail}|\s+{regex.escape(place)})"
    m = regex.compile(rf"(?<!\p{{L}}){words}{tail}(?!\p{{L}})").search(text, *window)
    return (m.start(), m.end()) if m else None
