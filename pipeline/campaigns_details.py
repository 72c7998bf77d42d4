"""What a plan says about the movement it launches: slogan, acts it rests on, who takes part,
the criteria for collectives and individuals, and the award forms.

>>> from pipeline.document import Doc
>>> from pipeline.record import Campaign
>>> doc = Doc.from_text("II. Tiêu chí thi đua\\n1. Đối với tập thể:\\n- Nội bộ đoàn kết.\\n"
...                     "2. Đối với cá nhân:\\n- Tích cực học tập.\\nIII. Hình thức: Giấy khen, Bằng khen.")
>>> c = Campaign("Phong trào thi đua năm 2022")
>>> add_details(doc, c)
>>> c.criteria, c.awards
({'tập thể': ['Nội bộ đoàn kết.'], 'cá nhân': ['Tích cực học tập.']}, ['Giấy khen', 'Bằng khen'])
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.campaigns_names import find_mentions, same_campaign
from pipeline.document import Doc
from pipeline.normalize import fold_key
from pipeline.record import Campaign, Theme
from pipeline.tables import load
from pipeline.tasks_items import Node, scan


@cache
def _tables() -> dict:
    t = load("campaign_patterns")
    awards = sorted(t["awards"], key=len, reverse=True)
    opens, closes = regex.escape(t["quote_open"]), regex.escape(t["quote_close"])
    return {
        "criteria": {k: regex.compile(p) for k, p in t["criteria_headings"].items()},
        "participants": regex.compile(t["participants_heading"]),
        "awards": regex.compile(r"(?<![\p{L}])(?:" + "|".join(map(regex.escape, awards)) + r")(?![\p{L}])"),
        "theme": regex.compile(
            t["theme"] + rf"(?:[{opens}]\s*(?P<quoted>[^{closes}\n]{{3,320}}?)\s*[{closes}]"
            r"|(?=\p{L})(?P<plain>[^.;:\n“”\"]{3,200}?)(?=\s*(?:[.;:\n]|,?\s+nhằm\b|\s+do\s)))"
        ),
    }


def add_details(doc: Doc, campaign: Campaign) -> None:
    """Participants, criteria, awards and the acts of the preamble, for the launched movement."""
    t = _tables()
    nodes = scan(doc)
    criteria: dict[str, list[str]] = {}
    for index, node in enumerate(nodes):
        for group, pattern in t["criteria"].items():
            if pattern.match(node.text):
                criteria.setdefault(group, []).extend(_below(nodes, index))
        if t["participants"].match(node.text) and not campaign.participants:
            campaign.participants = _below(nodes, index)
    campaign.criteria = criteria
    body_start, body_end = doc.body
    seen: list[str] = []
    for m in t["awards"].finditer(doc.text, body_start, body_end):
        if m.group() not in seen:
            seen.append(m.group())
    campaign.awards = seen
    campaign.based_on = _preamble_acts(doc, nodes)


def _below(nodes: list[Node], index: int) -> list[str]:
    """The texts of the items and paragraphs right under a heading (its text after a colon too)."""
    node = nodes[index]
    out = [nodes[c].text for c in node.children]
    rest = node.text.partition(":")[2]
    if rest.strip() and not out:
        out.append(rest.strip())
    if not out and index + 1 < len(nodes) and not nodes[index + 1].is_item:
        out.append(nodes[index + 1].text)
    return out


def _preamble_acts(doc: Doc, nodes: list[Node]) -> list[str]:
    """Canonical ids of the acts cited before the first numbered item (Căn cứ, Thực hiện …)."""
    first_item = next((n.start for n in nodes if n.is_item), len(doc.text))
    limit = doc.span(first_item, first_item)[0]
    out: list[str] = []
    for ref in doc.record.references:
        if ref.span is None or ref.span[0] > limit:
            continue
        key = ref.canonical_id or (f"{ref.number}/{ref.symbol}" if ref.number or ref.symbol else None)
        if key and key not in out:
            out.append(key)
    return out


def find_themes(doc: Doc, text: str, campaigns: list[Campaign], main: Campaign | None) -> list[Theme]:
    """The slogans ("với chủ đề “…”"), each bound to the movement named nearest before it."""
    out: list[Theme] = []
    if not campaigns and "thi đua" not in text.casefold():
        return out  # a slogan belongs to an emulation movement
    for m in _tables()["theme"].finditer(text):
        group = "quoted" if m.group("quoted") else "plain"
        value = " ".join(m.group(group).split()).strip(" ,")
        if group == "plain" and value[:1].islower() and not _states(text[m.start():m.start(group)]):
            continue  # "với chủ đề phù hợp": only "Chủ đề thi đua là …" / "chủ đề: …" gives one in small letters
        if not value or any(fold_key(value) == fold_key(t.text) for t in out):
            continue
        owner = _owner(text, m.start(), campaigns, main)
        out.append(Theme(value, doc.span(m.start(group), m.end(group)), owner))
        if owner is not None and not campaigns[owner].theme:
            campaigns[owner].theme = value
    return out


def _states(cue: str) -> bool:
    return ":" in cue or cue.rstrip().casefold().endswith(" là")


def _owner(text: str, at: int, campaigns: list[Campaign], main: Campaign | None) -> int | None:
    """The movement named last before ``at`` in the same paragraph, else the main one."""
    line_start = text.rfind("\n", 0, at) + 1
    before = [m for m in find_mentions(text[line_start:at]) if not m.generic]
    if before:
        name = before[-1].name
        for index, campaign in enumerate(campaigns):
            if same_campaign(campaign.name, name):
                return index
    return campaigns.index(main) if main is not None else None
