"""PDF with a text layer (pypdf, BSD): lines rebuilt from positioned text, page starts kept.

pypdf's own extraction glues the cells of a header table that share a baseline ("Số: 12/UBND-VP
Kon Tum, ngày …") and loses paragraph gaps. The reader keeps pypdf's fragments in content order
and rebuilds the layout from their positions: a new line when the baseline moves, a blank line
(a new block) at a wide vertical gap or a jump back up (the next cell of a table), a new block at
a wide horizontal gap on one baseline (the right-hand cell; header rows written across the page
are read column by column), and a line that ran to the right edge joined to its continuation
(paragraphs reflowed, so "… Hồ Chí\\nMinh" does not cut a citation in two).

A PDF whose pages hold no text is a scan: CongvanError E112 (OCR needed); so is one whose text
comes from fonts without a Unicode map.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import regex

from pipeline.errors import CongvanError
from pipeline.readers.text import Text

_COLUMN_GAP = 6.0  # font sizes of empty baseline between two cells of a table
_BLOCK_GAP = 1.3  # times the usual line step: a paragraph gap
_MIN_TEXT = 20  # characters below which a PDF counts as having no text layer
# Fonts without a Unicode map give control codes, private-use code points or U+FFFD.
_UNMAPPED = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff\ufffd]")
_MAX_UNMAPPED = 0.3
_SPACES = regex.compile(r"(?<=\S)[ ]{2,}(?=\S)")
_WRAP_REACH = 0.88  # a line reaching this share of the text width was wrapped, not ended
# A line that starts an item or a heading is never the tail of the line before it.
_CLAUSE_END = regex.compile(r"[.:;!?…]\s*$")
_ITEM_START = regex.compile(r"[-+•*]|\(?\d{1,3}[.)/]|\(?[a-zđ]\)|[IVXLC]{1,6}\.|(?:Điều|Chương|Mục)\s")


@dataclass
class Fragment:
    text: str
    x: float
    y: float
    size: float


@dataclass
class Line:
    fragments: list[Fragment] = field(default_factory=list)
    block_break: bool = False  # a blank line goes before this line
    right_cell: bool = False  # split off the line before it by a wide gap on the same baseline

    @property
    def y(self) -> float:
        return self.fragments[0].y

    def text(self) -> str:
        return _SPACES.sub(" ", "".join(f.text for f in self.fragments).strip())

    @property
    def start(self) -> float:
        first = self.fragments[0]
        leading = len(first.text) - len(first.text.lstrip())
        return first.x + _width(" " * leading, first.size)

    @property
    def end(self) -> float:
        last = self.fragments[-1]
        return last.x + _width(last.text.rstrip(), last.size)


def _width(text: str, size: float) -> float:
    """A guess at the printed width of a text: pypdf does not hand glyph widths to visitors."""
    return size * sum(0.28 if c == " " else 0.68 if c.isupper() else 0.5 for c in text)


def _fragments(page: Any) -> list[Fragment]:
    out: list[Fragment] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        text = text.replace("\n", "")
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1.0
        out.append(Fragment(text, x, y, (size or 10.0) * scale))

    page.extract_text(visitor_text=visit)
    return out


def _lines(fragments: list[Fragment]) -> list[Line]:
    lines: list[Line] = []
    for frag in fragments:
        current = lines[-1] if lines else None
        if current and abs(frag.y - current.y) <= 0.3 * frag.size:
            if frag.x - current.end <= _COLUMN_GAP * frag.size:
                current.fragments.append(frag)
                continue
            lines.append(Line([frag], block_break=True, right_cell=True))  # next cell, same baseline
        else:
            lines.append(Line([frag]))
    return lines


@dataclass
class Layout:
    """What the whole document's lines show: the usual line step and the text's left/right edges."""

    step: float = 0.0
    left: float = 0.0
    right: float = 0.0

    @classmethod
    def of(cls, pages: list[list[Line]]) -> Layout:
        # Steps under a font size are sub/superscripts and baseline jitter, not lines.
        steps = [a.y - b.y for lines in pages for a, b in pairwise(lines)
                 if a.y - b.y >= 0.8 * b.fragments[0].size]
        lines = [line for page in pages for line in page]
        if len(lines) < 3:
            return cls()
        ends = sorted(line.end for line in lines)
        # The usual step between lines of one paragraph: a low quantile, since short documents
        # have as many paragraph gaps as line steps.
        step = sorted(steps)[len(steps) // 5] if steps else 0.0
        return cls(step=step, left=min(line.start for line in lines),
                   right=ends[int(0.9 * (len(ends) - 1))])


def _mark_blocks(lines: list[Line], layout: Layout) -> None:
    for prev, line in pairwise(lines):
        step = prev.y - line.y
        if step < -0.3 * line.fragments[0].size or (layout.step and step > _BLOCK_GAP * layout.step):
            line.block_break = True  # back up the page (next table cell) or a paragraph gap


def _wraps(prev: Line, line: Line, layout: Layout) -> bool:
    """Whether a line continues the one before it: that one ran to the right edge of the text and
    this one starts at the left edge with no item mark (reflows "… Hồ Chí\\nMinh”")."""
    if line.block_break or layout.right <= layout.left:
        return False
    reach = layout.left + _WRAP_REACH * (layout.right - layout.left)
    if prev.end < reach or line.start > layout.left + 0.5 * line.fragments[0].size:
        return False
    # An item mark after an unfinished clause is a word that wrapped ("lần thứ\\nX. Các phòng").
    return not (_ITEM_START.match(line.text()) and _CLAUSE_END.search(prev.text()))


def page_lines(page: Any) -> list[Line]:
    return [line for line in _lines(_fragments(page)) if line.text()]


def _band_end(lines: list[Line], first: int, boundary: float, layout: Layout) -> int:
    """Where a band of two-column rows that starts at ``first`` ends (exclusive)."""
    end = first + 1
    gap = _BLOCK_GAP * (layout.step or 1.5 * lines[first].fragments[0].size)
    while end < len(lines):
        line, prev_y = lines[end], lines[end - 1].y
        full_width = line.start < boundary < line.end
        if full_width or (prev_y - line.y) > gap or line.y > prev_y + 0.3 * line.fragments[0].size:
            break
        end += 1
    return end


def deinterleave(lines: list[Line], layout: Layout) -> list[Line]:
    """Two-column header rows written across the page ("UBND TỈNH X | CỘNG HÒA …", then "SỞ Y |
    Độc lập …") read as the left column's lines, then the right column's, like a table cell by cell."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and lines[i + 1].right_cell:
            boundary = lines[i + 1].start - 0.5 * lines[i + 1].fragments[0].size
            end = _band_end(lines, i, boundary, layout)
            band = lines[i:end]
            left = [line for line in band if line.start < boundary]
            right = [line for line in band if line.start >= boundary]
            for k, line in enumerate(right):  # one block: the column, not each split-off piece
                line.block_break = k == 0
            out += left + right
            i = end
        else:
            out.append(lines[i])
            i += 1
    return out


def render(lines: list[Line], layout: Layout) -> str:
    lines = deinterleave(lines, layout)
    _mark_blocks(lines, layout)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and out and _wraps(lines[i - 1], line, layout):
            out[-1] += " " + line.text()
            continue
        if line.block_break and out:
            out.append("")
        out.append(line.text())
    return "\n".join(out)


def _open(data: bytes) -> Any:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # repairs of sloppy files are not news
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise CongvanError("E110", detail="a password-protected PDF")
        _ = len(reader.pages)
    except CongvanError:
        raise
    except Exception as exc:  # pypdf raises many types on broken files; all mean the same here
        raise CongvanError("E111", detail=_why_broken(data, exc)) from exc
    return reader


def _why_broken(data: bytes, exc: BaseException) -> str:
    truncated = b"%%EOF" not in data[-2048:]
    what = "truncated PDF (no %%EOF marker)" if truncated else "broken PDF structure"
    return f"{what}: {type(exc).__name__}: {exc}"


def _pages(reader: Any, data: bytes) -> list[str]:
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            pages.append(page_lines(page))
        except Exception as exc:  # a page whose content stream is cut short
            raise CongvanError("E111", detail=f"page {number}: {_why_broken(data, exc)}") from exc
    layout = Layout.of(pages)
    return [render(lines, layout) for lines in pages]


def read_pdf(data: bytes, encoding: str = "auto") -> Text:
    """The text layer of a PDF with ``pages`` = the offset where each page starts."""
    reader = _open(data)
    texts = _pages(reader, data)
    if not texts:
        raise CongvanError("E111", detail="the PDF has no pages")
    if sum(len(t.strip()) for t in texts) < _MIN_TEXT:
        if b"%%EOF" not in data[-2048:]:
            raise CongvanError("E111", detail="truncated PDF (no %%EOF marker) with no readable text")
        raise CongvanError("E112", detail=f"{len(texts)} page(s) without text; the PDF holds only images")
    unmapped = sum(len(_UNMAPPED.findall(t)) for t in texts)
    if unmapped > _MAX_UNMAPPED * sum(len(t.replace(" ", "")) for t in texts):
        raise CongvanError("E112", detail="its text layer is unreadable (fonts without a Unicode map)")
    pages, parts, offset = [], [], 0
    for text in texts:
        pages.append(offset)
        parts.append(text)
        offset += len(text) + 1
    read = Text(text="\n".join(parts), reader="pdf", encoding="utf-8", pages=pages)
    blank = [str(i) for i, t in enumerate(texts, start=1) if not t.strip()]
    if blank:
        read.warnings.append(f"page(s) {', '.join(blank)} have no text layer (OCR needed)")
    return read
