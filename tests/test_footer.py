"""Stage `footer`: signer and "Nơi nhận" on the seeds, on corpus pages and on converted layouts."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline import footer
from pipeline.document import Doc
from pipeline.footer import expand_purpose
from pipeline.record import Footer
from tests.conftest import CORPUS, gold, needs_shared, seed_paths, seed_record

SEEDS = [p.stem for p in seed_paths()]


def _read(text: str) -> tuple[Doc, Footer]:
    doc = Doc.from_text(text)
    footer.add(doc)
    return doc, doc.record.footer


def _fold(value: object) -> str:
    return " ".join(unicodedata.normalize("NFC", str(value or "")).casefold().split())


@needs_shared
@pytest.mark.parametrize("stem", SEEDS)
def test_seed_signer_and_distribution(stem: str) -> None:
    want = gold(stem)["footer"]
    got = seed_record(stem).footer
    for key, value in want["signer"].items():
        assert _fold(getattr(got.signer, key)) == _fold(value), key
    assert [_fold(d.name) for d in got.distribution] == [_fold(d["name"]) for d in want["distribution"]]
    assert got.archive and got.archive.startswith("VT")  # the "Lưu" line, never an entry


@needs_shared
def test_seed_purposes() -> None:
    dist = seed_record("001_e4bdeb6f1d0e3bfb").footer.distribution
    purposes = {d.name: d.purpose for d in dist}
    assert purposes["UBND tỉnh"] == "báo cáo"  # (B/c)
    assert purposes["Sở Nội vụ"] == "phối hợp"  # (P/hợp)
    assert purposes["Sở Xây dựng"] == "Trưởng khối thi đua QLNN 2"  # kept as written
    assert purposes["BGĐ Sở"] is None


@needs_shared
@pytest.mark.parametrize("stem", SEEDS)
def test_seed_body_end_keeps_the_closing_paragraph(stem: str) -> None:
    doc = Doc.from_text((seed_paths()[SEEDS.index(stem)]).read_text(encoding="utf-8"))
    footer.add(doc)
    assert doc.body_end is not None
    tail = doc.text[doc.body_end:]
    assert tail.startswith("Nơi nhận")
    assert "Trên đây" not in tail


# (footer text, authority, position, name, distribution names, archive)
LAYOUTS = [
    (  # a list printed without bullets, position then name
        "Nội dung./.\n\nNơi nhận:\nNhư trên;\nLưu: VT.\n\nGIÁM ĐỐC\n\nNguyễn Văn A",
        None, "Giám đốc", "Nguyễn Văn A", ["Như trên"], "VT"),
    (  # a markdown table row: list | signature, cells broken by <br>
        "| Nơi nhận:<br>- Như trên;<br>- Lưu: VT. | KT. GIÁM ĐỐC<br>PHÓ GIÁM ĐỐC<br><br>Trần Thị B |",
        "KT", "Phó Giám đốc", "Trần Thị B", ["Như trên"], "VT"),
    (  # two columns laid side by side with spaces; nested authority TM / KT
        "Nơi nhận:                  TM. ỦY BAN NHÂN DÂN\n- Như trên;                KT. CHỦ TỊCH\n"
        "- Lưu: VT.                 PHÓ CHỦ TỊCH\n\n                           Lê Văn C",
        "KT", "Phó Chủ tịch", "Lê Văn C", ["Như trên"], "VT"),
    (  # the signature first, an inline list
        "Điều 3. Thi hành./.\n\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\n(Đã ký)\nPhạm Minh Chính\n\n"
        "Nơi nhận: Ban Bí thư Trung ương Đảng; Văn phòng Quốc hội; Lưu: VT, KTTH.",
        "TM", "Thủ tướng", "Phạm Minh Chính", ["Ban Bí thư Trung ương Đảng", "Văn phòng Quốc hội"], "VT, KTTH"),
    (  # authority and position run together without a line break
        "Nơi nhận:\n- Các Bộ;\n- Lưu: VT, Vụ NSNN (100 bản).\n\nKT. BỘ TRƯỞNGTHỨ TRƯỞNG\n\nNguyễn Đức Chi",
        "KT", "Thứ trưởng", "Nguyễn Đức Chi", ["Các Bộ"], "VT, Vụ NSNN (100 bản)"),
    (  # a rank before the name, a Lưu line without colon
        "Nơi nhận:\n- Như Điều 3;\n- Lưu VT.\n\nBỘ TRƯỞNG\n\nĐại tướng Lương Tam Quang",
        None, "Bộ trưởng", "Lương Tam Quang", ["Như Điều 3"], "VT"),
    (  # the signature column interleaved with the list by OCR
        "Nơi nhận: KT. BỘ TRƯỞNG\n- Ban Bí thư Trung ương Đảng; THỨ TRƯỞNG\n- Thủ tướng Chính phủ;\n"
        "- Lưu: VT, CST.\n\nCao Anh Tuấn",
        "KT", "Thứ trưởng", "Cao Anh Tuấn", ["Ban Bí thư Trung ương Đảng", "Thủ tướng Chính phủ"], "VT, CST"),
    (  # the signature above "Nơi nhận", its name after the list
        "Trên đây là kế hoạch./.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nNguyễn Văn A",
        "KT", "Phó Giám đốc", "Nguyễn Văn A", ["Như trên"], "VT"),
    (  # no "Nơi nhận" at all
        "Trên đây là kế hoạch./.\n\nGIÁM ĐỐC\n\nNguyễn Văn A", None, "Giám đốc", "Nguyễn Văn A", [], None),
    (  # an upper-case heading that names a position is not a signature
        "I. MỤC ĐÍCH\n\nGIÁM ĐỐC SỞ\n\nII. NỘI DUNG\n", None, None, None, [], None),
    (  # a page heading repeats "Nơi nhận" above the document's own
        "## NƠI NHẬN\n\nNơi nhận:\n- Ban Bí thư Trung ương Đảng;\n- Lưu: VT, HCSN.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n"
        "Nguyễn Thị Bích Ngọc",
        "KT", "Thứ trưởng", "Nguyễn Thị Bích Ngọc", ["Ban Bí thư Trung ương Đảng"], "VT, HCSN"),
    (  # haugiang-454: a file path between "Lưu" and the signature, blank-looking lines, a ";" after the name
        "Nơi nhận:\n\n- Như trên;\n\n- Sở, ban, ngành tỉnh;\n\n- Lưu: VT, NCTH.HH\n\n"
        "d:\\2011\\CV\\SVH\\T4\\Bau cho Vinh Ha Long\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\n \n\n \n\n \n\n \n\n \n\n"
        "Trần Thành Lập;\n\n;",
        "KT", "Phó Chủ tịch", "Trần Thành Lập", ["Như trên", "Sở, ban, ngành tỉnh"], "VT, NCTH.HH"),
    (  # a list entry broken over two lines
        "Nơi nhận:\n- VPCP: BTCN, các PCN, Trợ lý TTg,\ncác Vụ, Cục, Công báo;\n- Lưu: VT.\n\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG",
        "TM", "Thủ tướng", None, ["VPCP: BTCN, các PCN, Trợ lý TTg, các Vụ, Cục, Công báo"], "VT"),
]


@pytest.mark.parametrize(("text", "authority", "position", "name", "names", "archive"), LAYOUTS)
def test_layouts(text: str, authority: str | None, position: str | None, name: str | None,
                 names: list[str], archive: str | None) -> None:
    doc, f = _read(text)
    assert (f.signer.authority, f.signer.position, f.signer.name) == (authority, position, name)
    assert [d.name for d in f.distribution] == names
    assert f.archive == archive
    for d in f.distribution:  # every entry's span sits on the text as read
        assert d.span is not None
        s, e = d.span
        assert _fold(d.name.split(" ")[0]) in _fold(doc.source[s:e])


def test_body_end_at_the_first_of_signature_and_list() -> None:
    doc, _ = _read(next(case[0] for case in LAYOUTS if case[0].startswith("Trên đây là kế hoạch./.\nKT.")))
    assert doc.text[doc.body_end:].startswith("KT. GIÁM ĐỐC")
    assert doc.text[:doc.body_end].rstrip().endswith("./.")


def test_receiving_office_in_the_body_is_not_the_footer() -> None:
    doc, f = _read("Điều 5. Hồ sơ\nNơi nhận hồ sơ: Bộ phận một cửa;\n- Sở Tài chính;\n\nĐiều 6. Thời hạn")
    assert doc.body_end is None and f.distribution == []


def test_no_footer_leaves_body_open() -> None:
    doc, f = _read("Căn cứ Luật Tổ chức Chính phủ;\n\n1. Nội dung thứ nhất.\n2. Nội dung thứ hai.")
    assert doc.body_end is None and f.signer.position is None and f.distribution == []


@pytest.mark.parametrize("text", ["", "Nơi nhận:", "KT.", "- ;\n- ;", "Nơi nhận:\n-\n-\nLưu:"])
def test_bad_input_does_not_fail(text: str) -> None:
    doc, f = _read(text)
    assert all(d.name for d in f.distribution)
    assert doc.body_end is None or 0 <= doc.body_end <= len(doc.text)


@pytest.mark.parametrize(("raw", "expected"), [
    ("B/c", "báo cáo"), ("b/c", "báo cáo"), ("để báo cáo", "báo cáo"), ("P/hợp", "phối hợp"),
    ("p/h", "phối hợp"), ("để biết", "biết"), ("t/h", "thực hiện"), ("để chỉ đạo", "chỉ đạo"),
    ("Trưởng khối thi đua QLNN 2", None), ("", None),
])
def test_expand_purpose(raw: str, expected: str | None) -> None:
    assert expand_purpose(raw) == expected


# Real pages: the signature as the converted page prints it (after "## VĂN BẢN").
CORPUS_SIGNERS = [
    ("tai-chinh-thong-tu-26-2026-tt-btc-huong-dan-nghi-dinh-73-2026-luat-ngan-sach.md",
     ("KT", "Thứ trưởng", "Nguyễn Đức Chi")),  # "KT. BỘ TRƯỞNGTHỨ TRƯỞNG"
    ("thue-phi-le-phi-cac-khoan-thu-khac-nghi-dinh-201-2026-nd-cp-sua-doi-thue-suat-xuat-khau.md",
     ("KT", "Phó Thủ tướng", "Nguyễn Văn Thắng")),  # TM. CHÍNH PHỦ / KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG
    ("an-ninh-xuat-nhap-canh-thong-tu-70-2026-tt-bca-sua-doi-giay-to-nguoi-nuoc-ngoai.md",
     (None, "Bộ trưởng", "Lương Tam Quang")),  # "Đại tướng Lương Tam Quang"
    ("chinh-phu-nghi-quyet-66.22-2026-nq-cp-phat-trien-cong-dan-so.md", ("TM", "Thủ tướng", "Phạm Minh Chính")),
]


@pytest.mark.skipif(not CORPUS.exists(), reason="corpus not beside the checkout")
@pytest.mark.parametrize(("page", "expected"), CORPUS_SIGNERS)
def test_corpus_signers(page: str, expected: tuple) -> None:
    text = (CORPUS / page).read_text(encoding="utf-8")
    text = text.split("\n## VĂN BẢN\n", 1)[-1]  # the document, or the whole page when it has no such part
    _, f = _read(text)
    assert (f.signer.authority, f.signer.position, f.signer.name) == expected
    assert len(f.distribution) >= 5 and f.archive and f.archive.startswith("VT")


@pytest.mark.parametrize(("block", "authority", "position", "name"), [
    # the slashed authority of Party, Đoàn and older state documents
    ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\n\nNguyễn Văn Hùng", "TM", "Phó Bí thư", "Nguyễn Văn Hùng"),
    ("K/T GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Thị Mai", "KT", "Phó Giám đốc", "Trần Thị Mai"),
    ("T/L CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nLê Văn Hòa", "TL", "Chánh Văn phòng", "Lê Văn Hòa"),
])
def test_slashed_authority(block: str, authority: str, position: str, name: str) -> None:
    _, f = _read("1. Giao Sở Nội vụ thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n" + block + "\n")
    assert (f.signer.authority, f.signer.position, f.signer.name) == (authority, position, name)


# Quyết định khen thưởng of the Thủ tướng as two portals store them (data/tuning/structure2: ttg-345-qd-ttg,
# a PDF's text with the authority undotted and both positions on one line; ttg-backan-co-thi-dua, a web
# copy with the position in sentence case under the authority).
@pytest.mark.parametrize(("text", "position"), [
    ("Điều 2 Chủ tịch UBND tỉnh Quảng Ninh chịu trách nhiệm thi hành Quyết định này./\nNơi nhận:\n"
     "- Chủ tịch UBND tỉnh Quảng Ninh;\n- Ban Thi đua-Khen thưởng TW;\n- BTCN VPCP;\n- Website Chính phủ;\n"
     "KT THỦ TƯỚNG PHÓ THỦ TƯỚNG\n(Đã ký)\nNguyễn Sinh Hùng\nT", "Phó Thủ tướng"),
    ("Điều 2. Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn chịu trách nhiệm thi hành Quyết định này./.\n\n"
     "KT. THỦ TƯỚNG\n\nPhó Thủ tướng\n\n(Đã ký)\n\n \n\nNguyễn Sinh Hùng", "Phó Thủ tướng"),
    ("1. Giao Sở Nội vụ thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG THỨ TRƯỞNG\n\n"
     "Nguyễn Sinh Hùng", "Thứ trưởng"),
    ("1. Giao Sở Nội vụ thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n"
     "Nguyễn Sinh Hùng", "Phó Giám đốc"),
])
def test_deputy_under_ky_thay(text: str, position: str) -> None:
    _, f = _read(text)
    assert (f.signer.authority, f.signer.position, f.signer.name) == ("KT", position, "Nguyễn Sinh Hùng")


def test_brace_purpose_after_semicolon_joins_the_entry_before() -> None:
    # data/tuning/full/hanoi-2280-qd-ubnd-2026: the brace purpose of a Word table lands after ";".
    text = ("Nơi nhận:\n- Đ/c Bí thư Thành ủy;\n- Thường trực Thành ủy; (để b/c)\n- Chủ tịch UBND Thành phố;\n"
            "- UBND các phường, xã; (để ph/h th/h)\n- Lưu: VT, ĐT (M).\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n"
            "PHÓ CHỦ TỊCH\n\nTrương Việt Dũng")
    _, f = _read(text)
    assert [(d.name, d.purpose) for d in f.distribution] == [
        ("Đ/c Bí thư Thành ủy", None), ("Thường trực Thành ủy", "báo cáo"), ("Chủ tịch UBND Thành phố", None),
        ("UBND các phường, xã", "phối hợp thực hiện")]
    second = f.distribution[1].span
    assert second is not None and text[second[0]:second[1]] == "- Thường trực Thành ủy; (để b/c)"


def test_doubled_list_marks_of_a_converted_scan() -> None:
    # data/tuning/full/longan-a308-cv-ubnd-2010: OCR to markdown writes "- - " before each entry.
    text = ("Nơi nhận:\n\n- - CT, PCT.UBND tỉnh (Trần Hữu Phước);\n- - Như trên;\n- - Giám đốc Sở VHTTDL;\n"
            "- - Phòng NCVX;\n- - Lưu: VT, V.\n\nTM. ỦY BAN NHÂN DÂN TỈNH  \nKT. CHỦ TỊCH  \nPHÓ CHỦ TỊCH\n\n"
            "Trần Hữu Phước")
    _, f = _read(text)
    assert [d.name for d in f.distribution] == ["CT, PCT.UBND tỉnh", "Như trên", "Giám đốc Sở VHTTDL", "Phòng NCVX"]
    assert f.archive == "VT, V"


def test_a_name_alone_under_the_list_is_the_signer() -> None:
    # data/tuning/full/tantru-423-cv-ldtbxh-2010: the scan's OCR kept the name, not the title above it
    text = "Kính đề nghị Sở LĐTB&XH xem xét giải quyết.\n\n**Nơi nhận:**\n\n- - Như trên;\n- - UBND huyện;\n- - Lưu\n\n**Nguyễn Văn Thuận**"
    _, f = _read(text)
    assert (f.signer.authority, f.signer.position, f.signer.name) == (None, None, "Nguyễn Văn Thuận")
    assert f.signer.span is not None and text[f.signer.span[0]:f.signer.span[1]] == "Nguyễn Văn Thuận"
    # a capitalised line that is no name stays out ("Phụ lục kèm theo")
    _, f = _read("Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nPhụ lục Kèm Theo")
    assert f.signer.name is None
