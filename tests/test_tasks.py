"""The tasks stage: directives and their doers, on seed dispatches, corpus pages and odd input."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import tasks
from pipeline.document import Doc
from pipeline.tables import load
from pipeline.tasks_assignees import normalized
from pipeline.tasks_deadlines import find_deadline
from pipeline.tasks_doers import split_doer, split_units
from pipeline.tasks_text import coordinators, handover_doer, heading_doer, sentences
from tests.conftest import CORPUS, gold, needs_shared, seed_paths, seed_record


def run(text: str) -> Doc:
    doc = Doc.from_text(text)
    tasks.add(doc)
    return doc


# (text opening an item, doer units, start of the action)
DOERS = [
    ("Giao Trung tâm Công nghệ thông tin đăng tải nội dung công văn này trên Cổng thông tin",
     ["Trung tâm Công nghệ thông tin"], "đăng tải"),
    ("Trung tâm Công nghệ thông tin TN&MT đẩy mạnh việc tuyên truyền",
     ["Trung tâm Công nghệ thông tin TN&MT"], "đẩy mạnh"),
    ("Giao Thường trực Hội đồng Thi đua khen thưởng và Văn phòng Sở đôn đốc, hướng dẫn",
     ["Thường trực Hội đồng Thi đua khen thưởng", "Văn phòng Sở"], "đôn đốc"),
    ("Trưởng các phòng, đơn vị thuộc Sở; Trưởng phòng Tài nguyên và Môi trường các huyện, thành phố thi đua thực hiện tốt",
     ["Trưởng các phòng, đơn vị thuộc Sở", "Trưởng phòng Tài nguyên và Môi trường các huyện, thành phố"], "thi đua"),
    ("Giao Văn phòng Sở Tài nguyên và Môi trường (cơ quan thường trực của Hội đồng Thi đua - Khen thưởng Sở) chủ trì, phối hợp",
     ["Văn phòng Sở Tài nguyên và Môi trường"], "chủ trì"),
    ("Sở Tài chính chủ trì, phối hợp với Sở Nội vụ hướng dẫn", ["Sở Tài chính"], "chủ trì"),
    ("Ủy ban nhân dân các huyện, thành phố có trách nhiệm báo cáo", ["Ủy ban nhân dân các huyện, thành phố"], "có trách nhiệm"),
    ("Các sở, ban, ngành có liên quan khẩn trương rà soát", ["Các sở, ban, ngành có liên quan"], "khẩn trương"),
    ("Đề nghị Công an tỉnh tăng cường kiểm tra", ["Công an tỉnh"], "tăng cường"),
    ("Văn phòng Sở: theo dõi, tổng hợp", ["Văn phòng Sở"], "theo dõi"),
]


@pytest.mark.parametrize(("text", "names", "action"), DOERS)
def test_split_doer(text: str, names: list[str], action: str) -> None:
    doer = split_doer(text)
    assert doer is not None
    assert doer.names == names
    assert doer.action.startswith(action)
    assert text[doer.action_at:].startswith(action)


# Openings that name no doer: aims, contents, criteria, generic actors.
NOT_DOERS = [
    "Thi đua phát huy sáng kiến, giải pháp hỗ trợ doanh nghiệp",
    "Tổ chức các hoạt động Kỷ niệm 370 năm hình thành",
    "Kịp thời phát hiện, biểu dương, khen thưởng",
    "Cơ quan, tổ chức, cá nhân có trách nhiệm cung cấp thông tin",
    "Tổ chức, cá nhân phải nộp hồ sơ",
    "",
    "Giao",
]


@pytest.mark.parametrize("text", NOT_DOERS)
def test_no_doer(text: str) -> None:
    assert split_doer(text) is None


@pytest.mark.parametrize(("phrase", "units"), [
    ("Thủ trưởng các phòng, đơn vị thuộc Sở, Trưởng phòng Tài nguyên và Môi trường các huyện, thị xã, thành phố",
     ["Thủ trưởng các phòng, đơn vị thuộc Sở", "Trưởng phòng Tài nguyên và Môi trường các huyện, thị xã, thành phố"]),
    ("Sở Tài chính và các cơ quan liên quan", ["Sở Tài chính", "các cơ quan liên quan"]),
    ("Phòng Tài nguyên và Môi trường", ["Phòng Tài nguyên và Môi trường"]),
    ("Văn phòng Sở (cơ quan thường trực)", ["Văn phòng Sở"]),
])
def test_split_units(phrase: str, units: list[str]) -> None:
    assert split_units(phrase) == units


@pytest.mark.parametrize(("text", "expected"), [
    ("trước ngày 15/9/2025", ("2025-09-15", "trước ngày 15/9/2025")),
    ("báo cáo chậm nhất ngày 05 tháng 01 năm 2024", ("2024-01-05", "chậm nhất ngày 05 tháng 01 năm 2024")),
    ("phát động trong tháng 01 năm 2023", ("2023-01", "trong tháng 01 năm 2023")),
    ("hoàn thành trong quý III/2024", ("2024-09", "trong quý III/2024")),
    ("tổng kết vào cuối năm", (None, "vào cuối năm")),
    ("báo cáo hằng quý", (None, "hằng quý")),
    ("trước ngày 45/13/2025", (None, None)),  # not a date
    ("thực hiện theo quy định", (None, None)),
])
def test_find_deadline(text: str, expected: tuple[str | None, str | None]) -> None:
    assert find_deadline(text) == expected


def test_deadline_examples_match_their_patterns() -> None:
    for entry in load("task_patterns")["deadlines"]:
        pattern = regex.compile(entry["pattern"])
        for example in entry["examples"]:
            assert pattern.search(example), (entry["pattern"], example)


def test_every_table_pattern_compiles() -> None:
    table = load("task_patterns")
    for key in ("giao", "hand_cues", "handover_end", "coordinator_cue", "coordinator_stop", "duty_heading"):
        regex.compile(table[key])
    for pattern in table["name_compounds"] + table["purpose_cuts"]:
        regex.compile(pattern)
    assert len(set(table["verbs"])) == len(table["verbs"])
    assert all(v == v.lower() for v in table["verbs"])  # verbs end doers only in lower case


def test_handover_and_headings() -> None:
    assert handover_doer("Giám đốc Sở đề nghị các phòng, đơn vị triển khai thực hiện như sau:") == [
        "các phòng, đơn vị"]
    assert handover_doer("Sở Tài nguyên và Môi trường phát động phong trào thi đua như sau:") is None
    assert handover_doer("đề nghị các phòng, đơn vị nghiêm túc thực hiện.") is None
    assert heading_doer("Văn phòng Sở:") == ["Văn phòng Sở"]
    assert heading_doer("Mục đích") is None
    assert coordinators("theo dõi, tổng hợp") == []


def test_assignee_keys_group_spellings() -> None:
    assert normalized("UBND tỉnh") == normalized("Ủy ban nhân dân tỉnh")
    assert normalized("Trung tâm CNTT TN&MT") == normalized("Trung tâm Công nghệ thông tin TNMT")
    assert normalized("Văn phòng Sở") != normalized("Sở")


def test_heading_then_bullets() -> None:
    doc = run("III. Tổ chức thực hiện:\n1. Văn phòng Sở:\n- Theo dõi, đôn đốc việc thực hiện.\n"
              "- Tổng hợp báo cáo Giám đốc Sở.\n2. Các phòng chuyên môn:\n- Phối hợp thực hiện kế hoạch này.")
    got = [(t.assignees, t.action) for t in doc.record.tasks]
    assert got == [(["Văn phòng Sở"], "Theo dõi, đôn đốc việc thực hiện"),
                   (["Văn phòng Sở"], "Tổng hợp báo cáo Giám đốc Sở"),
                   (["Các phòng chuyên môn"], "Phối hợp thực hiện kế hoạch này")]
    assert [(a.name, a.tasks) for a in doc.record.assignees] == [("Văn phòng Sở", [0, 1]),
                                                                 ("Các phòng chuyên môn", [2])]


def test_aims_without_doer_are_not_tasks() -> None:
    doc = run("I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\na) Kịp thời phát hiện, biểu dương các điển hình.\n"
              "2. Yêu cầu\na) Việc triển khai phải thiết thực, hiệu quả.")
    assert doc.record.tasks == []


def test_decree_provisions_are_not_tasks() -> None:
    text = ("Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về đánh giá viên chức.\n"
            "Điều 2. Đối tượng áp dụng\nViên chức, đơn vị sự nghiệp công lập.\n"
            "Điều 3. Nguyên tắc\n1. Cơ quan quản lý thực hiện đánh giá hằng năm.\n"
            "Điều 4. Trách nhiệm thi hành\nCác Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành Nghị định này.")
    doc = run(text)
    assert [t.assignees for t in doc.record.tasks] == [["Các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ"]]


@pytest.mark.parametrize("text", ["   ", "1.", "- ", "Giao", "Đề nghị:", "a) b) c)", "\n\n\n"])
def test_bad_input_gives_no_tasks(text: str) -> None:
    doc = Doc.from_text(text)
    tasks.add(doc)
    assert doc.record.tasks == [] and doc.record.assignees == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcđ ĐGiaoVănphòngSởchủtrì,.:;-\n1)IV", max_size=120))
def test_tasks_never_crash_and_spans_stay_inside(text: str) -> None:
    doc = Doc.from_text(text)
    tasks.add(doc)
    for t in doc.record.tasks:
        assert t.span is not None and 0 <= t.span[0] <= t.span[1] <= len(text)
        assert t.assignees
    for a in doc.record.assignees:
        assert all(0 <= i < len(doc.record.tasks) for i in a.tasks)


@needs_shared
@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.stem)
def test_seed_tasks_match_gold_doers(path) -> None:  # type: ignore[no-untyped-def]
    rec = seed_record(path.stem)
    want = {normalized(a) for t in gold(path.stem)["tasks"] for a in t["assignees"]}
    got = {normalized(a.name) for a in rec.assignees}
    assert want == got
    assert len(rec.tasks) == len(gold(path.stem)["tasks"])


@needs_shared
def test_corpus_decrees_give_few_tasks() -> None:
    """Decrees are provisions, not orders: at most the duty articles yield tasks."""
    pages = sorted(CORPUS.glob("*nghi-dinh*.md"))[:25]
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8").split("## VĂN BẢN", 1)[-1]
        doc = run(text)
        for t in doc.record.tasks:
            assert normalized(t.assignees[0]) not in {"co quan", "to chuc", "ca nhan"}
        assert len(doc.record.tasks) <= 25, page.name


UBND_DISPATCH = """Số: 88/UBND-VX
V/v tăng cường phòng chống dịch

Kính gửi: Các sở, ban, ngành tỉnh

Chủ tịch UBND tỉnh chỉ đạo như sau:

1. Tăng cường công tác tuyên truyền phòng chống dịch bệnh.

2. Sở Y tế:
Chủ trì, phối hợp với các địa phương giám sát dịch bệnh, báo cáo UBND tỉnh trước ngày 10/10/2024.

3. Giao Sở Tài chính:
- Bố trí kinh phí phòng chống dịch.
- Hướng dẫn các đơn vị thanh quyết toán.

4. Các sở, ban, ngành, UBND các huyện, thị xã có trách nhiệm phối hợp với Sở Y tế cung cấp số liệu.

Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị báo cáo về Sở Y tế để tổng hợp./.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_provincial_dispatch() -> None:
    """A speaker's "chỉ đạo như sau:" hands nothing over; doer headings hand their lines down."""
    from pipeline.extract import extract_text

    rec = extract_text(UBND_DISPATCH)
    got = [(t.assignees, t.action.split(",")[0], t.deadline) for t in rec.tasks]
    assert got == [
        (["Sở Y tế"], "Chủ trì", "2024-10-10"),
        (["Sở Tài chính"], "Bố trí kinh phí phòng chống dịch", None),
        (["Sở Tài chính"], "Hướng dẫn các đơn vị thanh quyết toán", None),
        (["Các sở, ban, ngành", "UBND các huyện, thị xã"], "có trách nhiệm phối hợp với Sở Y tế cung cấp số liệu", None),
    ]
    assert rec.tasks[0].coordinators == ["các địa phương"]
    assert [a.name for a in rec.assignees] == ["Sở Y tế", "Sở Tài chính", "Các sở, ban, ngành", "UBND các huyện, thị xã"]


def test_decree_duty_article_keeps_actions_not_cases() -> None:
    """Under "Trách nhiệm của X" the clauses that start with an action are X's tasks; a clause
    about someone else ("Người nộp thuế …") is not."""
    text = ("Điều 1. Phạm vi điều chỉnh\nThông tư này quy định về hóa đơn.\n"
            "Điều 2. Trách nhiệm của Thủ trưởng cơ quan thuế\n"
            "1. Tổ chức kiểm tra việc sử dụng hóa đơn.\n"
            "2. Người nộp thuế giải trình trong thời hạn 03 ngày làm việc.\n"
            "Điều 3. Tổ chức thực hiện\n"
            "Bộ Khoa học và Công nghệ trong phạm vi chức năng, nhiệm vụ của mình có trách nhiệm phối hợp triển khai.")
    doc = run(text)
    assert [(t.assignees, t.action) for t in doc.record.tasks] == [
        (["Thủ trưởng cơ quan thuế"], "Tổ chức kiểm tra việc sử dụng hóa đơn"),
        (["Bộ Khoa học và Công nghệ"], "có trách nhiệm phối hợp triển khai"),
    ]


def test_paragraphs_under_implementation_heading() -> None:
    doc = run("I. MỤC ĐÍCH\nCác phòng, đơn vị hưởng ứng phong trào.\nIV. TỔ CHỨC THỰC HIỆN\n"
              "Các phòng, đơn vị căn cứ nội dung Kế hoạch này xây dựng kế hoạch của đơn vị. "
              "Văn phòng Sở theo dõi, tổng hợp kết quả.")
    assert [(t.assignees, t.action) for t in doc.record.tasks] == [
        (["Các phòng, đơn vị"], "căn cứ nội dung Kế hoạch này xây dựng kế hoạch của đơn vị"),
        (["Văn phòng Sở"], "theo dõi, tổng hợp kết quả"),
    ]


def test_quy_co_quan_is_the_addressee() -> None:
    from pipeline.extract import extract_text

    rec = extract_text("SỞ TÀI CHÍNH TỈNH NGHỆ AN\nSố: 321/STC-QLNS\nV/v đề nghị cung cấp số liệu quyết toán\n\n"
                       "Nghệ An, ngày 10 tháng 02 năm 2025\n\nKính gửi: Kho bạc Nhà nước Nghệ An\n\n"
                       "Để có cơ sở tổng hợp quyết toán ngân sách năm 2024, Sở Tài chính đề nghị Quý cơ quan cung "
                       "cấp số liệu thu, chi ngân sách năm 2024 trước ngày 28/02/2025.\n\nTrân trọng./.\n")
    assert [(t.assignees, t.deadline) for t in rec.tasks] == [(rec.header.recipients, "2025-02-28")]
    assert rec.header.recipients


def test_decision_articles_are_orders() -> None:
    """In a Quyết định the closing articles order named units; long doer lists stay whole."""
    from pipeline.extract import extract_text

    text = ("ỦY BAN NHÂN DÂN\nTỈNH TIỀN GIANG\nSố: 33/2009/QĐ-UBND\n\nMỹ Tho, ngày 05 tháng 10 năm 2009\n\n"
            "QUYẾT ĐỊNH\nVề việc ban hành Quy định quản lý mạng tin học\n\nQUYẾT ĐỊNH:\n"
            "Điều 1.\nBan hành kèm theo Quyết định này Quy định quản lý mạng tin học.\n"
            "Điều 2.\nGiám đốc Sở Thông tin và Truyền thông phối hợp với các sở, ban, ngành có liên quan "
            "tổ chức triển khai thực hiện Quyết định này.\n"
            "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở, Ban, ngành, đoàn thể có liên quan; "
            "Chủ tịch Ủy ban nhân dân các huyện, thành phố và các tổ chức, cá nhân có liên quan chịu trách "
            "nhiệm thi hành Quyết định này./.\n")
    rec = extract_text(text)
    assert rec.header.doc_type == "Quyết định"
    assert [t.assignees for t in rec.tasks] == [
        ["Giám đốc Sở Thông tin và Truyền thông"],
        ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc các Sở, Ban, ngành, đoàn thể có liên quan",
         "Chủ tịch Ủy ban nhân dân các huyện, thành phố", "Các tổ chức, cá nhân có liên quan"],
    ]
    assert rec.tasks[0].coordinators == ["các sở, ban, ngành có liên quan"]


# Excerpts of data/tuning/domain (real provincial texts, a tuning set for finding errors).

def test_glued_article_number_is_still_an_article() -> None:
    """PDF text that lost the space: "Điều 2.Giao Sở Y tế …" (Quyết định 44/2007/QĐ-UBND, Lào Cai)."""
    doc = run("QUYẾT ĐỊNH:\n\nĐiều 1.Ban hành kèm theo Quyết định này Quy định chính sách xã hội hoá.\n\n"
              "Điều 2.Giao Sở Y tế chủ trì, phối hợp với các sở, ban, ngành liên quan, UBND các huyện, "
              "thành phố tổ chức hướng dẫn, triển khai Quy định này.\n\nĐiều 3. Chánh Văn phòng UBND tỉnh")
    assert [t.assignees for t in doc.record.tasks] == [["Sở Y tế"]]


def test_year_range_broken_at_its_dash_is_no_item() -> None:
    """"giai đoạn 2016⏎- 2020; …" continues the sentence (Chỉ thị 15/CT-UBND, Thanh Hóa): the doer
    named in the paragraph, not a dash item handed down from the opening sentence."""
    doc = run("Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, Chủ tịch UBND các huyện, thị xã, thành phố, "
              "triển khai việc lập kế hoạch đầu tư công trung hạn, với các nội dung sau:\n"
              "I. ĐÁNH GIÁ\nTÌNH HÌNH THỰC HIỆN KẾ HOẠCH ĐẦU TƯ CÔNG TRUNG HẠN GIAI ĐOẠN 2016-2020\n"
              "Căn cứ kế hoạch phát triển kinh tế - xã hội giai đoạn 2016\n- 2020; tình hình thực hiện, "
              "yêu cầu các sở, ban, ngành, đơn vị cấp tỉnh, UBND các huyện, thị xã, thành phố khẩn trương "
              "đánh giá tình hình thực hiện kế hoạch đầu tư công trung hạn.")
    [task] = doc.record.tasks
    assert task.assignees == ["Các sở, ban, ngành, đơn vị cấp tỉnh", "UBND các huyện, thị xã, thành phố"]
    assert task.action.startswith("khẩn trương đánh giá")


def test_aims_of_a_plan_presented_by_its_author_are_no_tasks() -> None:
    """Kế hoạch 2516/KH-UBND (Kon Tum): the issuer presents its plan; the aims under "Mục đích" are not orders."""
    doc = run("Ủy ban nhân dân tỉnh xây dựng kế hoạch triển khai thực hiện, cụ thể như sau:\n\n"
              "I. Mục đích, yêu cầu\n\n1. Nhằm tạo môi trường sống an toàn, thân thiện với trẻ em.\n\n"
              "2. Tăng cường sự quan tâm lãnh đạo, chỉ đạo của các cấp ủy đảng, chính quyền địa phương.")
    assert doc.record.tasks == []
    assert handover_doer("Ủy ban nhân dân tỉnh xây dựng kếhoạch triển khai thực hiện, cụ thể như sau:") is None


def test_aims_heading_beats_a_hand_over_above_it() -> None:
    doc = run("Đề nghị các phòng, đơn vị thực hiện các nội dung sau:\n"
              "1. Mục đích\n- Tạo khí thế thi đua sôi nổi.\n2. Nhiệm vụ\n- Tổ chức phát động phong trào thi đua.")
    assert [t.action for t in doc.record.tasks] == ["Tổ chức phát động phong trào thi đua"]


def test_cued_hand_over_ending_in_thuc_hien() -> None:
    """Sở GD&ĐT TP Hồ Chí Minh: "… đề nghị Thủ trưởng đơn vị thực hiện:" over numbered items."""
    doc = run("Sở Giáo dục và Đào tạo đề nghị Thủ trưởng đơn vị thực hiện:\n\n"
              "1. Cơ quan, đơn vị trường học báo cáo tình hình thực hiện sinh hoạt chào cờ đầu tuần "
              "trước ngày 10 tháng 4 năm 2023.")
    [task] = doc.record.tasks
    assert task.assignees == ["Thủ trưởng đơn vị"] and task.deadline == "2023-04-10"
    assert handover_doer("Các phòng, đơn vị thực hiện:") is None  # no cue, no hand-over


def test_deadline_set_by_the_next_sentence() -> None:
    """Công văn 846/UBND-TH: the date comes in the sentence after the order, which names no doer."""
    doc = run("Giao các sở, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố báo cáo tình hình giải ngân "
              "kế hoạch đầu tư công năm 2019 (Sao gửi Công văn kèm theo). Yêu cầu gửi báo cáo về Sở Kế "
              "hoạch và Đầu tư trước ngày 23/5/2019.\nGiao Sở Kế hoạch và Đầu tư chủ trì phối hợp với "
              "các đơn vị liên quan tổng hợp chung báo cáo. Yêu cầu hoàn thiện gửi Văn phòng Uỷ ban nhân "
              "dân trước ngày 24/5/2019.")
    assert [t.deadline for t in doc.record.tasks] == ["2019-05-23", "2019-05-24"]


def test_coordinators_after_phoi_hop_without_voi() -> None:
    """Công văn 1150/UBND-VP (Côn Đảo): "chủ trì, phối hợp Ban Tuyên giáo Huyện ủy và …"."""
    assert coordinators("chủ trì, phối hợp Ban Tuyên giáo Huyện ủy và các cơ quan, đơn vị có liên quan, "
                        "tham mưu Ủy ban nhân dân huyện") == ["Ban Tuyên giáo Huyện ủy", "các cơ quan, đơn vị có liên quan"]
    assert coordinators("chủ trì, phối hợp các đơn vị, địa phương liên quan nghiên cứu") == ["các đơn vị, địa phương liên quan"]
    assert coordinators("phối hợp thực hiện kế hoạch") == []


def test_socio_political_organisations_stay_one_doer() -> None:
    doc = run("IV. TỔ CHỨC THỰC HIỆN\n2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị "
              "- xã hội tỉnh phối hợp tuyên truyền, vận động đoàn viên, hội viên tham gia phong trào thi đua.")
    assert doc.record.tasks[0].assignees == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                                             "Các tổ chức chính trị - xã hội tỉnh"]


def test_a_line_opening_on_a_verb_is_not_the_heading_run_on() -> None:
    """A long doer heading without a full stop, then its duty on the next line."""
    doc = run("III. TỔ CHỨC THỰC HIỆN\n2. Phòng Văn hóa và Thông tin, Trung tâm Văn hóa - Thể thao và "
              "Truyền thanh huyện\nTăng cường công tác thông tin, tuyên truyền về phong trào thi đua.")
    [task] = doc.record.tasks
    assert task.assignees == ["Phòng Văn hóa và Thông tin", "Trung tâm Văn hóa - Thể thao và Truyền thanh huyện"]
    assert task.action == "Tăng cường công tác thông tin, tuyên truyền về phong trào thi đua"


def test_an_order_handed_to_the_issuing_office_is_kept() -> None:
    """A Thông báo kết luận is issued by the Văn phòng, which the chair may task too."""
    text = ("THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại cuộc họp về tiến độ giải phóng mặt bằng\n"
            "Sau khi nghe báo cáo, Chủ tịch UBND tỉnh kết luận như sau:\n"
            "1. Sở Tài chính thẩm định phương án bồi thường, hỗ trợ; hoàn thành trong tháng 6/2023.\n"
            "2. Giao Văn phòng UBND tỉnh theo dõi, đôn đốc.\n"
            "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.")
    doc = run(text)
    doc.record.header.issuer = "Văn phòng UBND tỉnh"
    tasks.add(doc)
    assert [t.assignees for t in doc.record.tasks] == [["Sở Tài chính"], ["Văn phòng UBND tỉnh"]]
    assert doc.record.tasks[0].deadline == "2023-06"


def test_school_plan_doers() -> None:
    """The implementation part of a school's kế hoạch (the kind of Kế hoạch 180/KH-THCSTrC, 04/KH-THPTTX.PL)."""
    doc = run("IV. TỔ CHỨC THỰC HIỆN\n1. Ban Giám hiệu\n- Xây dựng kế hoạch, chỉ đạo các bộ phận tổ chức các hoạt động.\n"
              "2. Đoàn trường, Liên đội\n- Phát động thi đua trong học sinh.\n"
              "3. Giáo viên chủ nhiệm: Phổ biến kế hoạch đến học sinh lớp mình phụ trách.\n"
              "4. Đoàn viên thanh niên tích cực tham gia các hoạt động.")
    assert [t.assignees for t in doc.record.tasks] == [["Ban Giám hiệu"], ["Đoàn trường", "Liên đội"],
                                                       ["Giáo viên chủ nhiệm"]]


def test_adverb_before_the_verb_ends_the_doer() -> None:
    """Công văn 1405/SGDĐT (Quảng Nam): "… Hiệu trưởng các trường THPT, PTDTNT nhanh chóng triển khai …"."""
    doer = split_doer("đề nghị Trưởng Phòng GDĐT các huyện, thị xã, thành phố; Hiệu trưởng các trường THPT, "
                      "PTDTNT nhanh chóng triển khai thực hiện kịp thời và nghiêm túc.")
    assert doer is not None
    assert doer.names == ["Trưởng Phòng GDĐT các huyện, thị xã, thành phố", "Hiệu trưởng các trường THPT, PTDTNT"]


@pytest.mark.parametrize(("text", "expected"), [
    # Công văn 1194/VPUBND-HCQT, Văn phòng UBND tỉnh Đắk Nông, 2023 (as its site summarises it)
    ("Đồng thời, Văn phòng UBND tỉnh cũng giao phòng Hành chính - Quản trị tuyên truyền các phong trào thi đua "
     "yêu nước và công tác khen thưởng trên trang Thông tin điện tử của Văn phòng.",
     [(["Phòng Hành chính - Quản trị"], "tuyên truyền các phong trào thi đua yêu nước")]),
    # Nghị quyết 191/NQ-CP (data/gold, train split): "Chính phủ giao Bộ … chủ trì" mid-sentence
    ("- Chính phủ giao Bộ Quốc phòng chủ trì, phối hợp với các bộ, cơ quan liên quan nghiên cứu, tiếp thu ý kiến.",
     [(["Bộ Quốc phòng"], "chủ trì")]),
    # passive, hand-over of property, narrated past: no order
    ("Nhiệm vụ được giao Sở Nội vụ theo dõi.", []),
    ("Công trình đã bàn giao Ban Quản lý dự án quản lý.", []),
    ("UBND tỉnh đã giao Sở Tài chính thẩm định.", []),
    ("bảo đảm trật tự an toàn giao thông Quốc lộ 1A.", []),
])
def test_giao_inside_a_sentence(text: str, expected: list) -> None:
    got = [(t.assignees, t.action) for t in run(text).record.tasks]
    assert [names for names, _ in got] == [names for names, _ in expected]
    assert all(action.startswith(start) for (_, action), (_, start) in zip(got, expected, strict=True))


@pytest.mark.parametrize(("text", "expected"), [
    # Kế hoạch 117/KH-UBND, UBND tỉnh Ninh Bình, 2017 (as its portal summarises the "Tiến độ")
    ("Tiến độ của kế hoạch: Năm 2017: Trước 15/11/2017, các cơ quan, đơn vị, địa phương triển khai, xây dựng "
     "chương trình, kế hoạch và phát động Phong trào thi đua.",
     [(["Các cơ quan, đơn vị, địa phương"], "triển khai", "2017-11-15")]),
    ("III. TỔ CHỨC THỰC HIỆN\n1. Trước ngày 15/12/2024, các sở, ban, ngành, UBND các huyện báo cáo kết quả thực "
     "hiện về Sở Nội vụ để tổng hợp.",
     [(["Các sở, ban, ngành", "UBND các huyện"], "báo cáo kết quả", "2024-12-15")]),
    ("2. Định kỳ hằng năm, Bộ Ngoại giao báo cáo Thủ tướng Chính phủ về tình hình tổ chức hội nghị.",
     [(["Bộ Ngoại giao"], "báo cáo Thủ tướng", None)]),
    ("Trước đây, nhiều đơn vị chưa thực hiện tốt.", []),
    ("Trước tình hình dịch bệnh, Sở Y tế triển khai các biện pháp.", []),  # no date: no deadline that leads
])
def test_a_sentence_opening_on_its_deadline(text: str, expected: list) -> None:
    got = run(text).record.tasks
    assert [t.assignees for t in got] == [names for names, _, _ in expected]
    assert all(t.action.startswith(start) and t.deadline == deadline
               for t, (_, start, deadline) in zip(got, expected, strict=True))


def test_fields_listed_after_the_bodies_colon() -> None:
    # Điều 3 of a Quyết định of UBND tỉnh Bình Định (data/tuning/structure2), the PDF line broken at the dash
    doc = run("Điều 3.\nChánh Văn phòng UBND tỉnh; Giám đốc các Sở: Lao động\n- Thương binh và Xã hội, Nội vụ, Tài "
              "chính, Y tế; Chủ tịch UBND các huyện, thị xã, thành phố và Thủ trưởng các cơ quan liên quan chịu trách "
              "nhiệm thi hành Quyết định này./.")
    [task] = doc.record.tasks
    assert task.assignees == ["Chánh Văn phòng UBND tỉnh",
                              "Giám đốc các Sở: Lao động - Thương binh và Xã hội, Nội vụ, Tài chính, Y tế",
                              "Chủ tịch UBND các huyện, thị xã, thành phố", "Thủ trưởng các cơ quan liên quan"]
    assert task.action.startswith("chịu trách nhiệm thi hành")


def test_a_body_after_the_fields_list_is_its_own_doer() -> None:
    # Nghị định 46/2026/NĐ-CP (corpus): the fields end where another kind of body starts
    doer = split_doer("Các Bộ: Y tế, Nông nghiệp và Môi trường, Công Thương, Tài chính và Ủy ban nhân dân cấp tỉnh có "
                      "trách nhiệm hoàn thiện việc kết nối, chia sẻ dữ liệu.")
    assert doer is not None
    assert doer.names == ["Các Bộ: Y tế, Nông nghiệp và Môi trường, Công Thương, Tài chính", "Ủy ban nhân dân cấp tỉnh"]


def test_a_handed_task_may_open_on_a_describing_verb() -> None:
    # Công văn 3722/VPCP-CN (data/tuning/full): after "Giao", "có ý kiến" is the task, not a description
    doc = run("Phó Thủ tướng Thường trực Chính phủ Phạm Gia Túc có ý kiến như sau:\n\nGiao các Bộ: Công an, Tài "
              "chính, Xây dựng, Tư pháp, Nông nghiệp và Môi trường có ý kiến đối với đề xuất, kiến nghị của Ủy ban "
              "nhân dân tỉnh Đồng Nai tại Tờ trình số 92/TTr-UBND nêu trên, ý kiến của Ủy ban nhân dân tỉnh Đồng Nai "
              "trước ngày 10 tháng 5 năm 2026 để báo cáo Thủ tướng Chính phủ.")
    [task] = doc.record.tasks
    assert task.assignees == ["Các Bộ: Công an, Tài chính, Xây dựng, Tư pháp, Nông nghiệp và Môi trường"]
    assert task.action.startswith("có ý kiến đối với đề xuất")
    assert task.deadline == "2026-05-10"
    doer = split_doer("Hội đồng có 12 thành viên, do Chủ tịch UBND tỉnh làm Chủ tịch.")
    assert doer is None or doer.descriptive
    # a cue inside a clause of a procedure (Nghị định 66/2026/NĐ-CP, corpus) hands nothing on "có"
    doc = run("c) Trong trường hợp cần thiết, hiệu trưởng hoặc giám đốc cơ sở giáo dục đại học có văn bản đề nghị "
              "Bộ Công an hoặc Cơ quan đại diện của nước có người được đề nghị phong tặng có ý kiến về việc không vi "
              "phạm pháp luật.")
    assert not any("Bộ Công an hoặc Cơ quan đại diện của nước" in n for t in doc.record.tasks for n in t.assignees)


def test_the_office_for_people_with_merit_is_a_name() -> None:
    # Quyết định 64 of Sở LĐ-TB&XH Long An (data/tuning/full): "Người có công" names a phòng, its "có" is no verb
    doc = run("**QUYẾT ĐỊNH**\n\n**Điều 1.** Trợ cấp một lần đối với Bà Đinh Thị Một, sinh năm 1951.\n\n"
              "**Điều 2.** Trưởng phòng Người có công, Trưởng phòng Kế hoạch - Tài chính, Trưởng phòng Lao động - "
              "Thương binh và Xã hội huyện Tân Thanh và Bà Đinh Thị Một chịu trách nhiệm thi hành Quyết định này.")
    [task] = doc.record.tasks
    assert task.assignees == ["Trưởng phòng Người có công", "Trưởng phòng Kế hoạch - Tài chính",
                              "Trưởng phòng Lao động - Thương binh và Xã hội huyện Tân Thanh", "Bà Đinh Thị Một"]


def test_the_person_named_after_the_offices_is_a_doer_of_their_own() -> None:
    # Quyết định 729/QĐ-TTg and 1815/QĐ-UBND of huyện Đức Hòa (data/tuning/full)
    assert split_units("Bộ trưởng Bộ Nội vụ, Hội đồng nhân dân, Ủy ban nhân dân thành phố Đà Nẵng và ông Nguyễn "
                       "Mạnh Hùng") == ["Bộ trưởng Bộ Nội vụ", "Hội đồng nhân dân", "Ủy ban nhân dân thành phố Đà Nẵng",
                                        "ông Nguyễn Mạnh Hùng"]
    assert split_units("Chủ tịch UBND xã Tân Phú và bà Phan Thị Năm") == ["Chủ tịch UBND xã Tân Phú", "bà Phan Thị Năm"]
    assert split_units("Sở Nông nghiệp và Phát triển nông thôn") == ["Sở Nông nghiệp và Phát triển nông thôn"]


def test_a_second_unit_handed_its_duty_after_a_semicolon() -> None:
    # "…; UBND cấp tỉnh chịu trách nhiệm …" (Nghị định 162/2026/NĐ-CP, corpus) and a plan's Tổ chức thực hiện
    doc = run("IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ có trách nhiệm hướng dẫn, theo dõi việc triển khai Kế hoạch; "
              "Sở Tài chính chủ trì bố trí kinh phí thực hiện.")
    assert [(t.assignees, t.action) for t in doc.record.tasks] == [
        (["Sở Nội vụ"], "có trách nhiệm hướng dẫn, theo dõi việc triển khai Kế hoạch"),
        (["Sở Tài chính"], "chủ trì bố trí kinh phí thực hiện")]
    # a list of doers split by ";" stays one task
    doc = run("Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc Sở Tài chính; Chủ tịch UBND các huyện chịu trách nhiệm thi "
              "hành Quyết định này.")
    [task] = doc.record.tasks
    assert task.assignees == ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Tài chính", "Chủ tịch UBND các huyện"]
    # nor does a doer phrase left open on "và" ("Giám đốc Quỹ quyết định chuẩn chi và chịu trách nhiệm …")
    assert [s.text for s in sentences("Kế toán lập chứng từ; Giám đốc Quỹ quyết định chuẩn chi và chịu trách "
                                      "nhiệm trước pháp luật.", 0)] == [
        "Kế toán lập chứng từ; Giám đốc Quỹ quyết định chuẩn chi và chịu trách nhiệm trước pháp luật."]


def test_photographing_is_a_duty() -> None:
    # Công văn A308/TUBND-VX of UBND tỉnh Long An (data/tuning/full), a dash item under "có ý kiến như sau:"
    doc = run("UBND tỉnh có ý kiến như sau:\n\n- Văn phòng UBND tỉnh phát hành Thư mời.\n\n"
              "- Sở Văn hóa, Thể thao và Du lịch chụp ảnh lưu niệm.")
    assert (["Sở Văn hóa, Thể thao và Du lịch"], "chụp ảnh lưu niệm") in [
        (t.assignees, t.action) for t in doc.record.tasks]


def test_a_clause_after_a_duty_hands_its_own_doer_a_task() -> None:
    # Thông báo 453/TB-UBND of UBND TP Hà Nội (data/tuning/full)
    doc = run("Ủy ban nhân dân các phường, xã có trách nhiệm chỉ đạo, kiểm tra, nhắc nhở việc treo cờ Tổ quốc ở địa bàn "
              "dân cư; Thủ trưởng các cơ quan, đơn vị chỉ đạo, kiểm tra việc treo cờ Tổ quốc ở các đơn vị thuộc quyền "
              "quản lý đảm bảo đúng quy định./.")
    assert [(t.assignees, t.action) for t in doc.record.tasks] == [
        (["Ủy ban nhân dân các phường, xã"], "có trách nhiệm chỉ đạo, kiểm tra, nhắc nhở việc treo cờ Tổ quốc ở địa bàn dân cư"),
        (["Thủ trưởng các cơ quan, đơn vị"],
         "chỉ đạo, kiểm tra việc treo cờ Tổ quốc ở các đơn vị thuộc quyền quản lý đảm bảo đúng quy định")]
