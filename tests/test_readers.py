"""Readers: sniffing, each format's layout rules, and every bad input with its error code."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import CongvanError
from pipeline.readers import Text, read_bytes, read_path
from pipeline.readers.base import page_of
from pipeline.readers.legacy import ENCODERS
from pipeline.readers.sniff import OLE, sniff
from tests.conftest import needs_shared, seed_paths
from tests.fixtures.builders import build_docx, build_html, build_pdf, build_scanned_pdf

KON_TUM = """UBND TỈNH KON TUM
SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 12/STNMT-VP

Kon Tum, ngày 05 tháng 10 năm 2021

V/v Phát động phong trào thi đua đặc biệt

Kính gửi: Các phòng, đơn vị trực thuộc Sở

1. Trưởng các phòng, đơn vị thuộc Sở tổ chức triển khai thực hiện.

Nơi nhận:
- Như trên;
- Lưu: VT, VP.

GIÁM ĐỐC

Nguyễn Văn Lộc
"""


def code_of(call) -> str:
    with pytest.raises(CongvanError) as err:
        call()
    return err.value.code


# --- sniffing ----------------------------------------------------------------------------------

SNIFF_CASES = [
    (b"%PDF-1.4\n...", "", "pdf"),
    (b"\n\n%PDF-1.7", "scan.bin", "pdf"),  # junk before the header is allowed
    (b"<!DOCTYPE html><html><body>x</body></html>", "", "html"),
    (b"\xef\xbb\xbf  <html lang='vi'>", "", "html"),
    (b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "", "html"),
    (b"<!-- saved from url -->\n<HTML>", "", "html"),
    ("<html>".encode("utf-16"), "", "html"),
    (b"<p>S\xe1\xbb\x91: 12</p>", "page.htm", "html"),  # a fragment: the name decides
    (b"<p>S\xe1\xbb\x91: 12</p>", "note.txt", "text"),
    (b"PK\x03\x04....word/document.xml....", "", "docx"),
    (b"PK\x03\x04 cut short", "cv.docx", "docx"),  # truncated before the part names
    (OLE + b"...." + "WordDocument".encode("utf-16-le"), "", "doc"),
    ("Số: 48/KH-UBND".encode(), "x.pdf", "text"),  # the name lies; the bytes are text
    ("# KẾ HOẠCH".encode(), "kh.md", "text"),
]


@pytest.mark.parametrize(("data", "name", "kind"), SNIFF_CASES)
def test_sniff(data, name, kind):
    assert sniff(data, name) == kind


REFUSED = [
    (b"PK\x03\x04....xl/workbook.xml", "", "E110"),
    (b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.text content.xml", "", "E110"),
    (OLE + b"....Workbook", "", "E110"),
    (b"{\\rtf1\\ansi Cong van}", "", "E110"),
    (b"\x89PNG\r\n\x1a\n....", "", "E112"),
    (b"\xff\xd8\xff\xe0....JFIF", "scan.jpg", "E112"),
]


@pytest.mark.parametrize(("data", "name", "code"), REFUSED)
def test_sniff_refuses_what_no_reader_takes(data, name, code):
    assert code_of(lambda: read_bytes(data, name)) == code


# --- .docx -------------------------------------------------------------------------------------

def test_docx_header_table_reads_left_cell_then_right_cell():
    read = read_bytes(build_docx(KON_TUM, header_table=True), "cv.docx")
    assert read.reader == "docx"
    assert read.text.startswith(
        "UBND TỈNH KON TUM\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 12/STNMT-VP\n\nKon Tum, ngày 05 tháng 10 năm 2021\n\nV/v Phát")
    assert read.text.endswith("GIÁM ĐỐC\n\nNguyễn Văn Lộc")


def _docx(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_data_table_rows_become_pipe_lines_and_merged_cells_read_once():
    def build(d):
        t = d.add_table(rows=3, cols=3)
        for r, row in enumerate([("STT", "Nội dung", "Đơn vị"), ("1", "Tuyên truyền", "Văn phòng Sở"),
                                 ("2", "Khen thưởng", "")]):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
        t.cell(2, 1).merge(t.cell(2, 2))

    text = read_bytes(_docx(build)).text
    assert text.split("\n\n") == ["| STT | Nội dung | Đơn vị |", "| 1 | Tuyên truyền | Văn phòng Sở |",
                                  "| 2 | Khen thưởng |"]


def test_docx_nested_table_in_a_cell_keeps_reading_order():
    def build(d):
        outer = d.add_table(rows=1, cols=2)
        outer.cell(0, 0).text = "Nơi nhận:"
        inner = outer.cell(0, 0).add_table(rows=1, cols=1)
        inner.cell(0, 0).text = "- Như trên;"
        outer.cell(0, 1).text = "GIÁM ĐỐC"

    assert read_bytes(_docx(build)).text == "Nơi nhận:\n\n- Như trên;\n\nGIÁM ĐỐC"


def test_docx_automatic_numbering_is_written_back():
    def build(d):
        d.add_paragraph("Mục đích", style="List Number")
        d.add_paragraph("Yêu cầu", style="List Number")
        d.add_paragraph("Như trên;", style="List Bullet")

    assert read_bytes(_docx(build)).text == "1. Mục đích\n\n2. Yêu cầu\n\n- Như trên;"


def test_docx_soft_line_breaks_stay_lines_of_one_block():
    def build(d):
        p = d.add_paragraph()
        p.add_run("Số: 12/STNMT-VP").add_break()
        p.add_run("V/v Phát động phong trào thi đua")

    assert read_bytes(_docx(build)).text == "Số: 12/STNMT-VP\nV/v Phát động phong trào thi đua"


def test_docx_with_no_text_is_e105():
    assert code_of(lambda: read_bytes(_docx(lambda d: d.add_paragraph("   ")), "empty.docx")) == "E105"


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_truncated_docx_is_e111(cut):
    data = build_docx(KON_TUM)
    with pytest.raises(CongvanError) as err:
        read_bytes(data[: int(len(data) * cut)], "cv.docx")
    assert err.value.code == "E111"
    assert ".docx" in str(err.value)


def test_docx_with_broken_xml_is_e111():
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(build_docx(KON_TUM)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as broken:
        for item in source.infolist():
            data = source.read(item)
            broken.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    assert code_of(lambda: read_bytes(out.getvalue(), "cv.docx")) == "E111"


# --- .pdf --------------------------------------------------------------------------------------

def test_pdf_same_baseline_cells_are_separate_blocks():
    read = read_bytes(build_pdf(KON_TUM, header_table=True), "cv.pdf")
    assert read.reader == "pdf"
    assert "Số: 12/STNMT-VP\n\nKon Tum, ngày 05 tháng 10 năm 2021" in read.text
    assert read.text.startswith("UBND TỈNH KON TUM\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\n\nCỘNG HÒA")


def test_pdf_wrapped_lines_are_reflowed_but_items_stay_lines():
    long = ("Thực hiện Kế hoạch số 3510/KH-UBND ngày 30/9/2021 của Ủy ban nhân dân tỉnh về phát động "
            "phong trào thi đua đặc biệt trong toàn Ngành tài nguyên và môi trường như sau, theo tư tưởng "
            "Hồ Chí Minh và tinh thần Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng.")
    text = f"{long}\n\n1. Mục đích\n2. Yêu cầu\n\n{long}"
    read = read_bytes(build_pdf(text), "kh.pdf")
    assert read.text.split("\n") == [long, "", "1. Mục đích", "2. Yêu cầu", "", long]


@needs_shared
def test_pdf_pages_are_offsets_of_page_starts():
    text = max(seed_paths(), key=lambda p: p.stat().st_size).read_text(encoding="utf-8")
    read = read_bytes(build_pdf(text), "long.pdf")
    assert read.pages is not None and len(read.pages) >= 3
    assert read.pages[0] == 0 and read.pages == sorted(read.pages)
    for number, start in enumerate(read.pages, start=1):
        assert read.page_of(start) == number
        assert read.text[start - 1] == "\n" if start else True


def test_page_of():
    assert [page_of([0, 10, 25], o) for o in (0, 9, 10, 24, 25, 1000)] == [1, 1, 2, 2, 3, 3]
    assert page_of(None, 3) is None and page_of([], 3) is None
    assert Text("x").page_of(0) is None


def test_scanned_pdf_is_e112():
    with pytest.raises(CongvanError) as err:
        read_bytes(build_scanned_pdf(), "scan.pdf")
    assert err.value.code == "E112"
    assert "OCR" in str(err.value)


@pytest.mark.parametrize("cut", [0.2, 0.5, 0.9])
def test_truncated_pdf_is_e111(cut):
    data = build_pdf(KON_TUM)
    with pytest.raises(CongvanError) as err:
        read_bytes(data[: int(len(data) * cut)], "cv.pdf")
    assert err.value.code == "E111"
    assert "PDF" in str(err.value)


def test_garbage_after_pdf_header_is_e111():
    assert code_of(lambda: read_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20, "x.pdf")) == "E111"


# --- .html -------------------------------------------------------------------------------------

def test_html_keeps_the_document_and_drops_the_portal():
    read = read_bytes(build_html(KON_TUM), "page.html")
    assert read.reader == "html"
    assert read.text.startswith("UBND TỈNH KON TUM\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\n\nCỘNG HÒA")
    assert read.text.endswith("Nguyễn Văn Lộc")
    for chrome in ("Trang chủ", "Tin tức", "Liên kết website", "Bản quyền", "tracking", "99/KH-UBND"):
        assert chrome not in read.text


def test_html_header_table_cells_read_left_then_right():
    page = """<html><body><table><tr><td>UBND TỈNH KON TUM<br>SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG</td>
    <td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr>
    <tr><td>Số: 12/STNMT-VP</td><td><i>Kon Tum, ngày 05 tháng 10 năm 2021</i></td></tr></table>
    <p>Kính gửi: Các phòng</p></body></html>"""
    assert read_bytes(page.encode()).text == (
        "UBND TỈNH KON TUM\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 12/STNMT-VP\n\nKon Tum, ngày 05 tháng 10 năm 2021\n\n"
        "Kính gửi: Các phòng")


def test_html_declared_charset_is_honoured():
    # CP1258 writes "ố" as "ô" + a combining acute: b"S\xf4\xec".
    page = '<html><head><meta charset="windows-1258"></head><body><p>Sô\u0301 12</p></body></html>'
    read = read_bytes(page.encode("cp1258"))
    assert (unicodedata.normalize("NFC", read.text), read.encoding) == ("Số 12", "windows-1258")


def test_html_in_vni_font_is_converted():
    page = "<html><body><div id='noidung'><p>Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam</p>" \
           "<p>Ñoäc laäp - Töï do - Haïnh phuùc</p></div></body></html>"
    read = read_bytes(page.encode("utf-8"))
    assert (read.text, read.encoding) == ("Cộng hòa xã hội chủ nghĩa Việt Nam\n\nĐộc lập - Tự do - Hạnh phúc", "vni")


def test_html_without_words_is_e105():
    assert code_of(lambda: read_bytes(b"<html><body><nav>Menu</nav><script>x()</script></body></html>")) == "E105"


# --- .doc --------------------------------------------------------------------------------------

DOC = OLE + b"\x00" * 64 + "WordDocument".encode("utf-16-le") + b"\x00" * 64


def test_doc_without_a_converter_is_e113_naming_what_to_install(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(CongvanError) as err:
        read_bytes(DOC, "cv.doc")
    assert err.value.code == "E113"
    assert "antiword" in str(err.value) and "LibreOffice" in str(err.value)


def _fake_tool(folder: Path, name: str, script: str) -> None:
    tool = folder / name
    tool.write_text("#!/bin/sh\n" + script)
    tool.chmod(tool.stat().st_mode | stat.S_IEXEC)


def test_doc_goes_through_antiword_when_installed(tmp_path, monkeypatch):
    _fake_tool(tmp_path, "antiword", 'printf "Số: 12/STNMT-VP\\r\\nKính gửi: Các phòng\\n"\n')
    monkeypatch.setenv("PATH", str(tmp_path))
    read = read_bytes(DOC, "cv.doc")
    assert (read.reader, read.text) == ("doc", "Số: 12/STNMT-VP\nKính gửi: Các phòng\n")


def test_doc_converter_failure_is_e111(tmp_path, monkeypatch):
    _fake_tool(tmp_path, "antiword", 'echo "I can\'t find the name of your HOME environment variable" >&2; exit 1\n')
    monkeypatch.setenv("PATH", str(tmp_path))
    assert code_of(lambda: read_bytes(DOC, "cv.doc")) == "E111"


def test_doc_through_libreoffice_when_antiword_is_missing(tmp_path, monkeypatch):
    # soffice --headless --convert-to txt:... --outdir DIR FILE writes DIR/<stem>.txt
    _fake_tool(tmp_path, "soffice", 'printf "\\357\\273\\277Số: 12/STNMT-VP" > "$5/document.txt"\n')
    monkeypatch.setenv("PATH", str(tmp_path))
    assert read_bytes(DOC, "cv.doc").text == "Số: 12/STNMT-VP"


# --- the interface -----------------------------------------------------------------------------

def test_read_path_reads_a_file(tmp_path):
    path = tmp_path / "cv.docx"
    path.write_bytes(build_docx(KON_TUM))
    assert read_path(path).reader == "docx"
    assert code_of(lambda: read_path(tmp_path / "missing.pdf")) == "E100"


@pytest.mark.parametrize(("data", "code"), [(b"", "E101"), (b"  \n\t", "E101"), (b"x" * 2_000_001, "E104")])
def test_empty_and_oversized_input(data, code):
    assert code_of(lambda: read_bytes(data, max_mb=2)) == code


def test_plain_text_reading_imports_no_format_library():
    # The hot path: reading .txt must not pay for python-docx, pypdf or BeautifulSoup.
    script = ("import sys; from pipeline.extract import extract_bytes; "
              "extract_bytes('Số: 12/STNMT-VP\\nKon Tum, ngày 05 tháng 10 năm 2021'.encode()); "
              "print(sorted(m for m in ('docx', 'pypdf', 'bs4', 'lxml', 'fpdf') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    assert done.stdout.strip() == "[]"


def _with_xml(paragraph_xml: str) -> bytes:
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:v="urn:schemas-microsoft-com:vml" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')
    return _docx(lambda d: d.element.body.insert(0, parse_xml(paragraph_xml.replace("NS", ns))))


def test_docx_tracked_changes_read_as_accepted():
    data = _with_xml('<w:p NS><w:r><w:t xml:space="preserve">Kế hoạch số </w:t></w:r>'
                     '<w:del w:id="1" w:author="VT"><w:r><w:delText>47</w:delText></w:r></w:del>'
                     '<w:ins w:id="2" w:author="VT"><w:r><w:t>48</w:t></w:r></w:ins>'
                     '<w:r><w:t>/KH-UBND</w:t><w:tab/><w:t>ngày 30/3/2022</w:t></w:r></w:p>')
    assert read_bytes(data).text == "Kế hoạch số 48/KH-UBND\tngày 30/3/2022"


def test_docx_text_box_lines_follow_their_paragraph_once():
    box = ('<w:txbxContent><w:p><w:r><w:t>UBND TỈNH KON TUM</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG</w:t></w:r></w:p></w:txbxContent>')
    data = _with_xml('<w:p NS><w:r><w:t>Số: 12/STNMT-VP</w:t></w:r><w:r><mc:AlternateContent>'
                     f'<mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
                     f'<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
                     '</mc:AlternateContent></w:r></w:p>')
    assert read_bytes(data).text == "Số: 12/STNMT-VP\n\nUBND TỈNH KON TUM\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"


def test_pdf_header_written_across_the_page_reads_column_by_column():
    # Some producers write a two-column header row by row: left1 right1, left2 right2.
    from fpdf import FPDF

    from tests.fixtures.builders import FONT

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    rows = [("UBND TỈNH KON TUM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 20),
            ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Độc lập - Tự do - Hạnh phúc", 26),
            ("Số: 12/STNMT-VP", "Kon Tum, ngày 05 tháng 10 năm 2021", 40),
            ("V/v Phát động phong trào", "", 46)]
    for left, right, y in rows:
        pdf.text(20, y, left)
        if right:
            pdf.text(110, y, right)
    pdf.text(20, 60, "Kính gửi: Các phòng, đơn vị trực thuộc Sở")
    text = read_bytes(bytes(pdf.output())).text
    assert text == ("UBND TỈNH KON TUM\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "Độc lập - Tự do - Hạnh phúc\n\nSố: 12/STNMT-VP\nV/v Phát động phong trào\n\n"
                    "Kon Tum, ngày 05 tháng 10 năm 2021\n\nKính gửi: Các phòng, đơn vị trực thuộc Sở")


# --- any input: a Text or a CongvanError, never a traceback -------------------------------------

_PREFIXES = [b"", b"PK\x03\x04", b"PK\x03\x04word/document.xml", b"%PDF-1.4\n", OLE, b"<html>", b"\xef\xbb\xbf",
             b"\xff\xfe", b"{\\rtf1", b"\x89PNG"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_PREFIXES), st.binary(max_size=400))
def test_any_bytes_read_or_fail_with_a_catalogue_code(prefix, tail):
    try:
        read = read_bytes(prefix + tail, "input")
    except CongvanError as exc:
        assert exc.code.startswith("E1")
    else:
        assert isinstance(read.text, str) and read.reader in {"text", "docx", "pdf", "html", "doc"}


@settings(max_examples=50, deadline=None)
@given(st.floats(min_value=0.05, max_value=0.99))
def test_any_cut_of_a_docx_or_pdf_reads_or_fails_with_a_catalogue_code(cut):
    for data, name in ((kon_tum_docx(), "cv.docx"), (kon_tum_pdf(), "cv.pdf")):
        try:
            read_bytes(data[: int(len(data) * cut)], name)
        except CongvanError as exc:
            assert exc.code in {"E111", "E112", "E105"}, exc


@cache
def kon_tum_docx() -> bytes:
    return build_docx(KON_TUM)


@cache
def kon_tum_pdf() -> bytes:
    return build_pdf(KON_TUM)


# --- legacy fonts inside documents --------------------------------------------------------------

def test_docx_typed_in_tcvn3_fonts_is_converted():
    read = read_bytes(build_docx(ENCODERS["tcvn3"](KON_TUM), header_table=True), "cv.docx")
    assert (read.reader, read.encoding) == ("docx", "tcvn3")
    assert read.text.startswith("UBND TỈNH KON TUM\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\n\nCỘNG HÒA XÃ HỘI")
    assert "Kính gửi: Các phòng, đơn vị trực thuộc Sở" in read.text


def test_pdf_in_vni_fonts_is_converted_and_pages_still_start_where_they_did():
    body = "\n\n".join(f"{i}. Phòng Tài nguyên và Môi trường các huyện, thành phố thực hiện thi đua." for i in range(1, 80))
    read = read_bytes(build_pdf(ENCODERS["vni"](KON_TUM + "\n\n" + body)), "cv.pdf")
    assert (read.reader, read.encoding) == ("pdf", "vni")
    assert read.pages and len(read.pages) >= 2
    assert read.text.startswith("UBND TỈNH KON TUM")
    for start in read.pages[1:]:
        assert read.text[start - 1] == "\n" and regex.match(r"\d+\. Phòng Tài nguyên", read.text[start:])


@pytest.mark.parametrize("garbage", ["\x03\x11\x05\x07 \x12\x04\x06", "\ue001\ue002\ue003 \ue004", "\ufffd\ufffd S"])
def test_pdf_text_from_fonts_without_unicode_map_is_e112(monkeypatch, garbage):
    # What pypdf returns for glyph codes of an embedded font that has no ToUnicode map.
    from pipeline.readers import pdf_reader

    monkeypatch.setattr(pdf_reader, "_pages", lambda reader, data: [garbage * 20, garbage * 20])
    with pytest.raises(CongvanError) as err:
        read_bytes(build_pdf(KON_TUM), "cv.pdf")
    assert err.value.code == "E112" and "Unicode map" in str(err.value)


def _table_docx(rows: list[tuple[str, ...]]) -> bytes:
    def build(d):
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                t.cell(r, c).text = value

    return _docx(build)


TABLE_CASES = [
    # header table with an empty spacer column: still read cell by cell
    ([("UBND TỈNH KON TUM", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), ("Số: 12/STNMT-VP", "", "Kon Tum, ngày 05")],
     "UBND TỈNH KON TUM\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 12/STNMT-VP\n\nKon Tum, ngày 05"),
    # signature table
    ([("Nơi nhận:\n- Như trên;", "GIÁM ĐỐC\nNguyễn Văn Lộc")], "Nơi nhận:\n- Như trên;\n\nGIÁM ĐỐC\nNguyễn Văn Lộc"),
    # two columns over many rows: a data table
    ([("STT", "Nội dung"), ("1", "Tuyên truyền"), ("2", "Khen thưởng"), ("3", "Sơ kết")],
     "| STT | Nội dung |\n\n| 1 | Tuyên truyền |\n\n| 2 | Khen thưởng |\n\n| 3 | Sơ kết |"),
]


@pytest.mark.parametrize(("rows", "expected"), TABLE_CASES)
def test_docx_layout_and_data_tables(rows, expected):
    assert read_bytes(_table_docx(rows)).text == expected


def test_html_rows_with_three_filled_cells_become_pipe_lines():
    page = ("<html><body><table><tr><td>UBND TỈNH KON TUM</td><td>&nbsp;</td><td>CỘNG HÒA XÃ HỘI</td></tr>"
            "<tr><td>1</td><td>Tuyên truyền</td><td>Văn phòng Sở</td></tr></table></body></html>")
    assert read_bytes(page.encode()).text == "UBND TỈNH KON TUM\n\nCỘNG HÒA XÃ HỘI\n\n| 1 | Tuyên truyền | Văn phòng Sở |"


# --- plain text --------------------------------------------------------------------------------

def to_cp1258(text: str) -> bytes:
    """Windows Vietnamese: the base letter (with its circumflex, breve or horn) + a combining tone."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


@needs_shared
@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in seed_paths()])
def test_cp1258_seeds_are_not_mistaken_for_legacy_fonts(path):
    original = path.read_text(encoding="utf-8")
    read = read_bytes(to_cp1258(original), path.name)
    assert read.encoding == "cp1258" and not read.warnings
    assert unicodedata.normalize("NFC", read.text) == unicodedata.normalize("NFC", original)


def test_bytes_in_no_known_encoding_are_e103():
    # 0x81 is undefined in CP1258 and the bytes are not UTF-8.
    assert code_of(lambda: read_bytes(b"S\x81 12 \x81\x81 ng\x81y")) == "E103"
