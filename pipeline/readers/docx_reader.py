"""Word .docx: paragraphs and tables in reading order, as the text of the document.

Layout tables (the two-column header "UBND TỈNH … | CỘNG HÒA …", the footer "Nơi nhận | GIÁM ĐỐC")
are read cell by cell, left cell lines then right cell lines, each cell a block of its own; data
tables (three columns or more) become one ``| a | b | c |`` line per row. Blocks are separated by
a blank line, the lines of one cell or one paragraph's soft breaks by a newline. Word's automatic
list numbers ("1.", "a)") are not text in the file; :mod:`docx_numbering` writes them back.

>>> import io, docx
>>> d = docx.Document(); t = d.add_table(rows=1, cols=2)
>>> t.cell(0, 0).text = "UBND TỈNH KON TUM\\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"
>>> t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
>>> _ = d.add_paragraph("Kính gửi: Các phòng, đơn vị trực thuộc Sở")
>>> buf = io.BytesIO(); d.save(buf); print(read_docx(buf.getvalue()).text)
UBND TỈNH KON TUM
SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG
<BLANKLINE>
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
<BLANKLINE>
Kính gửi: Các phòng, đơn vị trực thuộc Sở
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any

from pipeline.errors import CongvanError
from pipeline.readers.docx_numbering import Numbering
from pipeline.readers.text import Text

_DATA_TABLE_COLUMNS = 3
# Text boxes hold header blocks in some templates; mc:Fallback repeats them as VML, skip it.
_TEXT_BOX_PARAGRAPHS = ".//w:txbxContent[not(ancestor::*[local-name()='Fallback'])]//w:p"


def _open(data: bytes) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise CongvanError("E111", detail=f"not a complete .docx zip archive ({exc})") from exc
    except KeyError as exc:
        raise CongvanError("E111", detail=f"the .docx lacks its part {exc}") from exc
    except PackageNotFoundError as exc:
        raise CongvanError("E111", detail="the .docx has no Word document part") from exc
    except (ValueError, SyntaxError, EOFError, OSError, zipfile.LargeZipFile) as exc:
        # lxml's XMLSyntaxError is a SyntaxError; zlib errors surface as zipfile/OSError.
        raise CongvanError("E111", detail=f"unreadable .docx: {type(exc).__name__}: {exc}") from exc


def _paragraph_lines(paragraph: Any, numbering: Numbering) -> list[str]:
    text = paragraph.text.replace("\r", "\n")
    label = numbering.label(paragraph)
    if label and text.strip():
        text = f"{label} {text.lstrip()}"
    lines = [text] if text.strip() else []
    for box in paragraph._p.xpath(_TEXT_BOX_PARAGRAPHS):
        inner = "".join(t.text or "" for t in box.xpath(".//w:t"))
        if inner.strip():
            lines.append(inner)
    return lines


def _unique_cells(row: Any) -> list[Any]:
    # A merged cell appears once per grid column it spans; read it once.
    seen: set[int] = set()
    cells = []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _cell_blocks(cell: Any, numbering: Numbering) -> list[str]:
    """A cell's content: its paragraphs as one block of lines, nested tables as further blocks."""
    blocks: list[str] = []
    lines: list[str] = []
    for item in cell.iter_inner_content():
        if hasattr(item, "rows"):
            if lines:
                blocks.append("\n".join(lines))
                lines = []
            blocks += _table_blocks(item, numbering)
        else:
            lines += _paragraph_lines(item, numbering)
    if lines:
        blocks.append("\n".join(lines))
    return blocks


def _table_blocks(table: Any, numbering: Numbering) -> list[str]:
    blocks: list[str] = []
    rows = [_unique_cells(row) for row in table.rows]
    data_table = max((len(cells) for cells in rows), default=0) >= _DATA_TABLE_COLUMNS
    for cells in rows:
        if data_table:
            texts = [" ".join(" ".join(_cell_blocks(c, numbering)).split()) for c in cells]
            if any(texts):
                blocks.append("| " + " | ".join(texts) + " |")
        else:
            for cell in cells:
                blocks += _cell_blocks(cell, numbering)
    return blocks


def _body_blocks(items: Iterable[Any], numbering: Numbering) -> Iterator[str]:
    for item in items:
        if hasattr(item, "rows"):
            yield from _table_blocks(item, numbering)
        else:
            yield from _paragraph_lines(item, numbering)


def read_docx(data: bytes, encoding: str = "auto") -> Text:
    """The text of a .docx; CongvanError E111 when the archive or its XML is broken."""
    document = _open(data)
    try:
        numbering = Numbering.of(document)
        blocks = [b for b in _body_blocks(document.iter_inner_content(), numbering) if b.strip()]
    except (KeyError, ValueError, AttributeError, SyntaxError) as exc:
        raise CongvanError("E111", detail=f"unreadable .docx content: {type(exc).__name__}: {exc}") from exc
    return Text(text="\n\n".join(blocks), reader="docx", encoding="utf-8")
