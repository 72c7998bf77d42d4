"""Sections: headings and numbered items of real bodies, their paths, levels and titles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.document import Doc
from pipeline.sections import add, find_sections, kinds, match_heading
from pipeline.sections_titles import heading_title
from pipeline.tables import load
from tests.conftest import CORPUS, gold, needs_shared, seed_paths, seed_record

TABLE = load("section_patterns")


def paths(text: str) -> list[str]:
    return [s.path for s in find_sections(text)]


# (body, expected paths) — shapes from the seeds and the corpus.
CASES = [
    # seed 000: a flat list of directives
    ("1. Triển khai nội dung Kế hoạch.\n2. Tiếp tục triển khai.\n3. Đề xuất biểu dương.", ["1", "2", "3"]),
    # seed 001: roman > arabic > alpha, numbering restarts under each parent
    ("I. MỤC ĐÍCH\n1. Mục đích\na) Một.\nb) Hai.\n2. Yêu cầu\na) Ba.\nII. NỘI DUNG\n1. Nội dung thi đua",
     ["I", "I.1", "I.1.a", "I.1.b", "I.2", "I.2.a", "II", "II.1"]),
    # an alpha list straight under a roman heading keeps alpha's depth for what follows
    ("I. MỤC ĐÍCH\na) Một.\nII. NỘI DUNG\n1. Nội dung\na) Hai.", ["I", "I.a", "II", "II.1", "II.1.a"]),
    # laws: Chương > Mục > Điều > khoản > điểm
    ("Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định.\nĐiều 2. Giải thích\n1. Tòa án là cơ quan xét xử.\n"
     "a) Xét xử;\nChương II\nMục 1. TỔ CHỨC\nĐiều 3. Tổ chức\n1. Tổ chức gồm:",
     ["Chương I", "Chương I.Điều 1", "Chương I.Điều 2", "Chương I.Điều 2.1", "Chương I.Điều 2.1.a",
      "Chương II", "Chương II.Mục 1", "Chương II.Mục 1.Điều 3", "Chương II.Mục 1.Điều 3.1"]),
    # dotted numbers replace their parent's label
    ("I. NỘI DUNG\n1. Mục tiêu\n1.1. Mục tiêu chung\n1.2. Mục tiêu cụ thể\n2. Giải pháp", ["I", "I.1", "I.1.1", "I.1.2", "I.2"]),
    # bullets, dates and amounts are not sections
    ("1. Nội dung:\n- Như trên;\n+ Tổ chức\n• Văn phòng\n30/3/2022 là ngày\n2022. Năm bản lề\n2. Tiếp", ["1", "2"]),
    # upper-case letters above roman numerals when they come first
    ("A. MỞ ĐẦU\nI. Căn cứ\nB. NỘI DUNG\nI. Mục tiêu\n1. Chung", ["A", "A.I", "B", "B.I", "B.I.1"]),
    # slash and hyphen styles
    ("I/ Mục đích\n1/ Tuyên truyền\nII - NỘI DUNG", ["I", "I.1", "II"]),
    # codified (pháp điển) articles keep their whole number
    ("Điều 38.1.LQ.1. Phạm vi điều chỉnh\nĐiều 38.1.NĐ.1.1. Phạm vi điều chỉnh", ["Điều 38.1.LQ.1", "Điều 38.1.NĐ.1.1"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_paths(text, expected):
    assert paths(text) == expected


def test_levels_and_kinds():
    secs = find_sections("Chương I\nĐiều 1. Phạm vi\n1. Khoản một.\na) Điểm a;")
    assert [(s.level, s.kind) for s in secs] == [(1, "chuong"), (2, "dieu"), (3, "khoan"), (4, "alpha")]


# (kind, text after the label, written as a markdown heading, expected title)
TITLES = [
    ("roman", "MỤC ĐÍCH YÊU CẦU", False, "MỤC ĐÍCH YÊU CẦU"),
    ("arabic", "Mục đích", False, "Mục đích"),
    ("alpha", "Khen thưởng cấp cơ sở: Giấy khen của Giám đốc Sở Tài nguyên và Môi trường.", False, "Khen thưởng cấp cơ sở"),
    ("roman", "Nội dung Phong trào thi đua:", True, "Nội dung Phong trào thi đua"),
    ("arabic", "Thủ trưởng các phòng, đơn vị thuộc Sở, Trưởng phòng Tài nguyên và Môi trường các huyện, thị xã, thành phố:",
     True, "Thủ trưởng các phòng, đơn vị thuộc Sở, Trưởng phòng Tài nguyên và Môi trường các huyện, thị xã, thành phố"),
    ("dieu", "Phạm vi điều chỉnh", False, "Phạm vi điều chỉnh"),
    ("arabic", "Triển khai thực hiện đảm bảo chất lượng, hiệu quả các chỉ tiêu, nhiệm vụ được UBND tỉnh giao.", False, None),
    ("khoan", "Khi thực hiện quyền tư pháp, Tòa án nhân dân có nhiệm vụ, quyền hạn sau đây:", False, None),
    ("alpha", "Thông qua phong trào thi đua tuyên truyền sâu rộng trong công chức, viên chức, người lao động.", False, None),
    ("arabic", "", False, None),
    # the closing articles of a Quyết định khen thưởng (data/tuning/structure2: byt-288-qd-byt, ttg-345-qd-ttg)
    ("dieu", "Các ông, bà: Chánh Văn phòng Bộ, Chánh Thanh tra Bộ, Vụ trưởng, Cục trưởng, Giám đốc Sở Y tế các "
     "tỉnh, thành phố trực thuộc Trung ương và Thủ trưởng các đơn vị liên quan chịu trách nhiệm thi hành Quyết định "
     "này./.", False, None),
    ("dieu", "Tặng thưởng bằng khen của Thủ tướng Chính phủ cho:", False, None),
    ("dieu", "Chủ tịch UBND tỉnh Quảng Ninh, Trưởng ban Ban Thi đua-Khen thưởng Trung ương, các tập thể có tên tại "
     "Điều 1 chịu trách nhiệm thi hành Quyết định này./", False, None),
    ("arabic", "Tổ chức thực hiện:", False, "Tổ chức thực hiện"),
]


@pytest.mark.parametrize(("kind", "rest", "heading", "expected"), TITLES)
def test_titles(kind, rest, heading, expected):
    assert heading_title(kind, rest, heading) == expected


def test_chapter_title_on_the_next_line():
    (chapter, article) = find_sections("Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh")
    assert chapter.title == "QUY ĐỊNH CHUNG"
    assert article.title == "Phạm vi điều chỉnh"


def test_only_the_body_is_read():
    text = "Số: 12/KH-UBND\n1. Không phải mục\nNỘI DUNG\n1. Mục một\n2. Mục hai\nNơi nhận:\n1. Không"
    doc = Doc.from_text(text)
    doc.body_start = doc.text.index("NỘI DUNG")
    doc.body_end = doc.text.index("Nơi nhận")
    add(doc)
    assert [s.path for s in doc.record.sections] == ["1", "2"]


def test_without_a_footer_stage_stops_at_noi_nhan():
    doc = Doc.from_text("1. Mục một\nNơi nhận:\n1. Không")
    add(doc)
    assert [s.path for s in doc.record.sections] == ["1"]


def test_spans_are_source_spans_and_body_spans_nest():
    source = "## **I. MỤC ĐÍCH**\n\n1. Mục đích\n\na) Tuyên truyền.\n\nII. NỘI DUNG\n"
    doc = Doc.from_text(source)
    add(doc)
    first, item, point, second = doc.record.sections
    assert source[first.span[0] : first.span[1]].startswith("I. MỤC ĐÍCH")
    assert first.title == "MỤC ĐÍCH"
    assert first.body_span[0] <= item.body_span[0] and item.body_span[1] <= first.body_span[1]
    assert point.body_span[1] <= second.span[0]


# ---- the data table is policed ----

@pytest.mark.parametrize("row", TABLE["kinds"], ids=lambda r: r["kind"])
def test_every_kind_matches_its_examples(row):
    for text, label in row["examples"]:
        found = match_heading(text)
        assert found is not None, text
        kind, num, _, _ = found
        assert kind.name == row["kind"]
        assert kind.label.format(num=num) == label


@pytest.mark.parametrize("text", TABLE["not_sections"])
def test_not_sections(text):
    assert match_heading(text) is None


def test_ranks_are_ordered_and_unique():
    ranks = [k.rank for k in kinds()]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


# ---- properties ----

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_ALPHA = list("abcdđeghik")


@given(st.lists(st.lists(st.integers(0, 4), max_size=4), min_size=1, max_size=6))
def test_generated_outline_is_read_back(shape):
    """Any outline I. / 1. / a) is read back with its paths, whatever the counts."""
    lines, want = [], []
    for i, arabics in enumerate(shape):
        lines.append(f"{_ROMAN[i]}. PHẦN SỐ {i}")
        want.append(_ROMAN[i])
        for j, alphas in enumerate(arabics, start=1):
            lines.append(f"{j}. Nội dung thứ {j}")
            want.append(f"{_ROMAN[i]}.{j}")
            for k in range(alphas):
                lines.append(f"{_ALPHA[k]}) Điểm thứ {k}.")
                want.append(f"{_ROMAN[i]}.{j}.{_ALPHA[k]}")
    secs = find_sections("\n\n".join(lines))
    assert [s.path for s in secs] == want
    assert all(s.level == s.path.count(".") + 1 for s in secs)


@given(st.text(alphabet=st.sampled_from(list("IVXabđ1234567890.)/-:\n Điều Chương")), max_size=120))
def test_any_text_gives_consistent_sections(text):
    secs = find_sections(text)
    for s in secs:
        assert s.level >= 1 and s.path
        assert s.span is not None and s.body_span is not None
        assert s.body_span[0] == s.span[0] and s.span[1] <= s.body_span[1]


# ---- real documents ----

@needs_shared
@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.stem)
def test_seed_sections_match_gold(path):
    got = {s.path: s.title for s in seed_record(path.stem).sections}
    want = gold(path.stem)["sections"]
    assert list(got) == [g["path"] for g in want]
    for g in want:
        if g.get("title"):
            assert got[g["path"]].casefold() == g["title"].casefold()


@needs_shared
def test_corpus_law_is_read_by_chapter_and_article():
    from benchmarks.corpus_legal_bases import document

    page = (CORPUS / "can-bo-cong-chuc-vien-chuc-tham-phan-va-hoi-tham-toa-an-nhan-dan.md").read_text(encoding="utf-8")
    secs = find_sections(document(page) or "")
    by_path = {s.path: s for s in secs}
    assert by_path["Chương I"].title == "NHỮNG QUY ĐỊNH CHUNG"
    assert by_path["Chương I.Điều 3"].title == "Nhiệm vụ, quyền hạn của Tòa án nhân dân"
    assert [p for p in by_path if p.startswith("Chương I.Điều 3.2.")] == [
        "Chương I.Điều 3.2.a", "Chương I.Điều 3.2.b", "Chương I.Điều 3.2.c", "Chương I.Điều 3.2.d", "Chương I.Điều 3.2.đ"]
    assert len(by_path) == len(secs)  # no path twice


def test_roman_and_arabic_headings_with_a_glued_hyphen():
    # Hướng dẫn 28/HD-TĐKT, UBND tỉnh Yên Bái, 2007 (data/tuning/structure/yenbai-28-hd-tdkt): "I-" and "1-".
    text = ("Căn cứ Luật Thi đua, Khen thưởng. Uỷ ban nhân dân tỉnh Yên Bái hướng dẫn như sau,\n\n"
            "I- HÌNH THỨC, NỘI DUNG THI ĐUA:\n\n1- Hình thức: Theo quy định tại Điều 15 Luật Thi đua, khen thưởng "
            "có hai hình thức tổ chức thi đua.\n\n- Thi đua thường xuyên: Là hình thức thi đua căn cứ vào chức năng.\n\n"
            "2- Nội dung: Các phong trào thi đua.\n\nII- KHEN THƯỞNG:\n")
    assert [(s.path, s.title) for s in find_sections(text)] == [
        ("I", "HÌNH THỨC, NỘI DUNG THI ĐUA"), ("I.1", "Hình thức"), ("I.2", "Nội dung"), ("II", "KHEN THƯỞNG")]


# Lines a law portal wrapped at about 80 characters (data/tuning/structure2/btc-15764-btc-tdkt and the
# thuvienphapluat copies): the heading's title goes on past the break, an item's sentence is no title.
@pytest.mark.parametrize(("text", "title"), [
    ("1/- Tổng kết công tác thi đua năm\n2013:\nNội dung tổng kết, cần ngắn gọn.", "Tổng kết công tác thi đua năm 2013"),
    ("1. Sở, ban, ngành, Ủy ban nhân dân quận-huyện, xã,\nphường, thị trấn thực hiện đúng yêu cầu, tiến độ tại Kế "
     "hoạch, bảo đảm tiến độ vận hành.\n2. Việc thực hiện", None),
    ("I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\na) Thông qua phong trào.", "MỤC ĐÍCH, YÊU CẦU"),
])
def test_title_of_a_wrapped_heading(text: str, title: str | None) -> None:
    assert find_sections(text)[0].title == title
