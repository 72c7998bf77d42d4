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

import dataclasses
from collections import Counter

from pipeline.document import Doc
from pipeline.entities_context import Context, normalize
from pipeline.entities_misc import find_awards, find_dates, find_people, find_positions
from pipeline.entities_places import find_locs
from pipeline.entities_rules import Mention, Scan, find_orgs, scan
from pipeline.gazetteer import places, provinces, tokenize
from pipeline.record import Entity


def recognise(s: Scan) -> list[Mention]:
    """Every rule mention of the text, in text order."""
    orgs = find_orgs(s)
    locs = find_locs(s)
    people = _people(s, orgs, locs)
    inside_names = [loc for loc in locs if any(p.start < loc.start < p.end for p in people)]
    locs = [loc for loc in locs if loc not in inside_names]
    mentions = orgs + locs + people + find_positions(s) + find_awards(s) + find_dates(s)
    return sorted(mentions, key=lambda m: (m.start, -m.end, m.label))


def _people(s: Scan, orgs: list[Mention], locs: list[Mention]) -> list[Mention]:
    """People's names, which may hold a bare place name after the surname ("Lý Vinh Quang",
    "Nguyễn Văn Vinh"); a name that would start on a place ("Hà Nội") stays a place."""
    bare = [m for m in locs if m.level is None]
    taken = [(m.start, m.end) for m in orgs + locs if m.level is not None or m.label == "ORG"]
    return [p for p in find_people(s, taken) if not any(b.start <= p.start < b.end for b in bare)]


def _with_model(doc: Doc, s: Scan, mentions: list[Mention]) -> list[Mention]:
    """Let the tagger lengthen rule ORGs that run on in lower case and fill gaps the rules left."""
    from pipeline import entities_tagger

    model = entities_tagger.tag_mentions(s, mentions)
    if not model:
        return mentions
    out = list(mentions)
    for m in model:
        overlapping = [r for r in out if m.start < r.end and r.start < m.end]
        if not overlapping:
            if _may_fill_gap(s, m):
                out.append(m)
            continue
        rule = overlapping[0]
        same_start = len(overlapping) == 1 and rule.label == m.label == "ORG" and rule.start == m.start
        if same_start and m.end > rule.end and entities_tagger.may_run_on(rule):
            # "Cục Bảo vệ" + "thực vật": the model knows where the name stops
            out[out.index(rule)] = Mention("ORG", rule.start, m.end, s.text[rule.start : m.end], source="rule+model")
    return sorted(out, key=lambda m: (m.start, -m.end, m.label))


def _may_fill_gap(s: Scan, m: Mention) -> bool:
    """A model mention where the rules found nothing: only a person's name written as one, outside
    capitals lines. (Bodies and places the rules left out, the rules left out on purpose: on the
    train split's two-fold cross-validation, model bodies and places in gaps cost precision.)"""
    if m.label != "PER":
        return False
    i = s.by_start[m.start]
    first = s.tokens[i]
    if not first.is_cap or first.is_upper or s.in_caps(i):
        return False
    toks = tokenize(m.surface)
    return not (provinces().longest(toks, 0) or places().longest(toks, 0))


def add(doc: Doc) -> None:
    """Add the entities of ``doc`` to ``doc.record.entities``."""
    s = scan(doc.text)
    mentions = _signer_is_a_person(doc, _with_model(doc, s, recognise(s)))
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


def _signer_is_a_person(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The footer read the signer's name: an ORG found on it is a surname that heads bodies too
    ("Đoàn Ngọc Lâm" under "PHÓ CHỦ TỊCH"), so it is the person."""
    signer = doc.record.footer.signer
    if not signer.name or not signer.span:
        return mentions
    lo, hi = signer.span
    out = []
    for m in mentions:
        span = doc.span(m.start, m.end)
        if m.label == "ORG" and lo <= span[0] and span[1] <= hi and doc.source[span[0]:span[1]] == signer.name:
            m = dataclasses.replace(m, label="PER")
        out.append(m)
    return out


def counts(doc: Doc) -> Counter[str]:
    """Entities per label, for reports: ``Counter({'ORG': 12, 'LOC': 3, ...})``."""
    return Counter(e.label for e in doc.record.entities)
