"""Stage `tasks`: the directives of a document, each with the units told to carry it out.

A task is a directive item whose doer is named: in the item ("Giao Sở Tài chính …", "Văn phòng Sở
chủ trì, phối hợp với …"), by the heading it sits under ("1. Văn phòng Sở:" and its bullets), or by
a sentence that hands the whole list to someone ("đề nghị thủ trưởng các phòng, đơn vị … thực hiện
một số nội dung như sau:"). Items of aims and criteria without a doer are not tasks. In decrees
and other articled texts only the duty articles and explicit hand-overs count, so a provision
that merely describes ("Cơ quan thuế có …") is not read as an order.

>>> from pipeline.document import Doc
>>> doc = Doc.from_text("IV. TỔ CHỨC THỰC HIỆN\\n1. Giao Văn phòng Sở chủ trì, phối hợp với "
...                     "các phòng, Phòng Tài chính các huyện theo dõi, báo cáo trước ngày 15/9/2025.")
>>> add(doc)
>>> t = doc.record.tasks[0]
>>> t.assignees, t.coordinators, t.deadline, t.section
(['Văn phòng Sở'], ['các phòng', 'Phòng Tài chính các huyện'], '2025-09-15', 'IV.1')
>>> t.action
'chủ trì, phối hợp với các phòng, Phòng Tài chính các huyện theo dõi, báo cáo trước ngày 15/9/2025'
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import regex

from pipeline.document import Doc
from pipeline.record import Task
from pipeline.tasks_assignees import group_assignees
from pipeline.tasks_deadlines import find_deadline
from pipeline.tasks_doers import Doer, is_named, split_doer, starts_with_verb
from pipeline.tasks_items import Node, scan
from pipeline.tasks_text import (
    ActionText,
    coordinators,
    cue_positions,
    duty_heading_doer,
    handover_doer,
    heading_doer,
    is_boilerplate,
    is_closing,
    is_decision,
    is_duty,
    is_normative,
    sentences,
    time_lead,
    title_matches,
    trim_action,
)

_DUTY_VERBS = ("chủ trì", "có trách nhiệm", "chịu trách nhiệm")


@dataclass
class _Context:
    normative: bool
    issuer: str | None
    decision: bool = False  # articled but not a decree: a Quyết định's "Điều 2. Sở X …" is an order
    scope: dict[int, list[str]] = field(default_factory=dict)  # node -> doer handed to it
    found: list[Task] = field(default_factory=list)


def add(doc: Doc) -> None:
    """Fill ``doc.record.tasks`` and ``doc.record.assignees``."""
    nodes = scan(doc)
    normative = is_normative(doc, nodes)
    ctx = _Context(normative, doc.record.header.issuer, normative and is_decision(doc))
    for index, node in enumerate(nodes):
        if node.is_item:
            _read_item(doc, nodes, index, ctx)
        else:
            _read_paragraph(doc, nodes, index, ctx)
    doc.record.tasks = ctx.found
    doc.record.assignees = group_assignees(ctx.found)


def _inherited(nodes: list[Node], index: int, ctx: _Context) -> list[str] | None:
    """The doer handed to this item by a heading above it or a hand-over sentence before it."""
    walk: int | None = index
    while walk is not None:
        node = nodes[walk]
        # Aims under "I. Mục đích, yêu cầu" stay aims even when a hand-over opened the whole plan.
        if walk != index and title_matches(node.text, "non_task_headings"):
            return None
        if walk in ctx.scope:
            return ctx.scope[walk]
        walk = node.parent
    return None


def _in_duty_zone(nodes: list[Node], index: int, ctx: _Context) -> bool:
    """Anywhere in a dispatch; in articled texts only under a duty or implementation heading."""
    if not ctx.normative:
        return True
    walk: int | None = index
    while walk is not None:
        text = nodes[walk].text
        if title_matches(text, "responsibility_headings") or duty_heading_doer(text):
            return True
        if walk != index and "trách nhiệm" in text and text.rstrip().endswith(":"):
            return True  # "Các cơ quan, đơn vị sau đây chịu trách nhiệm …:" over its list
        walk = nodes[walk].parent
    return False


def _under(nodes: list[Node], index: int, key: str) -> bool:
    """Whether a heading of the listed kind stands above ``nodes[index]``."""
    walk = nodes[index].parent
    while walk is not None:
        if title_matches(nodes[walk].text, key):
            return True
        walk = nodes[walk].parent
    return False


def _opens_article(nodes: list[Node], index: int) -> bool:
    """The article itself, or the first paragraph under a bare "Điều 2." line."""
    node = nodes[index]
    if node.kind == "dieu":
        return True
    parent = nodes[node.parent] if node.parent is not None else None
    return (parent is not None and parent.kind == "dieu" and parent.children[:1] == [index]
            and len(parent.text.split()) <= 12)


def _allowed(nodes: list[Node], index: int, ctx: _Context, doer: Doer | None) -> bool:
    """In articled texts a task needs a named doer and a duty heading, a duty verb or a hand-over."""
    if not ctx.normative:
        return True
    if doer is not None and not ctx.decision and not all(is_named(n) for n in doer.names):
        return False  # in a decree "Hội đồng quản trị có …" describes; "Bộ Tài chính …" is told
    if doer is not None and (doer.lead or doer.verb in _DUTY_VERBS):
        return True
    if doer is not None and ctx.decision and _opens_article(nodes, index):
        return True
    return _in_duty_zone(nodes, index, ctx)


def _read_item(doc: Doc, nodes: list[Node], index: int, ctx: _Context) -> None:
    node = nodes[index]
    zone = _in_duty_zone(nodes, index, ctx)
    names = heading_doer(node.text) if zone else None
    names = names or duty_heading_doer(node.text)
    if names and node.children:
        for child in node.children:
            ctx.scope[child] = names
        return
    lead = time_lead(node.text) if not ctx.normative or ctx.decision else 0  # a decree's rhythm is no order
    doer = _dated(split_doer(node.text[lead:]), lead) if lead else split_doer(node.text)
    if doer is not None and doer.verb == "" and not doer.action:
        if zone:
            for child in node.children:
                ctx.scope[child] = doer.names
        return
    handed = handover_doer(node.text)
    if handed:
        for child in node.children:
            ctx.scope[child] = handed
    if doer is not None and node.children and doer.action.rstrip().endswith(":"):
        for child in node.children:  # "Sở Tài chính có trách nhiệm:" over its duties
            ctx.scope[child] = doer.names
        return
    if doer is not None and not (doer.speech or doer.descriptive) and _allowed(nodes, index, ctx, doer):
        first, *rest = sentences(doer.action, node.start + doer.action_at)
        _emit(doc, ctx, node, doer.names, first, doer, [r.text for r in rest], node.text[:lead])
        _read_sentences(doc, ctx, node, skip_first=True, index=index, nodes=nodes)
        return
    inherited = _inherited(nodes, index, ctx)
    if inherited and not handed and not _is_heading(nodes, node) and zone and (
        not ctx.normative or starts_with_verb(node.text)
    ):
        _emit(doc, ctx, node, inherited, ActionText(node.text, node.start), None)
        return
    _read_sentences(doc, ctx, node, skip_first=False, index=index, nodes=nodes)


def _is_heading(nodes: list[Node], node: Node) -> bool:
    """A short title over its own items ("a) Về công tác tuyên truyền:") is not itself a task."""
    if node.text.endswith(":") or node.text.isupper():  # "I. ĐÁNH GIÁ" over its paragraphs
        return True
    return any(nodes[c].is_item for c in node.children) and len(node.text.split()) <= 12


def _read_paragraph(doc: Doc, nodes: list[Node], index: int, ctx: _Context) -> None:
    node = nodes[index]
    handed = handover_doer(node.text)
    if handed:
        for later in range(index + 1, len(nodes)):
            other = nodes[later]
            if other.parent != node.parent and (other.parent is None or other.parent < index):
                break
            if other.parent != node.parent:
                continue
            if not other.is_item:
                break
            ctx.scope[later] = handed
        return
    names = ctx.scope.get(index)
    if names and not is_closing(node.text) and split_doer(node.text) is None and (
        not ctx.normative or starts_with_verb(node.text)
    ):
        _emit(doc, ctx, node, names, ActionText(node.text, node.start), None)  # under "a) Sở Y tế:"
        return
    _read_sentences(doc, ctx, node, skip_first=False, index=index, nodes=nodes)


def _read_sentences(doc: Doc, ctx: _Context, node: Node, skip_first: bool, index: int,
                    nodes: list[Node]) -> None:
    """Directives inside running text: a hand-over cue or a doer with a verb of duty."""
    parts = sentences(node.text, node.start)
    # Under "Tổ chức thực hiện" a paragraph that opens with a unit is that unit's task.
    plain_ok = not node.is_item and (
        _under(nodes, index, "responsibility_headings") or (ctx.decision and _opens_article(nodes, index))
    )
    for k, part in enumerate(parts):
        if skip_first and k == 0:
            continue
        # "…có trách nhiệm …; Thủ trưởng các cơ quan, đơn vị chỉ đạo …": a clause after a duty is one too
        after_duty = k > 0 and doc.text[max(0, part.start - 3):part.start].rstrip().endswith(";") \
            and is_duty(parts[k - 1].text)
        for doer in _sentence_doers(part.text, inner_giao=not ctx.normative or ctx.decision):
            if doer.speech or doer.descriptive or not (doer.lead or doer.strong or plain_ok or after_duty):
                continue
            if not _allowed(nodes, index, ctx, doer):
                continue
            first = ActionText(doer.action, part.start + doer.action_at)
            lead = time_lead(part.text)
            _emit(doc, ctx, node, doer.names, first, doer, [p.text for p in parts[k + 1:]],
                  part.text[:lead] if doer.action_at > lead else "")


def _sentence_doers(text: str, inner_giao: bool = True) -> list[Doer]:
    """The doers a sentence names: at its start, or after a cue ("…, đề nghị các phòng …").

    ``inner_giao=False`` (decrees, circulars): not after a "giao" inside a clause ("Trong trường hợp
    cần thiết, Bộ trưởng … giao Cục … tổ chức …") nor after an opening rhythm ("Hằng năm, Bộ …"),
    which there are procedures, not orders."""
    out = []
    lead = time_lead(text) if inner_giao else 0
    if lead and (doer := _dated(split_doer(text[lead:]), lead)) is not None:
        out.append(doer)
    for at in cue_positions(text):
        if not inner_giao and at > 0 and text[at:at + 4].casefold() == "giao" \
                and not regex.search(r"[,;:]\s{0,3}$", text[:at]):
            continue
        doer = split_doer(text[at:])
        if doer is not None:
            out.append(doer.shifted(at))
    return out


def _dated(doer: Doer | None, lead: int) -> Doer | None:
    """A doer after an opening deadline ("Trước ngày 15/12/2024, các sở … báo cáo"): told, like one
    after "Giao"."""
    return None if doer is None else dataclasses.replace(doer.shifted(lead), lead=True)


def _emit(doc: Doc, ctx: _Context, node: Node, names: list[str], text: ActionText,
          doer: Doer | None, after: list[str] | None = None, lead_text: str = "") -> None:
    action = trim_action(text)
    if not action.text or is_boilerplate(action.text):
        return
    if _is_issuer(names, ctx.issuer) and not (doer is not None and doer.lead):
        return  # but "Giao Văn phòng UBND tỉnh theo dõi, đôn đốc" in the Văn phòng's own Thông báo is an order
    names = _addressees(names, doc.record.header.recipients)
    deadline, deadline_text = find_deadline(action.text)
    if deadline is None and deadline_text is None and lead_text:
        deadline, deadline_text = find_deadline(lead_text)
    if deadline is None and deadline_text is None:
        deadline, deadline_text = _deadline_after(after or [])
    ctx.found.append(Task(
        action=action.text,
        assignees=[_display(n) for n in names],
        coordinators=coordinators(action.text),
        deadline=deadline,
        deadline_text=deadline_text,
        section=node.path or None,
        span=doc.span(action.start, action.start + len(action.text)),
    ))


def _deadline_after(after: list[str]) -> tuple[str | None, str | None]:
    """A date set by the next sentence, which names no doer of its own: "Giao các sở … báo cáo …
    Yêu cầu gửi báo cáo về Sở Kế hoạch và Đầu tư trước ngày 23/5/2019." """
    for text in after[:2]:
        if _sentence_doers(text):
            break
        deadline, deadline_text = find_deadline(text)
        if deadline is not None:
            return deadline, deadline_text
    return None, None


def _addressees(names: list[str], recipients: list[str]) -> list[str]:
    """ "Quý cơ quan" is whoever the dispatch is sent to (Kính gửi)."""
    if recipients and all(n.casefold().startswith("quý ") for n in names):
        return list(recipients)
    return names


def _display(name: str) -> str:
    return name[:1].upper() + name[1:]


def _is_issuer(names: list[str], issuer: str | None) -> bool:
    """The issuer does not give itself tasks ("Sở Tài nguyên và Môi trường phát động …")."""
    from pipeline.tasks_assignees import normalized

    return issuer is not None and len(names) == 1 and normalized(names[0]) == normalized(issuer)
