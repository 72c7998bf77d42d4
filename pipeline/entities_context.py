"""What an entity means in its document: abbreviations expanded, implied bodies and places filled in.

A dispatch of the Sở Tài nguyên và Môi trường says "Văn phòng Sở" and "UBND tỉnh"; read with the
header (issuer, issuer_parent, place) they are "Văn phòng Sở Tài nguyên và Môi trường" and "Ủy ban
nhân dân tỉnh Kon Tum". When the header is not known, the document's own most frequent full
mention stands in.

>>> ctx = Context(body="Sở Tài nguyên và Môi trường", province="tỉnh Kon Tum")
>>> expand("BCH Công đoàn cơ sở STNMT")
'Ban Chấp hành Công đoàn cơ sở Sở Tài nguyên và Môi trường'
>>> resolve("Văn phòng Sở", ctx)
'Văn phòng Sở Tài nguyên và Môi trường'
>>> resolve("Ủy ban nhân dân tỉnh", ctx)
'Ủy ban nhân dân tỉnh Kon Tum'
>>> resolve("Sở Nội vụ", ctx)
'Sở Nội vụ'
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from pipeline.gazetteer import provinces, table_gazetteer, tokenize
from pipeline.tables import load

if TYPE_CHECKING:
    from pipeline.document import Doc
    from pipeline.entities_rules import Mention

_WORD = regex.compile(r"\w+(?:[&.\-]\w+)*")
_BODY = regex.compile(r"^(?:Sở|Bộ)\s+\w")


@dataclass
class Context:
    body: str | None = None  # the issuing Sở/Bộ, full name
    province: str | None = None  # "tỉnh Kon Tum"

    @classmethod
    def from_doc(cls, doc: Doc, mentions: list[Mention]) -> Context:
        header = doc.record.header
        body = _issuing_body([header.issuer, header.issuer_parent])
        if body is None:
            names = [_strip_place(expand(m.surface)) for m in mentions if m.label == "ORG"]
            body = _most_frequent(names, _BODY)
        province = _province_of([header.issuer_parent, header.issuer, header.place])
        if province is None:
            locs = [m for m in mentions if m.label == "LOC" and m.level in {"tỉnh", "thành phố"}]
            province = _most_frequent([_squeeze(m.surface) for m in locs], None)
        return cls(body, province)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _most_frequent(values: list[str], shape: regex.Pattern[str] | None) -> str | None:
    values = [v for v in values if shape is None or shape.match(v)]
    return Counter(values).most_common(1)[0][0] if values else None


def _issuing_body(candidates: list[str | None]) -> str | None:
    """The "Sở X" / "Bộ X" in the header, without its place ("Sở Tài nguyên và Môi trường")."""
    for value in candidates:
        if value:
            full = expand(value)
            if _BODY.match(full):
                return _strip_place(full)
    return None


def _strip_place(name: str) -> str:
    """The body without its place: "Sở Tài nguyên và Môi trường" of "… tỉnh Kon Tum" or "… Khánh Hòa".

    >>> _strip_place("Sở Tài nguyên và Môi trường Khánh Hòa")
    'Sở Tài nguyên và Môi trường'
    """
    name = regex.split(r"\s+(?:tỉnh|thành phố|huyện)\b", name, maxsplit=1)[0]
    toks = tokenize(name)
    for i in range(1, len(toks)):
        hit = provinces().longest(toks, i)
        if hit and hit[0] == len(toks) and toks[i].is_cap:
            return name[: toks[i].start].rstrip()
    return name


def _province_of(candidates: list[str | None]) -> str | None:
    """"tỉnh Kon Tum" from "UBND tỉnh Kon Tum" or a bare place "Kon Tum"."""
    for value in candidates:
        if not value:
            continue
        toks = tokenize(value)
        for i in range(len(toks)):
            hit = provinces().longest(toks, i)
            if hit and toks[i].is_cap:
                province = hit[1]
                return f"{province.level} {province.name}"
    return None


def expand(text: str) -> str:
    """Abbreviations of bodies written out, spaces squeezed."""
    entries = load("org_abbreviations")["entries"]

    def one(m: regex.Match[str]) -> str:
        entry = entries.get(m.group())
        return entry["expansion"] if entry and entry["kind"] != "other" else m.group()

    return _squeeze(_WORD.sub(one, text))


def recase(text: str) -> str:
    """A name written in capitals, in the case the tables write it ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG" →
    "Sở Tài nguyên và Môi trường"); other words lower case, abbreviations kept.

    >>> recase("UBND TỈNH KON TUM")
    'UBND tỉnh Kon Tum'
    >>> recase("Sở Nội vụ")
    'Sở Nội vụ'
    """
    if any(c.islower() for c in text):
        return text
    toks = tokenize(_squeeze(text))
    abbreviations = load("org_abbreviations")["entries"]
    gazetteers = [table_gazetteer("org_heads", key) for key in ("standalone", "heads_flat", "domains")]
    words, i = [], 0
    while i < len(toks):
        if toks[i].text in abbreviations or not toks[i].is_word:
            words.append(toks[i].text)
            i += 1
            continue
        hit = next((h for g in gazetteers if (h := g.longest(toks, i))), None)
        province = provinces().longest(toks, i)
        if province and (hit is None or province[0] >= hit[0]):
            words.append(province[1].name)
            i = province[0]
        elif hit:
            words.append(hit[1])
            i = hit[0]
        else:
            words.append(toks[i].text.lower())
            i += 1
    return " ".join(words).replace(" ,", ",")


def resolve(name: str, ctx: Context) -> str:
    """Fill in the body or place a name leaves to context: a bare trailing "Sở" or "tỉnh"."""
    words = name.split()
    if len(words) >= 2 and words[-1] == "Sở" and ctx.body:
        return " ".join(words[:-1]) + " " + ctx.body
    if len(words) >= 2 and words[-1] == "tỉnh" and ctx.province and ctx.province.startswith("tỉnh"):
        return " ".join(words[:-1]) + " " + ctx.province
    return name


def normalize(m: Mention, ctx: Context) -> str | None:
    """The normalised value of a mention: full names for ORG, level and canonical name for LOC."""
    if m.label == "DATE":
        return m.normalized
    if m.label == "ORG":
        return resolve(expand(recase(m.surface)), ctx)
    if m.label == "LOC":
        return _place_name(m)
    return _squeeze(m.surface)


def _place_name(m: Mention) -> str:
    """"tỉnh Khánh Hòa" for "tỉnh Khánh Hoà" and for a bare "Khánh Hoà"."""
    toks = tokenize(m.surface)
    for i in range(len(toks)):
        hit = provinces().longest(toks, i)
        if hit and hit[0] == len(toks):
            return f"{m.level or hit[1].level} {hit[1].name}"
    return _squeeze(m.surface)
