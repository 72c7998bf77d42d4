"""The typed dispatch record: what every stage adds to and what ``congvan extract`` prints.

Field names and shapes of the scored keys follow ``../shared/eval/CONTRACT.md``; everything else
sits beside them. Every extracted value carries ``span``: ``[start, end)`` in the text exactly as
read (after decoding, before any repair), so a value can always be put back on its source.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1"

Span = list[int]


@dataclass
class Source:
    path: str | None = None
    sha256: str | None = None
    reader: str = "text"
    encoding: str | None = None
    pages: list[int] | None = None  # page starts (source offsets) for paged readers


@dataclass
class DateParts:
    year: int | None = None
    month: int | None = None
    day: int | None = None

    def iso(self) -> str | None:
        """ISO form with as much as is known: ``2022-03-30``, ``2022-03``, ``2022`` or None."""
        if self.year is None:
            return None
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        return out


@dataclass
class Header:
    issuer: str | None = None
    issuer_parent: str | None = None
    doc_type: str | None = None
    doc_type_code: str | None = None
    number: str | None = None
    symbol: str | None = None
    place: str | None = None
    date: DateParts = field(default_factory=DateParts)
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    national_motto: bool = False
    spans: dict[str, Span] = field(default_factory=dict)  # field name -> span of its value


@dataclass
class Signer:
    authority: str | None = None  # KT, TM, TL, TUQ, Q
    position: str | None = None
    name: str | None = None
    span: Span | None = None


@dataclass
class Distribution:
    name: str
    purpose: str | None = None
    purpose_raw: str | None = None
    span: Span | None = None


@dataclass
class Footer:
    signer: Signer = field(default_factory=Signer)
    distribution: list[Distribution] = field(default_factory=list)
    archive: str | None = None  # the "Lưu: VT, VP" line, kept apart
    span: Span | None = None


@dataclass
class Reference:
    doc_type: str | None
    number: str | None
    symbol: str | None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    relation: str | None = None  # căn cứ, thực hiện, theo, triển khai, sửa đổi, thay thế, bãi bỏ
    canonical_id: str | None = None
    raw: str | None = None
    warnings: list[str] = field(default_factory=list)
    span: Span | None = None


@dataclass
class Section:
    path: str
    label: str
    title: str | None
    level: int
    kind: str  # phan, chuong, muc, dieu, khoan, roman, arabic, alpha, markdown
    span: Span | None = None  # heading line
    body_span: Span | None = None  # heading to the next heading of the same or a higher level


@dataclass
class Entity:
    label: str
    text: str
    span: Span
    normalized: str | None = None
    level: str | None = None  # LOC: tỉnh, huyện, xã…
    successor: str | None = None  # LOC merged in 2025: the new unit
    source: str = "rule"  # rule, gazetteer, model


@dataclass
class Campaign:
    name: str
    span: Span | None = None
    kind: str | None = None  # thường xuyên, chuyên đề, đặc biệt
    theme: str | None = None
    start: str | None = None
    end: str | None = None
    period: str | None = None
    launched_by: str | None = None
    based_on: list[str] = field(default_factory=list)  # canonical ids of references
    participants: list[str] = field(default_factory=list)
    criteria: dict[str, list[str]] = field(default_factory=dict)
    awards: list[str] = field(default_factory=list)
    role: str | None = None  # launched, continued, referenced
    key: str | None = None  # folded name, the registry's dedup key


@dataclass
class Theme:
    text: str
    span: Span | None = None
    campaign: int | None = None  # index into campaigns


@dataclass
class Task:
    action: str
    assignees: list[str] = field(default_factory=list)
    coordinators: list[str] = field(default_factory=list)
    deadline: str | None = None
    deadline_text: str | None = None
    section: str | None = None
    span: Span | None = None


@dataclass
class Assignee:
    name: str
    tasks: list[int] = field(default_factory=list)
    normalized: str | None = None


@dataclass
class Record:
    schema_version: str = SCHEMA_VERSION
    source: Source = field(default_factory=Source)
    header: Header = field(default_factory=Header)
    footer: Footer = field(default_factory=Footer)
    references: list[Reference] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    assignees: list[Assignee] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of :class:`Record` (``congvan schema``)."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(Record).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"congvan dispatch record, schema_version {SCHEMA_VERSION}"
    return schema
