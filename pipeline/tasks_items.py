"""The body as a tree of numbered items and paragraphs, for the directive and campaign readers.

The sections stage owns the published outline; this scan is what the tasks and campaigns stages
walk. It keeps every line (paragraphs too, which sections do not list) and, where the sections
stage has run, takes its paths so that a task names the same section as the record does.

>>> from pipeline.document import Doc
>>> doc = Doc.from_text("III. Tổ chức thực hiện:\\n1. Văn phòng Sở:\\n- Theo dõi, đôn đốc.\\n- Tổng hợp.")
>>> [(n.path, n.text) for n in scan(doc)]
[('III', 'Tổ chức thực hiện:'), ('III.1', 'Văn phòng Sở:'), ('III.1.-', 'Theo dõi, đôn đốc.'), ('III.1.-', 'Tổng hợp.')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from pipeline.document import Doc, Line
from pipeline.tables import load
from pipeline.tasks_doers import starts_with_verb

_LABEL = regex.compile(
    r"""^(?:
      (?P<dieu>Điều\s+\d{1,3}[a-zđ]?)[.:]?
    | (?P<roman>[IVXLC]{1,6})[.)]
    | (?P<multi>\d{1,2}(?:\.\d{1,2})+)\.?
    | (?P<arabic>\d{1,3})[.)]
    | (?P<alpha>[a-zđ])[)]
    | (?P<dash>[-–])
    | (?P<plus>[+•*])
    )(?:\s+|$)""",
    regex.VERBOSE,
)
# Where a line stops being body text: the signature block and the list of recipients.
_END = regex.compile(r"(?i)^(?:nơi\s+nhận|kt\.|tm\.|tl\.|tuq\.)")
_SENTENCE_END = regex.compile(r"[.;:!?…]\s*/?\.?\s*$")


@dataclass
class Node:
    """One numbered item or paragraph: its label, its own text and the item it sits under."""

    kind: str  # dieu, roman, multi, arabic, alpha, dash, plus, para
    label: str
    path: str
    level: int
    start: int  # repaired-text offset of ``text``
    end: int
    text: str  # the item without its label, continuation lines joined by a space
    parent: int | None = None
    children: list[int] = field(default_factory=list)

    @property
    def is_item(self) -> bool:
        return self.kind != "para"


def body_lines(doc: Doc) -> list[Line]:
    """Lines of the body: past the header block, before ``Nơi nhận`` and the signature."""
    start, end = doc.body
    lines = [ln for ln in doc.lines if ln.start >= start and ln.end <= end]
    if start == 0:  # the header stage has not marked the body: skip the header block ourselves
        lines = lines[_header_end(lines):]
    for i, ln in enumerate(lines):
        if _END.match(ln.text):
            return lines[:i]
    return lines


_HEADER_LINE = regex.compile(
    r"(?i)^(?:số\s*:|kính\s+gửi|v/v\b|về\s+việc\b|cộng\s+hòa|độc\s+lập|[^,\d]{2,40},\s+ngày\b)"
)


def _header_end(lines: list[Line]) -> int:
    """Index of the first body line when nobody marked it: after Số, V/v, the date, Kính gửi."""
    end, in_recipients = 0, False
    for i, ln in enumerate(lines[:40]):
        if _HEADER_LINE.match(ln.text):
            end, in_recipients = i + 1, ln.text.lower().startswith("kính")
        elif in_recipients and ln.text[:1] in "-–+•":
            end = i + 1
        else:
            in_recipients = False
    return end


# "giai đoạn 2016" + "- 2020; …": a range broken at its dash, not a dash item.
_WRAPPED_RANGE = regex.compile(r"^[-–]\s*\d")
# "Điều 2.Giao Sở Y tế …": PDF text that lost the space after the article's number.
_GLUED_ARTICLE = regex.compile(r"^(Điều\s+\d{1,3}[a-zđ]?)[.:](?=\p{Lu})")


@cache
def _dashed_fields() -> tuple[tuple[str, str], ...]:
    """The field names written with a dash ("Lao động - Thương binh và Xã hội"), split at it."""
    out = []
    for name in load("org_heads")["domains"]:
        parts = regex.split(r"\s+[-–]\s+", name, maxsplit=1)
        if len(parts) == 2:
            out.append((parts[0], parts[1].split()[0]))
    return tuple(out)


def _wrapped_field(previous: str, text: str) -> bool:
    """ "Giám đốc các Sở: Lao động" + "- Thương binh và Xã hội, Nội vụ, …": a field name broken at
    its dash, not a dash item."""
    head = text.lstrip("-– ")
    tail = previous.rstrip()
    return any(tail.endswith(left) and head.startswith(right) for left, right in _dashed_fields())


def _label(line: Line, previous: str = "") -> tuple[str, str, int] | None:
    glued = _GLUED_ARTICLE.match(line.text)
    if glued:
        return "dieu", glued.group(1), glued.end()
    m = _LABEL.match(line.text)
    if not m or m.lastgroup is None:
        return None
    if m.lastgroup == "dash" and _WRAPPED_RANGE.match(line.text) and previous[-1:].isdigit():
        return None
    if m.lastgroup == "dash" and _wrapped_field(previous, line.text):
        return None
    if m.lastgroup == "roman" and len(line.text) > 2 and line.text[m.end(m.lastgroup)] == ")":
        return None  # "C) …" in a table, rarely a heading
    return m.lastgroup, m.group(m.lastgroup), m.end()


def _continues(node: Node, line: Line) -> bool:
    """Whether a paragraph line is the rest of the item above (a break inside its sentence).

    A line that opens on a capitalised verb starts a sentence of its own: "2. Phòng Văn hóa và
    Thông tin, Trung tâm …" over "Tăng cường công tác thông tin …".
    """
    if line.text[:1].isupper() and starts_with_verb(line.text):
        return False
    return not _SENTENCE_END.search(node.text) and len(node.text.split()) > 12


def scan(doc: Doc) -> list[Node]:
    """Numbered items and paragraphs of the body, in order, with parents and paths."""
    nodes: list[Node] = []
    stack: list[int] = []  # open items, outermost first
    previous = ""
    for line in body_lines(doc):
        found, prior, previous = _label(line, previous), previous, line.text.rstrip()
        if found is None:
            field = nodes and _wrapped_field(prior, line.text)  # the rest of a name, however short the line
            if field or (nodes and (nodes[-1].is_item or _WRAPPED_RANGE.match(line.text)) and _continues(nodes[-1], line)):
                last = nodes[-1]
                last.text = f"{last.text} {line.text}"
                last.end = line.end
                continue
            parent = stack[-1] if stack else None
            nodes.append(_node(nodes, "para", "", parent, line.start, line.end, line.text))
            continue
        kind, label, text_at = found
        while stack and _closes(nodes, stack, kind):
            stack.pop()
        parent = stack[-1] if stack else None
        start = line.start + text_at
        nodes.append(_node(nodes, kind, label, parent, start, line.end, line.text[text_at:]))
        stack.append(len(nodes) - 1)
    _apply_section_paths(doc, nodes)
    return nodes


def _closes(nodes: list[Node], stack: list[int], kind: str) -> bool:
    """An open item closes when an item of its own kind or of a kind above it arrives."""
    return kind in [nodes[i].kind for i in stack]


def _node(nodes: list[Node], kind: str, label: str, parent: int | None, start: int, end: int,
          text: str) -> Node:
    up = nodes[parent] if parent is not None else None
    own = "-" if kind in ("dash", "plus") else label.rstrip(".)")
    path = own if up is None else f"{up.path}.{own}"
    if kind == "para":
        path = up.path if up else ""
    level = (up.level + 1) if up else 1
    node = Node(kind, label, path, level, start, end, text.strip(), parent)
    if up is not None:
        up.children.append(len(nodes))
    return node


def _apply_section_paths(doc: Doc, nodes: list[Node]) -> None:
    """Take the sections stage's paths where its headings sit on our items (one outline)."""
    sections = [s for s in doc.record.sections if s.span]
    if not sections:
        return
    by_line = {}
    for s in sections:
        assert s.span is not None
        by_line[s.span[0]] = s.path
    for node in nodes:
        if not node.is_item:
            continue
        src = doc.span(node.start, node.end)[0]
        for probe in range(src, max(src - 12, -1), -1):  # the heading span may include the label
            if probe in by_line:
                node.path = by_line[probe]
                break


def ancestors(nodes: list[Node], index: int) -> list[Node]:
    """The items above ``nodes[index]``, nearest first."""
    out = []
    parent = nodes[index].parent
    while parent is not None:
        out.append(nodes[parent])
        parent = nodes[parent].parent
    return out
