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
_LAYOUT_ROWS = 4  # a layout (header, signature) table has fewer rows than this
# Text boxes hold header blocks in some templates; mc:Fallback repeats them as VML, skip it.
_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_TEXT_BOXES = ".//w:txbxContent[not(ancestor::*[local-name()='Fallback'])]"


def _text_nodes(outside: str) -> str:
    return " | ".join(f".//w:{tag}[{outside}]" for tag in ("t", "tab", "br", "cr", "noBreakHyphen"))


_TEXT_NODES = _text_nodes("not(ancestor::w:del) and not(ancestor::w:txbxContent) and not(ancestor::w:pPr)")
_TEXT_NODES_IN_BOX = _text_nodes("not(ancestor::w:del) and not(ancestor::w:pPr)")
_SPECIAL = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}


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


def paragraph_text(p: Any, nodes: str = _TEXT_NODES) -> str:
    """A paragraph's text from its XML: inserted (tracked) text kept, deleted text dropped, tabs
    and line breaks kept, text boxes left to their own lines. python-docx's ``Paragraph.text``
    skips runs inside ``w:ins``, which loses the accepted wording of an edited dispatch."""
    out = []
    for node in p.xpath(nodes):
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "t":
            out.append(node.text or "")
        else:
            out.append(_SPECIAL[tag])
    return "".join(out)


def _paragraph_blocks(paragraph: Any, numbering: Numbering) -> list[str]:
    text = paragraph_text(paragraph._p)
    label = numbering.label(paragraph)
    if label and text.strip():
        text = f"{label} {text.lstrip()}"
    blocks = [text] if text.strip() else []
    for box in paragraph._p.xpath(_TEXT_BOXES):  # a box's paragraphs: one block, like a cell
        inner = [paragraph_text(p, _TEXT_NODES_IN_BOX) for p in box.xpath("./w:p", namespaces=_NS)]
        if any(line.strip() for line in inner):
            blocks.append("\n".join(line for line in inner if line.strip()))
    return blocks


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
            lines += _paragraph_blocks(item, numbering)
    if lines:
        blocks.append("\n".join(lines))
    return blocks


def _filled(cell: Any) -> bool:
    return bool("".join(cell._tc.itertext()).strip())


def is_data_table(rows: list[list[Any]]) -> bool:
    """Three filled columns, or two over many rows, make a data table; the header and signature
    tables of a dispatch have two filled columns (a spacer column is empty) and a few rows."""
    filled = [sum(_filled(c) for c in cells) for cells in rows]
    if max(filled, default=0) >= _DATA_TABLE_COLUMNS:
        return True
    return len(rows) >= _LAYOUT_ROWS and sum(n >= 2 for n in filled) > len(rows) / 2


def _table_blocks(table: Any, numbering: Numbering) -> list[str]:
    blocks: list[str] = []
    rows = [_unique_cells(row) for row in table.rows]
    data_table = is_data_table(rows)
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
            yield from _paragraph_blocks(item, numbering)


def read_docx(data: bytes, encoding: str = "auto") -> Text:
    """The text of a .docx; CongvanError E111 when the archive or its XML is broken."""
    document = _open(data)
    try:
        numbering = Numbering.of(document)
        blocks = [b for b in _body_blocks(document.iter_inner_content(), numbering) if b.strip()]
    except (KeyError, ValueError, AttributeError, SyntaxError) as exc:
        raise CongvanError("E111", detail=f"unreadable .docx content: {type(exc).__name__}: {exc}") from exc
    return Text(text="\n\n".join(blocks), reader="docx", encoding="utf-8")
