"""Reading directive text: sentences, hand-over sentences, headings that name a doer, the action.

>>> [s.text for s in sentences("Theo dõi, đôn đốc. Tổ chức đánh giá vào cuối năm.", 0)]
['Theo dõi, đôn đốc.', 'Tổ chức đánh giá vào cuối năm.']
>>> handover_doer("Giám đốc Sở đề nghị thủ trưởng các phòng, đơn vị trực thuộc Sở triển khai "
...               "thực hiện một số nội dung như sau:")
['thủ trưởng các phòng, đơn vị trực thuộc Sở']
>>> coordinators("chủ trì, phối hợp với các phòng, đơn vị, Phòng Tài nguyên và Môi trường các huyện theo dõi")
['các phòng, đơn vị', 'Phòng Tài nguyên và Môi trường các huyện']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from pipeline.document import Doc
from pipeline.tables import load
from pipeline.tasks_doers import _verb_at, split_doer, split_units, starts_with_doer
from pipeline.tasks_items import Node

_DECISION_TYPES = {"quyết định", "chỉ thị"}
_NORMATIVE_TYPES = {"nghị định", "thông tư", "luật", "bộ luật", "pháp lệnh", "thông tư liên tịch"}
_SENTENCE = regex.compile(r"(?<=[^\s\p{Lu}.]{2}[.!?…]|\./)\s+(?=[\p{Lu}\d“\"(])")
_TRAIL = " \t.;:,/"
_ENDS_SENTENCE = regex.compile(r"[.;!?]\s*$")
_ARTICLE = regex.compile(r"Điều\s+\d[\w.]*[.:]?\s")


@dataclass(frozen=True)
class ActionText:
    """A piece of the repaired text and where it starts there."""

    text: str
    start: int


@cache
def _tables() -> dict:
    t = load("task_patterns")
    return {
        "cue": regex.compile(t["hand_cues"]),
        "time_lead": regex.compile(t["time_lead"]),
        "end": regex.compile(t["handover_end"]),
        "end_cued": regex.compile(t["handover_end_cued"]),
        "coord": regex.compile(t["coordinator_cue"]),
        "coord_stop": regex.compile(t["coordinator_stop"]),
        "cuts": [regex.compile(c) for c in t["purpose_cuts"]],
        "boiler": {b.strip(_TRAIL).casefold() for b in t["boilerplate_actions"]},
        "duty": regex.compile(t["duty_heading"]),
        "not_handing": set(t["not_handing_verbs"]),
        "authoring": regex.compile(t["authoring_actions"]),
        "closing": regex.compile(t["closing_paragraph"]),
        "headings": {
            key: regex.compile(r"(?:về\s+)?(?:" + "|".join(map(regex.escape, t[key])) + r")(?![\p{L}])")
            for key in ("non_task_headings", "responsibility_headings")
        },
    }


def sentences(text: str, start: int) -> list[ActionText]:
    """The sentences of ``text`` (which starts at ``start`` in the repaired text); a clause after ";"
    that hands a second unit its own duty is a sentence of its own.

    >>> [s.text for s in sentences("Sở Nội vụ có trách nhiệm hướng dẫn; Sở Tài chính chủ trì bố trí kinh phí.", 0)]
    ['Sở Nội vụ có trách nhiệm hướng dẫn', 'Sở Tài chính chủ trì bố trí kinh phí.']
    """
    out, pos = [], 0
    for m in sorted([*_SENTENCE.finditer(text), *_clause_breaks(text)], key=lambda b: b.start()):
        if m.start() < pos:
            continue
        out.append(ActionText(text[pos:m.start()], start + pos))
        pos = m.end()
    out.append(ActionText(text[pos:], start + pos))
    return [s for s in out if s.text.strip()] or [ActionText(text, start)]


_SEMICOLON = regex.compile(r";\s+(?=\p{Lu})")
_OPEN_END = regex.compile(r"\s(?:và|hoặc)$")


def _clause_breaks(text: str) -> list[regex.Match[str]]:
    """ "…; Sở Tài chính chủ trì …" after a clause with its own verb (not a list of doers "Chánh Văn
    phòng UBND tỉnh; Giám đốc Sở …; … chịu trách nhiệm thi hành"): a second directive."""
    out = []
    for m in _SEMICOLON.finditer(text):
        before = text[:m.start()]
        if _verb_at(before, len(before)) is None:
            continue
        doer = split_doer(text[m.end():])
        if doer is None or doer.descriptive or doer.speech or _OPEN_END.search(doer.phrase):
            continue  # "Giám đốc Quỹ quyết định chuẩn chi và chịu …": a doer phrase left open
        # a plain verb too when the clause before is a duty ("UBND các phường, xã có trách nhiệm …;
        # Thủ trưởng các cơ quan, đơn vị chỉ đạo, kiểm tra …")
        if doer.strong or doer.lead or is_duty(before[before.rfind(";") + 1:]):
            out.append(m)
    return out


def is_duty(clause: str) -> bool:
    """A clause that hands its doer a duty ("Sở Nội vụ có trách nhiệm …")."""
    doer = split_doer(clause.strip())
    return doer is not None and doer.strong


_CUE_WORDS = ("giao", "đề nghị", "yêu cầu", "chỉ đạo")


def cue_positions(text: str) -> list[int]:
    """Where a doer may open inside a sentence: its start and each hand-over cue."""
    folded = text.casefold()
    if not any(word in folded for word in _CUE_WORDS):  # most sentences: skip the slow pattern
        return [0]
    return [0, *(m.start() for m in _tables()["cue"].finditer(text) if m.start() > 0)]


def time_lead(text: str) -> int:
    """Length of a deadline or rhythm that opens the sentence before its doer ("Trước ngày
    15/12/2024, "), else 0."""
    m = _tables()["time_lead"].match(text)
    return m.end() if m else 0


def handover_doer(text: str) -> list[str] | None:
    """The doer that a sentence ending in "… như sau:" hands the list below to."""
    cued_only = False
    if not _tables()["end"].search(text):
        if not _tables()["end_cued"].search(text):
            return None
        cued_only = True  # "Sở … đề nghị Thủ trưởng đơn vị thực hiện:"
    last = sentences(text, 0)[-1].text
    for at in cue_positions(last):
        doer = split_doer(last[at:])
        if doer is None or doer.speech or doer.descriptive or (cued_only and not doer.lead):
            continue
        if not doer.lead and doer.verb in _tables()["not_handing"]:
            continue  # "Chủ tịch UBND tỉnh chỉ đạo như sau:" speaks, it does not take the list
        if not doer.lead and _tables()["authoring"].match(doer.action):
            continue  # "UBND tỉnh xây dựng kế hoạch …, cụ thể như sau:" is the author presenting its plan
        return doer.names
    return None


def is_closing(text: str) -> bool:
    """ "Trên đây là …", "Trong quá trình thực hiện …": the closing words, not an order."""
    return bool(_tables()["closing"].match(text))


def heading_doer(text: str) -> list[str] | None:
    """A heading that is only a doer ("1. Văn phòng Sở:"): its units, for the items below it."""
    bare = text.strip().rstrip(":").strip()
    if not starts_with_doer(bare) or len(bare.split()) > 25 or _verb_at(bare, len(bare)):
        return None
    if _ENDS_SENTENCE.search(bare):
        return None
    return split_units(bare) or None


def duty_heading_doer(text: str) -> list[str] | None:
    """ "Trách nhiệm của Bộ Tài chính" over the clauses that list its duties."""
    m = _tables()["duty"].match(text.strip())
    if not m:
        return None
    rest = text.strip()[m.end():].rstrip(" .:")
    return split_units(rest) if starts_with_doer(rest) and len(rest.split()) <= 25 else None


def coordinators(action: str) -> list[str]:
    """The units after "phối hợp với", up to the next verb or clause."""
    t = _tables()
    m = t["coord"].search(action)
    if not m:
        return []
    rest = action[m.end():]
    stop = t["coord_stop"].search(rest)
    limit = stop.start() if stop else len(rest)
    verb = _verb_at(" " + rest, limit + 1)
    end = verb.start() - 1 if verb else limit
    return split_units(rest[:end])


def trim_action(part: ActionText) -> ActionText:
    """The action without edge punctuation and without its closing purpose clause."""
    text = part.text
    for cut in _tables()["cuts"]:
        m = cut.search(text)
        if m and len(text[:m.start()].split()) >= 5:
            text = text[:m.start()]
    lead = len(text) - len(text.lstrip(" -–•+"))
    text = text[lead:].rstrip(_TRAIL + "\"“”")
    return ActionText(text, part.start + lead)


def is_boilerplate(action: str) -> bool:
    """ "nghiêm túc thực hiện" says nothing to do beyond the document itself."""
    return action.strip(_TRAIL).casefold() in _tables()["boiler"]


def title_matches(text: str, key: str) -> bool:
    """Whether a short heading is one of the listed kinds ("Mục đích", "Tổ chức thực hiện")."""
    if len(text.split()) > 12:
        return False
    return bool(_tables()["headings"][key].match(text.strip().casefold()))


def is_decision(doc: Doc) -> bool:
    """A Quyết định or Chỉ thị: articled like a decree, but its articles give orders."""
    return (doc.record.header.doc_type or "").casefold() in _DECISION_TYPES


def is_normative(doc: Doc, nodes: list[Node]) -> bool:
    """Decrees, circulars, laws and other articled texts (where provisions are not orders)."""
    doc_type = (doc.record.header.doc_type or "").casefold()
    if doc_type in _NORMATIVE_TYPES:
        return True
    articles = sum(1 for ln in doc.lines if _ARTICLE.match(ln.text))
    return articles >= 2 or sum(1 for n in nodes if n.kind == "dieu") >= 2
