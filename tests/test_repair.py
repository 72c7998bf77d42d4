"""Each repair step on real snippets (tables of ``(source, repaired)``), and what repair must leave alone.

The offset properties (every span maps back inside the source, unchanged characters map to
themselves) are in ``test_offsets.py``.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.offsets import apply_edits
from pipeline.text.repair import (
    Step,
    compose,
    controls,
    join_lines,
    markdown,
    page_noise,
    repair,
    tones,
)


def run_step(step: Step, text: str) -> str:
    return apply_edits(text, step(text))[0]


CONTROLS = [
    ("Số:\t48/KH-UBND\r\nKon\u00a0Tum", "Số: 48/KH-UBND\nKon Tum"),  # tab, CRLF, no-break space
    ("Sóc Trăng\rngày 30", "Sóc Trăng\nngày 30"),  # old Mac line end
    ("Kế\u200bhoạch\ufeff", "Kếhoạch"),  # zero-width space and a stray BOM vanish
    ("Khánh Hòa", "Khánh Hòa"),  # nothing to do
]
COMPOSE = [
    (unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh Khánh Hòa"), "Ủy ban nhân dân tỉnh Khánh Hòa"),
    (unicodedata.normalize("NFD", "Đoàn kết, sáng tạo"), "Đoàn kết, sáng tạo"),
    ("Khánh Hòa", "Khánh Hòa"),
]
TONES = [
    ("Khánh Hoà", "Khánh Hòa"),
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
    ("UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
    ("thuỷ lợi, thuỷ sản", "thủy lợi, thủy sản"),
    ("hoá đơn, hoạ sĩ, loè loẹt", "hóa đơn, họa sĩ, lòe loẹt"),  # "loẹt": the pair is not final
    ("khoảng, hoàng, quý, quỳnh", "khoảng, hoàng, quý, quỳnh"),  # not at a syllable's end, or after q
    ("Hòa Bình", "Hòa Bình"),  # already new style
]
MARKDOWN = [
    ("## **KẾ HOẠCH**", "KẾ HOẠCH"),
    ("### Điều 1. Phạm vi điều chỉnh", "Điều 1. Phạm vi điều chỉnh"),
    ("**Căn cứ** Luật Nhập cảnh số 47/2014/QH13;", "Căn cứ Luật Nhập cảnh số 47/2014/QH13;"),
    ("*Căn cứ Nghị định số 02/2025/NĐ-CP;*", "Căn cứ Nghị định số 02/2025/NĐ-CP;"),
    ("_Kính gửi:_ Sở Nội vụ", "Kính gửi: Sở Nội vụ"),
    ("ỦY BAN NHÂN DÂN\n---\nSố: 48", "ỦY BAN NHÂN DÂN\n\nSố: 48"),  # the rule under a header name
    ("TN_MT, KH-UBND, 5*3, snake_case", "TN_MT, KH-UBND, 5*3, snake_case"),  # inner marks are text
    ("- Như trên;\n- Lưu: VT.", "- Như trên;\n- Lưu: VT."),  # dash items are not rules
]
PAGE_NOISE = [
    ("Kế hoạch\n- 2 -\ncủa Sở", "Kế hoạch\ncủa Sở"),
    ("Trang 3/7\nUBND tỉnh", "UBND tỉnh"),
    ("Sở TN&MT Kon Tum\nA\nSở TN&MT Kon Tum\nB\nSở TN&MT Kon Tum\nC", "A\nB\nC"),  # running head
    ("- Như trên;\nx\n- Như trên;\ny\n- Như trên;", "- Như trên;\nx\n- Như trên;\ny\n- Như trên;"),
    ("Điều 1.\nx\nĐiều 1.\ny\nĐiều 1.", "Điều 1.\nx\nĐiều 1.\ny\nĐiều 1."),
    ("a) Đối với tập thể:\nx\na) Đối với tập thể:\ny\na) Đối với tập thể:",
     "a) Đối với tập thể:\nx\na) Đối với tập thể:\ny\na) Đối với tập thể:"),  # repeated items stay
]
JOINED = [
    # the corpus's web split: one link a line
    ("Căn cứ\nLuật Quản lý thuế\nsố\n108/2025/QH15\n;", "Căn cứ Luật Quản lý thuế số 108/2025/QH15;"),
    ("V/v triển khai Kế hoạch số 48/KH-UBND\nngày 30/3/2022 của UBND tỉnh",
     "V/v triển khai Kế hoạch số 48/KH-UBND ngày 30/3/2022 của UBND tỉnh"),
    ("Thực hiện Kế hoạch số\n48/KH-UBND ngày 30/3/2022", "Thực hiện Kế hoạch số 48/KH-UBND ngày 30/3/2022"),
    ("1. Nghị định này quy định về nguyên tắc xử lý kỷ luật; việc áp dụng các\nhình thức kỷ luật.",
     "1. Nghị định này quy định về nguyên tắc xử lý kỷ luật; việc áp dụng các hình thức kỷ luật."),
    ("Thời gian: từ ngày\n01/01/2023 đến\n31/12/2023", "Thời gian: từ ngày 01/01/2023 đến 31/12/2023"),
    ("Đề nghị Thủ trưởng các phòng,\nđơn vị trực thuộc Sở", "Đề nghị Thủ trưởng các phòng, đơn vị trực thuộc Sở"),
]
KEPT_APART = [
    "ỦY BAN NHÂN DÂN\nTỈNH SÓC TRĂNG",  # header names
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",  # national motto
    "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nSố: /STNMT-VP",  # the number line
    "Số: 48/KH-UBND\nSóc Trăng, ngày 30 tháng 3 năm 2022",  # number, then place and date
    "KẾ HOẠCH\nPhát động phong trào thi đua năm 2022",  # type, then subject
    "V/v triển khai Kế hoạch\nKính gửi: Các phòng, đơn vị",  # subject, then recipients
    "Kính gửi:\n- Các phòng, đơn vị trực thuộc Sở;\n- Trung tâm Công nghệ thông tin.",  # bullets
    "+ Tổ chức tuyên truyền;\n+ Báo cáo kết quả.",  # plus items
    "• Một là tuyên truyền\n• Hai là khen thưởng",  # bullet items
    "1. Mục đích\n2. Yêu cầu",  # numbered items
    "a) Khen thưởng cấp cơ sở\nb) Khen thưởng cấp tỉnh",  # lettered items
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích",  # roman heading
    "Chương I\n\nQUY ĐỊNH CHUNG",  # chapter and its title
    "Nơi nhận:\n- Như trên;\n- Lưu: VT, VP.",  # distribution
    "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Thị Lan",  # signature block
    "của UBND tỉnh.\n\nTrên đây là kế hoạch",  # a sentence ends
]


@pytest.mark.parametrize(("step", "source", "expected"), [
    *((controls, s, e) for s, e in CONTROLS),
    *((compose, s, e) for s, e in COMPOSE),
    *((tones, s, e) for s, e in TONES),
    *((markdown, s, e) for s, e in MARKDOWN),
    *((page_noise, s, e) for s, e in PAGE_NOISE),
    *((join_lines, s, e) for s, e in JOINED),
], ids=lambda v: getattr(v, "__name__", None) or repr(v)[:30])
def test_step(step: Step, source: str, expected: str) -> None:
    assert run_step(step, source) == expected


@pytest.mark.parametrize("text", KEPT_APART)
def test_lines_that_must_stay_lines(text: str) -> None:
    assert repair(text).text == text


def test_whole_repair_of_a_converted_header() -> None:
    source = "## **UỶ BAN NHÂN DÂN**\r\n**TỈNH KHÁNH HOÀ**\r\nSố:\t12718/KH-UBND\r\n\r\nThực hiện Kế hoạch của\r\nUBND tỉnh Khánh Hoà"
    assert repair(source).text == (
        "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA\nSố: 12718/KH-UBND\n\nThực hiện Kế hoạch của UBND tỉnh Khánh Hòa")


# --- a clean text comes out as it went in -----------------------------------------------------------

# New-style syllables only: no old tone placement, nothing decomposed, no marks.
CLEAN_WORDS = ["Ủy", "ban", "nhân", "dân", "tỉnh", "Khánh", "Hòa", "Sở", "Tài", "nguyên", "và", "Môi",
               "trường", "phong", "trào", "thi", "đua", "năm", "2022", "khoảng", "quý", "thủy", "lợi",
               "48/KH-UBND", "ngày", "30/3/2022", "các", "đơn", "vị", "của", "tổ", "chức", "thực", "hiện"]
clean_sentence = st.lists(st.sampled_from(CLEAN_WORDS), min_size=1, max_size=12).map(
    lambda words: " ".join(words) + ".")


@settings(max_examples=200, deadline=None)
@given(st.lists(clean_sentence, min_size=1, max_size=8, unique=True), st.sampled_from(["\n", "\n\n", " "]))
def test_clean_nfc_text_is_left_alone(sentences: list[str], glue: str) -> None:
    """Sentence lines with new-style tones, NFC and no marks: repair changes nothing."""
    text = glue.join(sentences)
    repaired = repair(text)
    assert repaired.text == text
    assert repaired.to_source(0, len(text)) == [0, len(text)]
