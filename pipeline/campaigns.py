"""Stage `campaigns`: the emulation movements a document launches, continues or cites, and their
slogans (chủ đề).

Mentions of one movement are merged (the title's "Phát động phong trào thi đua năm 2022" and the
body's "phong trào thi đua toàn ngành … năm 2022" are one). The movement the document launches
itself is its main one: it takes the issuer as ``launched_by``, the acts of its preamble as
``based_on``, and the period, participants, criteria and award forms the plan lays out.

>>> from pipeline.document import Doc
>>> doc = Doc.from_text("KẾ HOẠCH Phát động phong trào thi đua năm 2022\\nSở phát động phong trào thi "
...                     "đua với chủ đề “Kỷ cương, trách nhiệm, hiệu quả”.")
>>> add(doc)
>>> c = doc.record.campaigns[0]
>>> c.name, c.role, c.start, c.end, c.theme
('Phong trào thi đua năm 2022', 'launched', '2022', '2022', 'Kỷ cương, trách nhiệm, hiệu quả')
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.campaigns_details import add_details, find_themes
from pipeline.campaigns_names import Mention, find_mentions, kind_of, same_campaign
from pipeline.campaigns_periods import find_range, period_in
from pipeline.document import Doc
from pipeline.normalize import fold_key
from pipeline.record import Campaign
from pipeline.tables import load

_ROLE_RANK = {"launched": 0, "continued": 1, "referenced": 2}


def add(doc: Doc) -> None:
    """Fill ``doc.record.campaigns`` and ``doc.record.themes``."""
    text = _scanned_text(doc)
    mentions = find_mentions(text)
    campaigns: list[Campaign] = []
    for mention in mentions:
        if not mention.generic:
            _merge(doc, campaigns, mention, _role(text, mention))
    main = _main_campaign(text, campaigns, mentions) or _subject_campaign(doc, campaigns)
    if main is not None:
        _date_main(doc, text, main, mentions)
        main.launched_by = doc.record.header.issuer if main.role == "launched" else None
        add_details(doc, main)
    doc.record.campaigns = campaigns
    doc.record.themes = find_themes(doc, text, campaigns, main)


def _scanned_text(doc: Doc) -> str:
    """The text up to the footer: the header's subject and title count, the recipients do not."""
    end = doc.body_end if doc.body_end is not None else len(doc.text)
    cut = doc.text.find("\nNơi nhận", 0, end)
    return doc.text[: cut if cut >= 0 else end]


def _role(text: str, mention: Mention) -> str:
    """launched (this document launches it), continued ("tiếp tục …") or referenced."""
    t = _role_patterns()
    sentence_start = max(text.rfind(".", 0, mention.start), text.rfind("\n", 0, mention.start)) + 1
    before = text[sentence_start:mention.start]
    window = text[sentence_start:mention.end]
    if mention.launch and not t["elsewhere"].search(window):
        return "launched"
    if t["continued"].search(before[-120:]):
        return "continued"
    return "referenced"


@cache
def _role_patterns() -> dict:
    t = load("campaign_patterns")
    return {"elsewhere": regex.compile(t["launched_elsewhere"]), "continued": regex.compile(t["role_continued"]),
            "subject": regex.compile(t["subject_launch"])}


def _merge(doc: Doc, campaigns: list[Campaign], mention: Mention, role: str) -> None:
    for campaign in campaigns:
        if same_campaign(campaign.name, mention.name):
            if _shouty(campaign.name) and not _shouty(mention.name):
                campaign.name, campaign.key = mention.name, fold_key(mention.name)  # title in capitals
            if campaign.start is None:  # a later wording may carry the period the first lacked
                campaign.start, campaign.end, campaign.period = period_in(mention.name)
            if _ROLE_RANK[role] < _ROLE_RANK[campaign.role or "referenced"]:
                campaign.role = role
            if mention.quoted and not campaign.kind:
                campaign.kind = mention.kind
            return
    start, end, period = period_in(mention.name)
    campaigns.append(Campaign(
        name=mention.name,
        span=doc.span(mention.start, mention.end),
        kind=mention.kind or kind_of(mention.name),
        start=start, end=end, period=period,
        role=role,
        key=fold_key(mention.name),
    ))


def _shouty(name: str) -> bool:
    letters = [ch for ch in name[len("Phong trào"):] if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) > 0.7 * len(letters)


def _main_campaign(text: str, campaigns: list[Campaign], mentions: list[Mention]) -> Campaign | None:
    """The one this document launches; a bare "phát động phong trào thi đua" points at the first."""
    launched = [c for c in campaigns if c.role == "launched"]
    if launched:
        return launched[0]
    bare_launch = [m for m in mentions if m.generic and m.launch and _role(text, m) == "launched"]
    if bare_launch and campaigns:
        kind = bare_launch[0].kind
        chosen = next((c for c in campaigns if kind and c.kind == kind), campaigns[0])
        chosen.role = "launched"
        return chosen
    return None


def _subject_campaign(doc: Doc, campaigns: list[Campaign]) -> Campaign | None:
    """A plan titled "Tổ chức phong trào thi đua “…”" launches the movement it names."""
    subject = doc.record.header.subject or ""
    if not _role_patterns()["subject"].match(subject):
        return None
    for mention in find_mentions(subject):
        for campaign in campaigns:
            if not mention.generic and same_campaign(campaign.name, mention.name):
                campaign.role = "launched"
                return campaign
    return None


def _date_main(doc: Doc, text: str, main: Campaign, mentions: list[Mention]) -> None:
    """A date range written beside a bare mention ("Phát động Phong trào thi đua đặc biệt từ ngày
    01/01/2023 đến ngày 31/12/2023") dates the main movement."""
    for mention in mentions:
        found = find_range(text[mention.start: mention.end + 120].split("\n")[0])
        if found and (mention.generic or same_campaign(main.name, mention.name)):
            main.start, main.end, main.period = found
            return
    lines = doc.lines
    for i, line in enumerate(lines):  # "2. Thời gian thi đua" and the line under it
        if "thời gian" in line.text.casefold():
            found = find_range(line.text) or (find_range(lines[i + 1].text) if i + 1 < len(lines) else None)
            if found:
                main.start, main.end, main.period = found
                return
