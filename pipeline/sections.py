"""Stage `sections`: the headings and numbered items of the body, flat and in order.

Each line of the body that opens with a label ("I.", "1.", "a)", "1.1.", "Điều 3.", "Chương II")
is a section; its level comes from the kinds still open above it, so numbering restarts under each
parent and a kind keeps its depth however deep the document first used it. Paths join the labels
without punctuation: "II.1.a", "Chương I.Điều 2.1".

>>> secs = find_sections("I. MỤC ĐÍCH YÊU CẦU\\n1. Mục đích\\na) Khen thưởng cấp cơ sở: Giấy khen.\\n"
...                      "b) Tuyên truyền sâu rộng trong công chức, viên chức và người lao động toàn ngành.\\n"
...                      "2. Yêu cầu\\nII. TỔ CHỨC THỰC HIỆN\\n1. Các phòng thực hiện.")
>>> [(s.path, s.level, s.title) for s in secs]  # doctest: +NORMALIZE_WHITESPACE
[('I', 1, 'MỤC ĐÍCH YÊU CẦU'), ('I.1', 2, 'Mục đích'), ('I.1.a', 3, 'Khen thưởng cấp cơ sở'),
 ('I.1.b', 3, None), ('I.2', 2, 'Yêu cầu'), ('II', 1, 'TỔ CHỨC THỰC HIỆN'), ('II.1', 2, None)]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import regex

from pipeline.document import Doc, Line
from pipeline.record import Section
from pipeline.sections_titles import heading_title, title_from_next_line
from pipeline.tables import load


@dataclass(frozen=True)
class Kind:
    name: str
    rank: int
    group: str | None
    pattern: regex.Pattern[str]
    label: str  # how a path writes it: "Điều {num}", "{num}"


@dataclass
class _Item:
    kind: Kind
    num: str
    written: str  # the label as written: "a)", "II.", "Điều 3."
    rest: str  # the line after the label
    line: Line


@cache
def kinds() -> tuple[Kind, ...]:
    """The heading kinds of ``data/section_patterns.json``, outermost first."""
    rows = load("section_patterns")["kinds"]
    return tuple(Kind(r["kind"], r["rank"], r.get("order_group"),
                      regex.compile(r"\s*(?:" + r["pattern"] + r")"), r["label"]) for r in rows)


def match_heading(text: str) -> tuple[Kind, str, str, str] | None:
    """The kind, number, written label and rest of a line that opens with a heading label.

    >>> k, num, written, rest = match_heading("Điều 3. Hiệu lực thi hành")
    >>> k.name, num, written, rest
    ('dieu', '3', 'Điều 3.', 'Hiệu lực thi hành')
    >>> match_heading("- Như trên;") is None
    True
    """
    for kind in kinds():
        m = kind.pattern.match(text)
        if m:
            written = m.group().strip()
            rest = text[m.end() :].lstrip(" .:-–—)")
            return kind, m.group("num"), written, rest.strip()
    return None


def _path_label(item: _Item) -> str:
    return item.kind.label.format(num=item.num)


class _Ranks:
    """Kind order: table ranks, but kinds of one order group rank by first appearance."""

    def __init__(self) -> None:
        self.first_seen: dict[str, int] = {}

    def rank(self, kind: Kind) -> tuple[int, int]:
        self.first_seen.setdefault(kind.name, len(self.first_seen))
        if kind.group is None:
            return kind.rank, 0
        group_floor = min(k.rank for k in kinds() if k.group == kind.group)
        return group_floor, self.first_seen[kind.name]


def _body_lines(doc: Doc) -> list[Line]:
    start, end = doc.body
    if doc.body_end is None:  # no footer found: stop at "Nơi nhận" ourselves
        stops = tuple(load("section_patterns")["footer_starts"])
        end = next((ln.start for ln in doc.lines if ln.start >= start and ln.text.startswith(stops)), end)
    return [ln for ln in doc.lines if start <= ln.start and ln.end <= end]


def _items(lines: list[Line]) -> list[_Item]:
    out = []
    for line in lines:
        found = match_heading(line.text)
        if found:
            kind, num, written, rest = found
            out.append(_Item(kind, num, written, rest, line))
    return out


def _nest(items: list[_Item]) -> list[tuple[_Item, int, str]]:
    """Each item with its level and path, from a stack of the items still open above it."""
    ranks = _Ranks()
    stack: list[tuple[tuple[int, int], _Item, str]] = []
    out = []
    for item in items:
        rank = ranks.rank(item.kind)
        while stack and stack[-1][0] >= rank:
            stack.pop()
        parent = stack[-1] if stack else None
        path = _join(parent[2] if parent else "", parent[1] if parent else None, item)
        stack.append((rank, item, path))
        out.append((item, len(stack), path))
    return out


def _join(parent_path: str, parent: _Item | None, item: _Item) -> str:
    """"II" + "1" -> "II.1"; a dotted "1.2" under "1" replaces it: "II" + "1.2" -> "II.1.2"."""
    label = _path_label(item)
    if parent is not None and item.kind.name == "dotted" and label.startswith(parent.num + "."):
        parent_path = parent_path.rpartition(".")[0] if "." in parent_path else ""
    return f"{parent_path}.{label}" if parent_path else label


def _kind_name(item: _Item, parent_kinds: list[str]) -> str:
    if item.kind.name == "arabic" and parent_kinds and parent_kinds[-1] == "dieu":
        return "khoan"  # a numbered item inside an article is a khoản
    return item.kind.name


def _is_markdown_heading(doc: Doc, line: Line) -> bool:
    """Whether the source wrote this line as a markdown heading or all in bold."""
    start, _ = doc.span(line.start, line.end)
    head = doc.source[doc.source.rfind("\n", 0, start) + 1 : start + 3].lstrip()
    return head.startswith(("#", "**", "__"))


_CARRIED = regex.compile(r"[\p{Ll}\d]")  # a line that opens in small letters or a digit carries the last one on
_WRAP_LINES = 4


def _unwrapped(rest: str, lines: list[Line], nxt: int) -> str:
    """An item's text with the lines a narrow page wrapped it onto: "1/- Tổng kết công tác thi đua năm"
    ⏎ "2013:" is one heading, and "1. Sở, ban, ngành, Ủy ban nhân dân quận-huyện, xã," ⏎ "phường, thị
    trấn thực hiện …" one sentence (no title), not a title cut at the line's end."""
    text = rest.rstrip()
    for line in lines[nxt : nxt + _WRAP_LINES]:
        if not text or text.endswith((".", ";", ":", "!", "?")) or not _CARRIED.match(line.text.lstrip()):
            break
        if match_heading(line.text):
            break
        text = f"{text} {line.text.strip()}"
    return text


def find_sections(text: str) -> list[Section]:
    """Sections of a plain text, spans on ``text`` itself (see :func:`add` for a document)."""
    doc = Doc.from_text(text)
    doc.body_end = len(doc.text)
    return _sections(doc, span=lambda s, e: [s, e])


def _sections(doc: Doc, span: Callable[[int, int], list[int]]) -> list[Section]:
    lines = _body_lines(doc)
    nested = _nest(_items(lines))
    after = {line.start: i for i, line in enumerate(lines)}
    end_of_body = lines[-1].end if lines else 0
    out: list[Section] = []
    open_kinds: list[str] = []
    for i, (item, level, path) in enumerate(nested):
        del open_kinds[level - 1 :]
        kind = _kind_name(item, open_kinds)
        open_kinds.append(item.kind.name)
        rest = _unwrapped(item.rest, lines, after[item.line.start] + 1)
        title = heading_title(item.kind.name, rest, _is_markdown_heading(doc, item.line))
        if title is None and not item.rest and item.kind.name in ("phan", "chuong", "muc"):
            nxt = after[item.line.start] + 1
            if nxt < len(lines) and not match_heading(lines[nxt].text):
                title = title_from_next_line(lines[nxt].text)
        stop = next((it.line.start for it, lv, _ in nested[i + 1 :] if lv <= level), end_of_body)
        out.append(Section(path=path, label=item.written, title=title, level=level, kind=kind,
                           span=span(item.line.start, item.line.end), body_span=span(item.line.start, stop)))
    return out


def add(doc: Doc) -> None:
    """Fill ``doc.record.sections``: every heading and numbered item of the body."""
    doc.record.sections = _sections(doc, span=doc.span)
