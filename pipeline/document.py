"""The document that flows through the stages: the text as read, its repair, and the record.

Stages read ``doc.text`` (repaired) and report spans with :meth:`Doc.span`, which puts them back
on the text as read (``doc.source``), the only text a span in the record ever indexes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import regex

from pipeline.record import Record
from pipeline.text.repair import Repaired, repair


@dataclass(frozen=True)
class Line:
    start: int  # in the repaired text
    end: int
    text: str


_LINES = regex.compile(r"[^\n]*")


@dataclass
class Doc:
    repaired: Repaired
    record: Record = field(default_factory=Record)
    # Zones of the repaired text, set by the header and footer stages: [start, end).
    body_start: int = 0
    body_end: int | None = None

    @classmethod
    def from_text(cls, source: str) -> Doc:
        return cls(repaired=repair(source))

    @property
    def text(self) -> str:
        return self.repaired.text

    @property
    def source(self) -> str:
        return self.repaired.source

    def span(self, start: int, end: int) -> list[int]:
        """A span of the repaired text as a span of the source text."""
        return self.repaired.to_source(start, end)

    def source_text(self, start: int, end: int) -> str:
        """The source text under a repaired-text span (what an entity's ``text`` must be)."""
        s, e = self.span(start, end)
        return self.source[s:e]

    @cached_property
    def lines(self) -> list[Line]:
        """Non-empty lines of the repaired text, stripped, with their positions."""
        out = []
        for m in _LINES.finditer(self.text):
            raw = m.group()
            stripped = raw.strip()
            if stripped:
                lead = len(raw) - len(raw.lstrip())
                out.append(Line(m.start() + lead, m.start() + lead + len(stripped), stripped))
        return out

    @property
    def body(self) -> tuple[int, int]:
        return self.body_start, self.body_end if self.body_end is not None else len(self.text)
