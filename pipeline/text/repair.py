"""Repair converted text without losing offsets: every stage reads the repaired text, every span
is reported on the text as read.

Steps, in order (each returns edits on the previous step's output):

1. ``controls``   CR/LF, tabs, no-break and zero-width spaces;
2. ``compose``    NFC, cluster by cluster (decomposed input from PDFs and Macs);
3. ``tones``      old tone placement at a syllable's end ("Hoà" -> "Hòa", "Uỷ" -> "Ủy");
4. ``markdown``   ``**``, ``__``, ``_x_``, ``*x*``, ``#`` heading marks, rules of dashes;
5. ``page_noise`` page numbers and running heads left by PDF conversion;
6. ``join_lines`` lines broken mid-sentence, and citations that web extraction split one link
   a line ("Căn cứ\\nLuật Quản lý thuế\\nsố\\n108/2025/QH15\\n;").

>>> r = repair("## **KẾ HOẠCH**\\nThực hiện Kế hoạch của UBND tỉnh Khánh Hoà và\\ncác sở")
>>> r.text
'KẾ HOẠCH\\nThực hiện Kế hoạch của UBND tỉnh Khánh Hòa và các sở'
>>> s = r.text.index("Khánh Hòa"); r.source[slice(*r.to_source(s, s + 9))]
'Khánh Hoà'
>>> s = r.text.index("và các"); r.source[slice(*r.to_source(s, s + 6))]
'và\\ncác'

"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from pipeline.tables import load
from pipeline.text.offsets import Edit, OffsetMap, apply_edits

Step = Callable[[str], list[Edit]]


@dataclass
class Repaired:
    source: str
    text: str
    offsets: OffsetMap = field(default_factory=OffsetMap)

    def to_source(self, start: int, end: int) -> list[int]:
        """Span of the repaired text -> span of the text as read."""
        return self.offsets.to_source(start, end)


_CONTROLS = regex.compile(r"\r\n?|[\t\u00a0\u2007\u202f\u3000]|[\u200b-\u200d\u2060\ufeff]")


def controls(text: str) -> list[Edit]:
    def repl(ch: str) -> str:
        if ch.startswith("\r"):
            return "\n"
        return " " if ch in "\t\u00a0\u2007\u202f\u3000" else ""

    return [(m.start(), m.end(), repl(m.group())) for m in _CONTROLS.finditer(text)]


_CLUSTER = regex.compile(r"\P{M}\p{M}+")


def compose(text: str) -> list[Edit]:
    if unicodedata.is_normalized("NFC", text):
        return []
    edits = []
    for m in _CLUSTER.finditer(text):
        nfc = unicodedata.normalize("NFC", m.group())
        if nfc != m.group():
            edits.append((m.start(), m.end(), nfc))
    return edits


def _tone_table() -> tuple[regex.Pattern[str], dict[str, str]]:
    pairs: dict[str, str] = dict(load("tones")["pairs"])
    for old, new in list(pairs.items()):
        pairs[old.upper()] = new.upper()
        pairs[old[0].upper() + old[1:]] = new[0].upper() + new[1:]
        pairs[old[0] + old[1:].upper()] = new[0] + new[1:].upper()
    alternatives = "|".join(sorted(pairs, key=len, reverse=True))
    # Only at a syllable's end, and not after q ("quý" is already new style).
    return regex.compile(rf"(?<![qQ])(?:{alternatives})(?!\p{{L}})"), pairs


_TONES, _TONE_PAIRS = _tone_table()


def tones(text: str) -> list[Edit]:
    return [(m.start(), m.end(), _TONE_PAIRS[m.group()]) for m in _TONES.finditer(text)]


_HEADING_MARKS = regex.compile(r"(?m:(?=\#)(?<=^[ ]{0,3}[*_]{0,3})(?:\#{1,6}(?:[ ]+|$))+)")  # also after "**"
_RULE = regex.compile(r"(?m:^[ ]*[-_=*]{3,}[ ]*$)")  # horizontal rules, underlines under header names
_EMPHASIS = regex.compile(
    r"""
      \*\*+ | __+                        # strong emphasis, either side
    | (?<![\w*])\*(?=[^\s*])             # *emphasis* opening
    | (?<=[^\s*])\*(?![\w*])             # *emphasis* closing
    | (?<![\w_/])_(?=\S)                 # _emphasis_ opening
    | (?<=\S)_(?![\w_])                  # _emphasis_ closing
    """,
    regex.VERBOSE,
)
_MARKS = (_HEADING_MARKS, _RULE, _EMPHASIS)  # where two start at one place, the first wins


def markdown(text: str) -> list[Edit]:
    """Marks to delete. Three scans merged left to right: one alternation of them all is ten times
    slower in ``regex``, which cannot skip ahead to the few places where a mark may start."""
    found = sorted((m.start(), rank, m.end()) for rank, marks in enumerate(_MARKS) for m in marks.finditer(text))
    edits: list[Edit] = []
    for start, _, end in found:
        if not edits or start >= edits[-1][1]:
            edits.append((start, end, ""))
    return edits


_PAGE_NUMBER = regex.compile(r"(?m)^[ ]*(?:[-–][ ]*\d{1,4}[ ]*[-–]|(?:Trang|Page)[ ]+\d{1,4}(?:[ ]*/[ ]*\d{1,4})?)[ ]*\n")
_LINE = regex.compile(r"(?m)^[^\n]*\n?")


def page_noise(text: str) -> list[Edit]:
    """Page numbers ("- 2 -", "Trang 3/7") and running heads: a short line repeated 3+ times."""
    edits = [(m.start(), m.end(), "") for m in _PAGE_NUMBER.finditer(text)]
    counts: dict[str, int] = {}
    lines = [(m.start(), m.end(), m.group().strip()) for m in _LINE.finditer(text) if m.group()]
    for _, _, line in lines:
        if 3 <= len(line) <= 80:
            counts[line] = counts.get(line, 0) + 1
    repeated = {line for line, n in counts.items() if n >= 3 and _is_running_head(line)}
    if repeated:
        edits += [(s, e, "") for s, e, line in lines if line in repeated]
        edits.sort()
    return edits


def _is_running_head(line: str) -> bool:
    # Lines that legitimately repeat in a body ("- Như trên;", "|---|", "Điều 1.") are not heads.
    return bool(regex.search(r"\p{L}{3}", line)) and not regex.match(
        r"[-+•|]|\d|Điều|Chương|Mục|[a-zđA-Z][).]\s|[IVX]{1,5}[./)]\s", line)  # items: "a) Đối với tập thể:"


# A line that must stay a line: items, headings, header parts, signatures.
_KEEP_START = regex.compile(
    r"""[ ]*(?: [-+•|>]
    | (?:\d{1,3}|[IVXLC]{1,6})[.)](?:\s|$) | \d{1,3}(?:\.\d{1,3})+\.?\s | [a-zđ][)]\s
    | (?:Điều|Chương|Mục|Phần|Phụ\ lục)\s+[\dIVXLC]
    | (?:Số|Kính\ gửi|Nơi\ nhận|V/v|Về\ việc)\b
    | (?:KT|TM|TL|TUQ|Q)\.\s?\p{Lu}
    )""",
    regex.VERBOSE,
)
_ENDS_CLAUSE = regex.compile(r"[.:;!?…\"”)\]|]\s*$")
_LOWER_START = regex.compile(r"[ ]*(?:\p{Ll}|\d+/\d|[;,.:)])")
_CONNECTOR_END = regex.compile(
    r"(?i)(?:\b(?:căn cứ|số|của|và|tại|theo|về|ngày|với|cho|các|những|là|được|hoặc|thuộc|trong|"
    r"đến|từ|để|do|bởi|như|luật|nghị định|thông tư|quyết định)|[,\-–])\s*$"
)
_PUNCT_ONLY = regex.compile(r"[ ]*[;,.:][ ]*$")


_CODE_MARK = regex.compile(r"[\d/]")  # "108/2025/QH15", "48/KH-UBND": codes, not shouting


def _shouty(line: str) -> bool:
    """An upper-case line (a header); codes such as "108/2025/QH15" or "48/KH-UBND" do not count.

    >>> _shouty("ỦY BAN NHÂN DÂN"), _shouty("108/2025/QH15"), _shouty("Luật Quản lý thuế")
    (True, False, False)
    """
    if _CODE_MARK.search(line):
        line = " ".join(word for word in line.split() if not _CODE_MARK.search(word))
    letters = sum(map(str.isalpha, line))  # map in C: this runs twice for most line breaks
    return letters > 0 and sum(map(str.isupper, line)) > 0.7 * letters


def _joins(prev: str, nxt: str, blank_between: bool) -> bool:
    """Whether the break between two lines is a break inside one sentence."""
    tail = max(0, len(prev) - 40)  # the patterns on ``prev`` look at its end only
    if not prev.strip() or not nxt.strip() or (_ENDS_CLAUSE.search(prev, tail) and not _PUNCT_ONLY.match(nxt)):
        return False
    if _PUNCT_ONLY.match(nxt):
        return True
    if _KEEP_START.match(nxt) or _shouty(prev) or _shouty(nxt):
        return False
    if _LOWER_START.match(nxt):
        return True
    # An upper-case start continues the sentence only across a plain break after a connector
    # ("Căn cứ\nLuật …", "của Chủ tịch\nUBND tỉnh").
    return not blank_between and bool(_CONNECTOR_END.search(prev, tail))


_BREAK = regex.compile(r"[ ]*\n(?:[ ]*\n)*[ ]*")


def join_lines(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for m in _BREAK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        next_end = text.find("\n", m.end())
        prev = text[line_start : m.start()]
        nxt = text[m.end() : next_end if next_end >= 0 else len(text)]
        if _joins(prev, nxt, m.group().count("\n") > 1):
            edits.append((m.start(), m.end(), "" if _PUNCT_ONLY.match(nxt) else " "))
    return edits


STEPS: tuple[Step, ...] = (controls, compose, tones, markdown, page_noise, join_lines)


def repair(source: str, steps: tuple[Step, ...] = STEPS) -> Repaired:
    """Run every repair step; the result maps its spans back onto ``source``."""
    out = Repaired(source=source, text=source)
    for step in steps:
        edits = step(out.text)
        if edits:
            out.text, emap = apply_edits(out.text, edits)
            out.offsets.maps.append(emap)
    return out
