"""Stage ``entities``: named bodies, places, people, positions, awards and dates of the document.

Rules and gazetteers (:mod:`pipeline.entities_rules`, :mod:`pipeline.entities_misc`) find the
mentions; the trained tagger (:mod:`pipeline.entities_tagger`) adds people, places and bodies the
rules missed. Each mention becomes an :class:`~pipeline.record.Entity` whose ``text`` is the
source text under its ``span``, with ``normalized`` spelling out abbreviations and bodies implied
by context ("Văn phòng Sở" → "Văn phòng Sở Tài nguyên và Môi trường"), and, for places, the level
and the 2025 successor.

>>> from pipeline.document import Doc
>>> doc = Doc.from_text("Giao Văn phòng Sở Tài nguyên và Môi trường tỉnh Kon Tum báo cáo UBND tỉnh.")
>>> add(doc)
>>> [(e.label, e.text, e.normalized) for e in doc.record.entities if e.label == "ORG"]
[('ORG', 'Văn phòng Sở Tài nguyên và Môi trường tỉnh Kon Tum', 'Văn phòng Sở Tài nguyên và Môi trường tỉnh Kon Tum'), ('ORG', 'UBND tỉnh', 'Ủy ban nhân dân tỉnh Kon Tum')]
>>> [(e.text, e.level, e.successor) for e in doc.record.entities if e.label == "LOC"]
[('tỉnh Kon Tum', 'tỉnh', 'tỉnh Quảng Ngãi')]
"""

from __future__ import annotations

from collections import Counter

from pipeline.document import Doc
from pipeline.entities_context import Context, normalize
from pipeline.entities_misc import find_awards, find_dates, find_people, find_positions
from pipeline.entities_rules import Mention, Scan, find_locs, find_orgs, scan
from pipeline.record import Entity


def recognise(s: Scan) -> list[Mention]:
    """Every rule mention of the text, in text order."""
    orgs = find_orgs(s)
    locs = find_locs(s)
    taken = [(m.start, m.end) for m in orgs + locs]
    mentions = orgs + locs + find_people(s, taken) + find_positions(s) + find_awards(s) + find_dates(s)
    return sorted(mentions, key=lambda m: (m.start, -m.end, m.label))


def _with_model(doc: Doc, s: Scan, mentions: list[Mention]) -> list[Mention]:
    """Add the tagger's mentions that overlap no rule mention (the model fills gaps, never overrides)."""
    from pipeline import entities_tagger

    extra = entities_tagger.tag_mentions(s, mentions)
    taken = [(m.start, m.end) for m in mentions]
    fresh = [m for m in extra if not any(m.start < e and s0 < m.end for s0, e in taken)]
    return sorted(mentions + fresh, key=lambda m: (m.start, -m.end, m.label))


def add(doc: Doc) -> None:
    """Add the entities of ``doc`` to ``doc.record.entities``."""
    s = scan(doc.text)
    mentions = _with_model(doc, s, recognise(s))
    context = Context.from_doc(doc, mentions)
    for m in mentions:
        span = doc.span(m.start, m.end)
        text = doc.source[span[0] : span[1]]
        if not text.strip():
            continue
        doc.record.entities.append(
            Entity(
                label=m.label,
                text=text,
                span=span,
                normalized=normalize(m, context),
                level=m.level,
                successor=m.successor,
                source=m.source,
            )
        )


def counts(doc: Doc) -> Counter[str]:
    """Entities per label, for reports: ``Counter({'ORG': 12, 'LOC': 3, ...})``."""
    return Counter(e.label for e in doc.record.entities)
