"""References: every cited act, read from real sentences of the seeds and the corpus."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from pipeline.document import Doc
from pipeline.references import add, find_references
from pipeline.references_grammar import NUMBER, number_of, symbol_of, type_code, types_by_alias
from pipeline.tables import load
from tests.conftest import CORPUS, gold, needs_shared, seed_paths, seed_record

TABLE = load("reference_patterns")

# (sentence, expected fields of the first reference) — sentences as the documents write them.
CASES = [
    # seed 000: the legal basis of a Sở's dispatch
    ("Căn cứ Kế hoạch số 48/KH-UBND ngày 30/3/2022 của Chủ tịch UBND tỉnh Sóc Trăng về việc Phát động phong trào thi đua năm 2022;",
     {"doc_type": "Kế hoạch", "number": "48", "symbol": "KH-UBND", "date": "2022-03-30",
      "issuer": "Chủ tịch UBND tỉnh Sóc Trăng", "relation": "căn cứ", "title": "Phát động phong trào thi đua năm 2022"}),
    # seed 001: named Kế hoạch, cited by the Công văn that carries it; issuer before the type
    ("Thực hiện Kế hoạch tổ chức thực hiện phong trào thi đua đặc biệt của UBND tỉnh Khánh Hòa tại Công văn số 12718/KH-UBND ngày 21/12/2022.",
     {"doc_type": "Công văn", "number": "12718", "symbol": "KH-UBND", "date": "2022-12-21", "issuer": "UBND tỉnh Khánh Hòa",
      "relation": "thực hiện"}),
    # seed 002: công văn symbol without a type code
    ("Căn cứ Công văn số 8240/BTNMT-TĐKTTT ngày 31/12/2021 của Bộ Tài nguyên và Môi trường về việc phát động phong trào thi đua năm 2022,",
     {"doc_type": "Công văn", "number": "8240", "symbol": "BTNMT-TĐKTTT", "issuer": "Bộ Tài nguyên và Môi trường"}),
    # seed 003: the issuer stops before a capitalised verb
    ("Thực hiện Kế hoạch số 3510/KH-UBND ngày 30/9/2021 của Ủy ban nhân dân tỉnh Triển khai Phong trào thi đua đặc biệt",
     {"number": "3510", "date": "2021-09-30", "issuer": "Ủy ban nhân dân tỉnh", "relation": "thực hiện"}),
    # seed 004: Party number, date in words, quoted title
    ("Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị về “Tiếp tục đổi mới công tác thi đua, khen thưởng”,",
     {"doc_type": "Chỉ thị", "number": "34", "symbol": "CT/TW", "date": "2014-04-07", "issuer": "Bộ Chính trị",
      "title": "Tiếp tục đổi mới công tác thi đua, khen thưởng"}),
    # corpus: laws carry their name between type and number
    ("Căn cứ Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam số 47/2014/QH13;",
     {"doc_type": "Luật", "number": "47", "symbol": "2014/QH13", "issuer": "Quốc hội",
      "title": "Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam"}),
    ("Căn cứ Bộ luật Hàng hải Việt Nam số 95/2015/QH13;", {"doc_type": "Bộ luật", "symbol": "2015/QH13"}),
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;", {"doc_type": "Luật", "number": "64"}),
    # corpus: a decree with its date in words and a "quy định …" title
    ("Căn cứ Nghị định số 37/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ của Bộ Giáo dục và Đào tạo;",
     {"doc_type": "Nghị định", "date": "2025-02-26", "issuer": "Chính phủ",
      "title": "quy định chức năng, nhiệm vụ của Bộ Giáo dục và Đào tạo"}),
    # corpus: numbers left as markdown links
    ("*Căn cứ Luật Giáo dục số [43/2019/QH14] được sửa đổi, bổ sung;*", {"doc_type": "Luật", "number": "43", "symbol": "2019/QH14"}),
    # corpus: abbreviated type, old Party-style decree without a slash
    ("Nghị định 02/2025/NĐ-CP (Bộ Công an), sửa đổi bổ sung bởi NĐ 11/2025/NĐ-CP", {"doc_type": "Nghị định", "number": "02"}),
    ("trợ cấp hằng tháng theo Quyết định số 130-CP ngày 20 tháng 6 năm 1975", {"doc_type": "Quyết định", "symbol": "CP", "date": "1975-06-20"}),
    # Party date style
    ("quán triệt Nghị quyết số 57-NQ/TW ngày 22-12-2024 của Bộ Chính trị", {"symbol": "NQ/TW", "date": "2024-12-22"}),
    # no type written: read off the symbol
    ("và các văn bản 1074/QĐ-BXD;", {"doc_type": "Quyết định", "number": "1074"}),
    # issuers with commas and "và"
    ("Thông tư số 21/2026/TT-BVHTTDL của Bộ Văn hóa, Thể thao và Du lịch quy định", {"issuer": "Bộ Văn hóa, Thể thao và Du lịch"}),
    ("Thông tư số 16/2008/TTLT-BLĐTBXH-BTC của Bộ Lao động – Thương binh và Xã hội hướng dẫn",
     {"issuer": "Bộ Lao động – Thương binh và Xã hội"}),
    # provincial dispatches: the type whose code the symbol carries wins over a nearer word
    ("Căn cứ Thông báo kết luận số 45/TB-UBND ngày 3/4/2023 của Chủ tịch UBND tỉnh", {"doc_type": "Thông báo", "warnings": []}),
    ("Căn cứ Nghị quyết số 12/NQ-HĐND ngày 10/12/2021 của Hội đồng nhân dân tỉnh khóa XII, kỳ họp thứ 3",
     {"issuer": "Hội đồng nhân dân tỉnh khóa XII"}),
    ("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 2/5/2023.",
     {"doc_type": "Tờ trình", "issuer": "Giám đốc Sở Nội vụ"}),
    ("Thực hiện Văn bản số 2345/UBND-KGVX ngày 20/9/2022 của UBND tỉnh về việc tổ chức các hoạt động;",
     {"doc_type": "Công văn", "issuer": "UBND tỉnh", "title": "tổ chức các hoạt động"}),
    # a line broken after the hyphen of the symbol
    ("Căn cứ Kế hoạch số 48/KH-\nUBND ngày 30/3/2022", {"symbol": "KH-UBND", "date": "2022-03-30"}),
    ("Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII về",
     {"symbol": "KL/TW", "issuer": "Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII"}),
    # data/provincial: real provincial texts as web pages store them
    ("và thay thế Quyết định số 01/1999/QĐ.UB ngày 15/01/1999 của Ủy ban nhân dân tỉnh Tiền Giang về ban hành",
     {"doc_type": "Quyết định", "symbol": "1999/QĐ.UB", "issuer": "Ủy ban nhân dân tỉnh Tiền Giang"}),
    ("KÈM THEO QUYẾT ĐỊNH SỐ 13/2018/QĐ-UBND NGÀY 27 THÁNG 4 NĂM 2018 CỦA ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\n",
     {"date": "2018-04-27", "issuer": "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN"}),
    ("THỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG NGÀY 16 THÁNG 7 NĂM 2021 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ VIỆC PHÁT ĐỘNG THI ĐUA",
     {"doc_type": "Chỉ thị", "issuer": "THỦ TƯỚNG CHÍNH PHỦ"}),
    ("Kế hoạch số 16/KH-HĐTĐKT ngày 31/8/2021 của Hội đồng Thi đua - Khen thưởng Trung ương, Ủy ban nhân dân tỉnh Nghệ An ban hành Kế hoạch",
     {"issuer": "Hội đồng Thi đua - Khen thưởng Trung ương"}),
    ("Theo đề nghị tại Tờ trình số\n42/TTr-VPUB ngày 06/11/2018 của Chánh Văn phòng\nỦy ban nhân dân tỉnh,",
     {"doc_type": "Tờ trình", "issuer": "Chánh Văn phòng Ủy ban nhân dân tỉnh"}),
    ("thực hiện Quyết định số 95/QĐ-BCĐ ngày 27/9/2013 của Ban Chỉ đạo Phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa"
     " và Xây dựng nếp sống văn hóa - văn minh đô thị thành phố (sau đây viết tắt là Ban Chỉ đạo thành phố)",
     {"issuer": "Ban Chỉ đạo Phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa và Xây dựng nếp sống văn hóa"}),
    ("năm học 2022-2023, Sở Giáo dục và Đào tạo đã ban hành Công văn số 2062/SGDĐT-KHTC ngày 15/7/2022 về việc thực hiện",
     {"doc_type": "Công văn", "issuer": "Sở Giáo dục và Đào tạo"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_reads_a_citation(text, expected):
    refs = find_references(text)
    assert refs, text
    got = {k: getattr(refs[0], k) for k in expected}
    assert got == expected


# Sentences with numbers that are not acts, or acts without numbers (CONTRACT.md: not listed).
@pytest.mark.parametrize("text", [
    *TABLE["not_references"],
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
    "Phát động thi đua từ ngày 01/01/2023 đến ngày 31/12/2023.",
    "chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2021-2025, tỷ lệ 50/50",
    "Thi đua phòng, chống COVID-19 và HIV/AIDS",
    "Điều 23.9.NĐ.1.4. của",
    "theo Quy chuẩn kỹ thuật quốc gia (QCVN 01:2009/BYT) ban hành",
    "http://thuvienphapluat.vn/tim-van-ban.aspx?keyword=01/XNCG-%C4%90NMT",
    "a) Ký hiệu mẫu chứng từ là 03/TNCN;",
    "",
])
def test_no_reference(text):
    assert find_references(text) == []


def test_list_inherits_the_type_and_relation():
    text = ("Căn cứ Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung một số điều bởi các Luật số 43/2024/QH15,"
            " số 47/2024/QH15 và số 58/2024/QH15;")
    refs = find_references(text)
    assert [(r.doc_type, r.number) for r in refs] == [("Luật", "31"), ("Luật", "43"), ("Luật", "47"), ("Luật", "58")]
    assert refs[3].relation == refs[2].relation


def test_mismatch_between_name_and_symbol_is_kept_and_flagged():
    ref = find_references("tại Công văn số 12718/KH-UBND ngày 21/12/2022")[0]
    assert ref.doc_type == "Công văn"
    assert ref.warnings and "Kế hoạch" in ref.warnings[0]


def test_occurrences_share_a_canonical_id_and_lend_each_other_details():
    text = ("Căn cứ Kế hoạch số 48/KH-UBND của UBND tỉnh Sóc Trăng;\n"
            "Triển khai Kế hoạch số 48/KH-UBND ngày 30/3/2022 về phát động thi đua.\n"
            "Chỉ thị 05-CT/TW và Nghị định số 30/2020/NĐ-CP")
    refs = find_references(text)
    assert [r.canonical_id for r in refs] == [
        "48/KH-UBND:2022:UBND tỉnh Sóc Trăng", "48/KH-UBND:2022:UBND tỉnh Sóc Trăng", "5-CT/TW", "30/2020/NĐ-CP"]
    assert refs[0].date == "2022-03-30"
    assert refs[1].issuer == "UBND tỉnh Sóc Trăng"


def test_own_number_is_not_a_reference():
    doc = Doc.from_text("Số: 48/KH-UBND\nCăn cứ Kế hoạch số 06/KH-STNMT; Kế hoạch 48/KH-UBND này")
    doc.record.header.number, doc.record.header.symbol = "48", "KH-UBND"
    add(doc)
    assert [r.number for r in doc.record.references] == ["06"]


def test_spans_are_source_spans():
    source = "Căn cứ Kế hoạch số\n48/KH-UBND ngày 30/3/2022\ncủa UBND tỉnh Sóc Trăng về việc thi đua;"
    doc = Doc.from_text(source)
    add(doc)
    (ref,) = doc.record.references
    start, end = ref.span
    assert source[start:end].startswith("Kế hoạch số")
    assert "Sóc Trăng" in source[start:end]


# ---- the data table is policed ----

def test_every_type_has_a_name_and_known_codes_are_unique_per_alias():
    for row in TABLE["types"]:
        assert row["name"] and row["aliases"], row
        for alias in row["aliases"]:
            assert types_by_alias()[alias].name == row["name"] or alias == "Văn bản"


@pytest.mark.parametrize("example", TABLE["examples"], ids=lambda e: e["text"][:40])
def test_table_examples_parse(example):
    ref = find_references(example["text"])[0]
    assert {k: getattr(ref, k) for k in example["expected"]} == example["expected"]


def test_relation_words_are_lower_case_and_issuer_codes_resolve():
    assert all(w == w.lower() for w in TABLE["relations"])
    for code in TABLE["issuer_by_code"]:
        assert regex.fullmatch(r"[\p{L}]+", code)


# ---- property: any generated citation is read back ----

_TYPES = [row for row in TABLE["types"] if row["codes"] and not row.get("named")]


@st.composite
def citations(draw):
    row = draw(st.sampled_from(_TYPES))
    number = str(draw(st.integers(1, 99999)))
    year = draw(st.integers(1990, 2030))
    code = draw(st.sampled_from(row["codes"]))
    issuer_code = draw(st.sampled_from(["CP", "UBND", "BTC", "BTNMT", "TTg", "HĐND"]))
    day, month = draw(st.integers(1, 28)), draw(st.integers(1, 12))
    shape = draw(st.sampled_from(["year", "plain", "party"]))
    symbol = {"year": f"{year}/{code}-{issuer_code}", "plain": f"{code}-{issuer_code}",
              "party": f"{code}/{draw(st.sampled_from(['TW', 'TU', 'VPTW', 'HU']))}"}[shape]
    sep = draw(st.sampled_from(["/", "-", "."]))
    date = draw(st.sampled_from([f"{day}{sep}{month}{sep}{year}", f"{day:02d} tháng {month} năm {year}"]))
    relation = draw(st.sampled_from(["Căn cứ", "Thực hiện", "theo", "Triển khai"]))
    joint = "-" if shape == "party" else "/"  # Party style: "05-CT/TW"
    text = f"{relation} {row['aliases'][0]} số {number}{joint}{symbol} ngày {date} của UBND tỉnh Kon Tum về việc thi đua;"
    return text, row["name"], number, symbol, f"{year:04d}-{month:02d}-{day:02d}"


@given(citations())
def test_generated_citation_is_parsed_back(case):
    text, doc_type, number, symbol, date = case
    refs = find_references(text)
    assert len(refs) == 1
    r = refs[0]
    assert (r.doc_type, r.number, r.symbol, r.date, r.issuer) == (doc_type, number, symbol, date, "UBND tỉnh Kon Tum")


@given(st.text(alphabet=st.sampled_from(list("0123456789/-. ĐKHQUBNDCPTWabcsốngày\n;,")), max_size=80))
def test_any_text_gives_well_formed_references(text):
    for r in find_references(text):
        assert r.number and r.symbol
        assert r.span is not None and 0 <= r.span[0] < r.span[1] <= len(text)
        assert NUMBER.search(text, r.span[0], r.span[1])


def test_number_shapes():
    shapes = {"48/KH-UBND": ("48", "KH-UBND"), "30/2020/NĐ-CP": ("30", "2020/NĐ-CP"),
              "05-CT/TW": ("05", "CT/TW"), "12/2011/TTLT-BTC-BNV": ("12", "2011/TTLT-BTC-BNV"),
              "01/VBHN-BTC": ("01", "VBHN-BTC"), "1211/2016/UBTVQH13": ("1211", "2016/UBTVQH13")}
    for written, expected in shapes.items():
        m = NUMBER.fullmatch(written)
        assert m and (number_of(m), symbol_of(m)) == expected
    assert type_code("2016/UBTVQH13") == "UBTVQH"


# ---- real documents ----

@needs_shared
@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.stem)
def test_seed_references_match_gold(path):
    want = {(g["number"].lstrip("0"), g["symbol"]) for g in gold(path.stem)["references"]}
    got = {((r.number or "").lstrip("0"), r.symbol) for r in seed_record(path.stem).references}
    assert got == want


@needs_shared
def test_corpus_legal_bases_recall_floor():
    from benchmarks.corpus_legal_bases import measure

    labels = measure(CORPUS, "labels")
    assert labels.recall_in_text >= 0.95
    basis = measure(CORPUS, "basis")
    assert basis.recall >= 0.99


def test_citation_split_one_link_a_line_is_read_whole():
    """Web pages put each linked part of a citation on its own line; the repair joins them."""
    source = ("Căn cứ\nLuật Quản lý thuế\nsố\n108/2025/QH15\n;\n"
              "Căn cứ Nghị định\nsố 15/2020/NĐ-CP\nngày 03 tháng 02 năm 2020\ncủa Chính phủ;")
    doc = Doc.from_text(source)
    add(doc)
    law, decree = doc.record.references
    assert (law.doc_type, law.title, law.relation) == ("Luật", "Quản lý thuế", "căn cứ")
    assert (decree.date, decree.issuer) == ("2020-02-03", "Chính phủ")
    assert source[decree.span[0] : decree.span[1]].endswith("của Chính phủ")


def test_consolidated_text_is_cited_by_its_code():
    # Quyết định 172/2015/QĐ-UBND, UBND tỉnh Bắc Giang (data/tuning/structure/bacgiang-172-2015-qd-ubnd).
    text = ("Căn cứ Luật Thi đua, Khen thưởng hợp nhất tại văn bản số 16/VBHN-VPQH ngày 13/12/2013 của "
            "Văn phòng Quốc hội;\n\nCăn cứ Nghị định số 42/2010/NĐ-CP ngày 15/4/2010 của Chính phủ;")
    got = [(r.doc_type, r.number, r.symbol, r.date, r.issuer) for r in find_references(text)]
    assert got == [("Văn bản hợp nhất", "16", "VBHN-VPQH", "2013-12-13", "Văn phòng Quốc hội"),
                   ("Nghị định", "42", "2010/NĐ-CP", "2010-04-15", "Chính phủ")]


def test_issuer_ends_at_a_glued_ve_viec():
    # Công văn 722/UBND-MT, UBND tỉnh Bắc Giang, as a web copy glued it (data/tuning/structure/bacgiang-722-ubnd-mt).
    text = ("Thực hiện Công văn số 1017/BTNMT-TCMT ngày 22 tháng 3 năm 2013 của Bộ Tài nguyên và Môi trường "
            "vềviệc đôn đốc phân loại, lập danh mục cơ sở gây ô nhiễm môi trường nghiêm trọng;")
    assert [r.issuer for r in find_references(text)] == ["Bộ Tài nguyên và Môi trường"]


def test_words_a_web_copy_glued_are_read():
    # the same copy: "số1017/…" and "vàMôi trường" glued; the issuer value is parted, the span stays on the text
    text = ("(Gửi kèm bản phô tô Công văn số1017/BTNMT-TCMT , số 1016/BTNMT-TCMT ngày 22/3/2013 của "
            "Bộ Tài nguyên vàMôi trường)./.")
    refs = find_references(text)
    assert [(r.number, r.symbol) for r in refs] == [("1017", "BTNMT-TCMT"), ("1016", "BTNMT-TCMT")]
    assert refs[1].issuer == "Bộ Tài nguyên và Môi trường"
    assert text[slice(*refs[1].span)].endswith("vàMôi trường")


# Citations of the kind's closing sentences, from data/tuning/structure2 (ttg-345-qd-ttg, binhdinh-1528,
# thanhhoa-128-2025, quangbinh-syt-dot-thi-dua-75, bariavungtau-08-kh-ubnd).
_PROPOSERS = ("Xét đề nghị của Chủ tịch UBND tỉnh Quảng Ninh (Tờ trình số 1134/TTr-BTC ngày 25/3/2008) và Trưởng "
              "ban Ban Thi đua-Khen thưởng Trung ương (Tờ trình số 358/TTr-BTĐKT ngày 31 tháng 3 năm 2008),")


def test_proposers_before_their_bracketed_submissions() -> None:
    refs = find_references(_PROPOSERS)
    assert [(r.number, r.issuer, r.date) for r in refs] == [
        ("1134", "Chủ tịch UBND tỉnh Quảng Ninh", "2008-03-25"),
        ("358", "Trưởng ban Ban Thi đua-Khen thưởng Trung ương", "2008-03-31")]
    assert [_PROPOSERS[slice(*r.span)][-4:] for r in refs] == ["2008", "2008"]  # the ")" is not the citation's


@pytest.mark.parametrize(("text", "number", "issuer"), [
    ("Theo đề nghị của Sở Lao động\n- Thương binh và Xã hội tại Tờ trình số 92/TTr-SLĐTBXH ngày 06/4/2021.",
     "92", "Sở Lao động - Thương binh và Xã hội"),
    ("Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh tại Tờ trình số 1818/TTr-VP ngày 21 tháng 8 năm 2025 "
     "và Giám đốc Sở Nội vụ tại Văn bản số 4836/SNV-TCBC ngày 04 tháng 9 năm 2025;", "4836", "Giám đốc Sở Nội vụ"),
    # the body before "tại" issued what the clause is about, not the act cited after it
    ("Thực hiện Công văn số 5104/BTTTT-PTTH&TTĐT của Bộ Thông tin và Truyền thông về việc triển khai thực\nhiện "
     "các nhiệm vụ tại Chỉ thị 09/CT-TTg ngày 31/3/2021 về việc nâng cao hiệu quả", "09", "Thủ tướng Chính phủ"),
])
def test_issuer_named_before_the_act(text: str, number: str, issuer: str) -> None:
    ref = next(r for r in find_references(text) if r.number == number)
    assert ref.issuer == issuer


def test_symbol_with_a_spaced_dash() -> None:
    text = "Thực hiện Quyết định số 758/KH – UBND ngày 24/4/2023 của UBND tỉnh Quảng Bình về Phát động Đợt thi đua"
    (ref,) = find_references(text)
    assert (ref.number, ref.symbol, ref.date, ref.issuer) == ("758", "KH-UBND", "2023-04-24", "UBND tỉnh Quảng Bình")


def test_issuer_with_an_aside_in_brackets() -> None:
    text = ("Theo đề nghị của Sở Kế hoạch và Đầu tư (Thường trực Ban Vì sự tiến bộ phụ nữ tỉnh) tại Tờ trình số "
            "126/SKHĐT ngày 23/01/2007,")
    (ref,) = find_references(text)
    assert (ref.issuer, ref.date) == ("Sở Kế hoạch và Đầu tư", "2007-01-23")


def test_the_nearest_cua_names_the_issuer() -> None:
    text = ("Thực hiện Luật Đầu tư công, Chỉ thị số 20/CT-TTg ngày 29/7/2019 của Thủ tướng Chính phủ\nvà hướng dẫn của "
            "Bộ Kế hoạch và Đầu tư tại Công văn số 5743/SKHĐT-TH ngày\n14/8/2019 về việc lập kế hoạch")
    ref = next(r for r in find_references(text) if r.number == "5743")
    assert ref.issuer == "Bộ Kế hoạch và Đầu tư"


def test_the_body_that_issued_it_across_a_wrapped_line() -> None:
    text = "Ngày 21/04/2015, Thủ tướng Chính\nphủ đã ban hành Chỉ thị số 06/CT-TTg về việc tăng cường chỉ đạo"
    (ref,) = find_references(text)
    assert ref.issuer == "Thủ tướng Chính phủ"
