"""The campaigns stage: movements, their roles, periods and slogans, on real text and odd input."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import campaigns
from pipeline.campaigns_names import find_mentions, same_campaign
from pipeline.campaigns_periods import find_range, period_in
from pipeline.document import Doc
from pipeline.normalize import fold_key
from pipeline.tables import load
from tests.conftest import CORPUS, gold, needs_shared, seed_paths, seed_record


def run(text: str) -> Doc:
    doc = Doc.from_text(text)
    campaigns.add(doc)
    return doc


# (text, names of the movements it names)
NAMES = [
    ("Phát động phong trào thi đua năm 2022", ["Phong trào thi đua năm 2022"]),
    ("PHÁT ĐỘNG PHONG TRÀO\nThi đua đặc biệt nhân kỷ niệm 370 năm hình thành và phát triển tỉnh Khánh Hòa\n",
     ["Phong trào thi đua đặc biệt nhân kỷ niệm 370 năm hình thành và phát triển tỉnh Khánh Hòa"]),
    ("Phong trào “Cả nước chung sức xây dựng nông thôn mới”; phong trào “Doanh nghiệp hội nhập và phát triển”",
     ["Phong trào Cả nước chung sức xây dựng nông thôn mới", "Phong trào Doanh nghiệp hội nhập và phát triển"]),
    ("như: “Phong trào toàn dân đoàn kết xây dựng đời sống văn hóa”;",
     ["Phong trào toàn dân đoàn kết xây dựng đời sống văn hóa"]),
    ("Tiếp tục thực hiện phong trào thi đua “Cán bộ, công chức thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025.",
     ["Phong trào thi đua Cán bộ, công chức thi đua thực hiện văn hóa công sở giai đoạn 2019 - 2025"]),
    ("phát động thi đua thực hiện thắng lợi nhiệm vụ năm 2023 theo Nghị quyết",
     ["Phong trào thi đua thực hiện thắng lợi nhiệm vụ năm 2023"]),
    # generic mentions name nothing of their own
    ("các phong trào thi đua yêu nước, các cuộc vận động", []),
    ("hưởng ứng và phát động phong trào thi đua thiết thực, hiệu quả", []),
    ("tích cực hưởng ứng phong trào thi đua thực hiện văn hóa công sở;", []),
    ("Sở phát động phong trào thi đua trong toàn Ngành như sau:", []),
    ("tạo khí thế thi đua sôi nổi", []),
]


@pytest.mark.parametrize(("text", "names"), NAMES)
def test_names(text: str, names: list[str]) -> None:
    assert [c.name for c in run(text).record.campaigns] == names


@pytest.mark.parametrize(("text", "role"), [
    ("KẾ HOẠCH Phát động phong trào thi đua năm 2022", "launched"),
    ("Triển khai Kế hoạch số 48/KH-UBND về việc Phát động phong trào thi đua năm 2022", "referenced"),
    ("Tiếp tục thực hiện phong trào “Doanh nghiệp hội nhập và phát triển”", "continued"),
    ("các phong trào “Doanh nghiệp hội nhập và phát triển” do Thủ tướng phát động", "referenced"),
])
def test_roles(text: str, role: str) -> None:
    assert [c.role for c in run(text).record.campaigns] == [role]


def test_mentions_of_one_movement_merge() -> None:
    doc = run("KẾ HOẠCH Phát động phong trào thi đua năm 2022\nSở phát động phong trào thi đua toàn ngành "
              "tài nguyên và môi trường tỉnh Sóc Trăng năm 2022 với chủ đề “Kỷ cương, trách nhiệm”.")
    assert [c.name for c in doc.record.campaigns] == ["Phong trào thi đua năm 2022"]
    assert [(t.text, t.campaign) for t in doc.record.themes] == [("Kỷ cương, trách nhiệm", 0)]
    assert doc.record.campaigns[0].key == fold_key("Phong trào thi đua năm 2022")
    assert not same_campaign("Phong trào thi đua năm 2022", "Phong trào thi đua năm 2023")


def test_bare_launch_dates_the_main_movement() -> None:
    doc = run("PHÁT ĐỘNG PHONG TRÀO\nThi đua đặc biệt nhân kỷ niệm 370 năm thành lập tỉnh\n"
              "2. Thời gian thi đua\nPhát động Phong trào thi đua đặc biệt từ ngày 01/01/2023 đến ngày 31/12/2023.")
    (c,) = doc.record.campaigns
    assert (c.start, c.end, c.kind, c.role) == ("2023-01-01", "2023-12-31", "đặc biệt", "launched")


@pytest.mark.parametrize(("text", "period"), [
    ("giai đoạn 2021-2025", ("2021", "2025", "giai đoạn 2021-2025")),
    ("Kế hoạch 5 năm (2021-2025)", ("2021", "2025", "2021-2025")),
    ("năm 2022", ("2022", "2022", "năm 2022")),
    ("giai đoạn 2025-2021", (None, None, None)),  # backwards: not a period
    ("năm học mới", (None, None, None)),
])
def test_period_in(text: str, period: tuple) -> None:
    assert period_in(text) == period


def test_find_range_rejects_impossible_dates() -> None:
    assert find_range("từ ngày 01/01/2023 đến ngày 31/12/2023") == ("2023-01-01", "2023-12-31",
                                                                  "từ ngày 01/01/2023 đến ngày 31/12/2023")
    assert find_range("từ ngày 01/13/2023 đến ngày 31/12/2023") is None
    assert find_range("từ ngày 31/12/2023 đến ngày 01/01/2023") is None


def test_table_patterns_match_their_examples() -> None:
    table = load("campaign_patterns")
    for entry in table["periods"]:
        for example in entry["examples"]:
            assert regex.compile(entry["pattern"]).search(example), example
    for text, name in table["examples"] + table["examples_named"]:
        assert name in [m.name for m in find_mentions(text)], text


def test_themes_need_a_movement_and_a_capital() -> None:
    assert run("phân loại theo chủ đề của tác phẩm.").record.themes == []
    assert run("sắp xếp theo chủ đề và lĩnh vực.").record.themes == []


@pytest.mark.parametrize("text", ["", "   ", "phong trào", "“”", "phát động", "Phong trào “", "thi đua\n\n"])
def test_bad_input(text: str) -> None:
    doc = Doc.from_text(text or " ")
    campaigns.add(doc)
    assert doc.record.campaigns == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="phát động phong trào thi đua năm 2022 “”\"giai đoạn-,.\nABC", max_size=150))
def test_never_crashes_and_spans_stay_inside(text: str) -> None:
    doc = Doc.from_text(text)
    campaigns.add(doc)
    for c in doc.record.campaigns:
        assert c.span is not None and 0 <= c.span[0] <= c.span[1] <= len(text)
        assert c.name.startswith("Phong trào")
    for t in doc.record.themes:
        assert t.campaign is None or 0 <= t.campaign < len(doc.record.campaigns)


@needs_shared
@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.stem)
def test_seed_campaigns_cover_gold(path) -> None:  # type: ignore[no-untyped-def]
    rec = seed_record(path.stem)
    names = [c.name for c in rec.campaigns]
    for want in gold(path.stem)["campaigns"]:
        assert any(same_campaign(want["name"], n) or same_campaign(n, want["name"]) for n in names), want
    assert len(names) == len(gold(path.stem)["campaigns"])


@needs_shared
def test_corpus_laws_name_few_movements() -> None:
    """Decrees and laws mention movements rarely; every one found must name something."""
    for page in sorted(CORPUS.glob("*.md"))[:80]:
        text = page.read_text(encoding="utf-8").split("## VĂN BẢN", 1)[-1]
        doc = run(text)
        assert len(doc.record.campaigns) <= 3, page.name
        for c in doc.record.campaigns:
            assert len(c.name.split()) >= 4, (page.name, c.name)


def test_plan_titled_with_a_movement_launches_it() -> None:
    from pipeline.extract import extract_text

    rec = extract_text("UBND TỈNH BÌNH ĐỊNH\nSỞ Y TẾ\nSố: 123/KH-SYT\n\nBình Định, ngày 05 tháng 3 năm 2024\n\n"
                       "KẾ HOẠCH\nTổ chức phong trào thi đua “Ngành Y tế chung tay xây dựng nông thôn mới” "
                       "giai đoạn 2024-2025\n\nI. MỤC ĐÍCH\nĐộng viên viên chức hưởng ứng.\n")
    (c,) = rec.campaigns
    assert (c.role, c.start, c.end) == ("launched", "2024", "2025")
    assert c.launched_by == rec.header.issuer


def test_time_heading_dates_the_launched_movement() -> None:
    doc = run("Phát động phong trào thi đua năm 2024\nII. THỜI GIAN THI ĐUA\n"
              "Từ ngày 15/3/2024 đến hết ngày 30/9/2024.")
    (c,) = doc.record.campaigns
    assert (c.start, c.end) == ("2024-03-15", "2024-09-30")


@pytest.mark.parametrize(("text", "theme"), [
    ("Phát động phong trào thi đua năm 2024 với chủ đề “Kỷ cương, trách nhiệm”.", "Kỷ cương, trách nhiệm"),
    ("Phát động phong trào thi đua năm 2024. Chủ đề thi đua: “Đoàn kết, sáng tạo”.", "Đoàn kết, sáng tạo"),
    ("Phát động phong trào thi đua năm 2024 với chủ đề Đổi mới, hiệu quả, nhằm khơi dậy lòng yêu nước.",
     "Đổi mới, hiệu quả"),
])
def test_theme_shapes(text: str, theme: str) -> None:
    assert [t.text for t in run(text).record.themes] == [theme]


def test_unquoted_proper_name_after_phong_trao() -> None:
    names = [c.name for c in run("Tiếp tục thực hiện phong trào Cả nước chung sức xây dựng nông thôn mới; "
                                 "Nội dung Phong trào Thi đua:").record.campaigns]
    assert names == ["Phong trào Cả nước chung sức xây dựng nông thôn mới"]


def test_month_range_dates_the_main_movement() -> None:
    """ "Thời gian thi đua: Từ tháng 01/2024 đến hết tháng 12/2024": months, as far as they are known."""
    from pipeline.extract import extract_text

    assert find_range("từ tháng 01 đến hết tháng 12 năm 2024")[:2] == ("2024-01", "2024-12")
    assert find_range("từ tháng 13/2024 đến tháng 12/2024") is None
    record = extract_text("KẾ HOẠCH\nPhát động phong trào thi đua năm 2024\nỦy ban nhân dân huyện phát động "
                          "phong trào thi đua năm 2024, cụ thể như sau:\nII. NỘI DUNG THI ĐUA\n"
                          "1. Thời gian thi đua: Từ tháng 01/2024 đến hết tháng 12/2024.")
    main = record.campaigns[0]
    assert (main.name, main.start, main.end) == ("Phong trào thi đua năm 2024", "2024-01", "2024-12")


def test_school_year_after_a_quoted_name() -> None:
    """A school's movement runs for a school year: "phong trào thi đua “Dạy tốt, học tốt” năm học 2023-2024"."""
    [m] = [m for m in find_mentions("Phát động phong trào thi đua “Dạy tốt, học tốt” năm học 2023-2024 "
                                    "với khẩu hiệu “Mỗi ngày đến trường là một ngày vui”.") if not m.generic]
    assert m.name == "Phong trào thi đua Dạy tốt, học tốt năm học 2023-2024"
    assert period_in(m.name)[:2] == ("2023", "2024")


# Round 2 of the tuning set (data/tuning/domain2): real excerpts.
def test_a_drive_is_named_dot_thi_dua() -> None:
    # Đảng ủy Khối các cơ quan tỉnh Thái Nguyên, 2020
    doc = run("Đảng ủy Khối các cơ quan tỉnh đã phát động đợt thi đua đặc biệt chào mừng Đại hội Đại biểu "
              "Đảng bộ Khối các cơ quan tỉnh lần thứ XV, Đại hội Đại biểu Đảng bộ tỉnh lần thứ XX.")
    assert [c.name for c in doc.record.campaigns] == [
        "Đợt thi đua đặc biệt chào mừng Đại hội Đại biểu Đảng bộ Khối các cơ quan tỉnh lần thứ XV"]
    assert doc.record.campaigns[0].kind == "đặc biệt"


def test_a_quoted_object_belongs_to_the_plain_name() -> None:
    # Kế hoạch 112/KH-UBND, UBND tỉnh Lạng Sơn, 2024
    doc = run("UBND tỉnh vừa ban hành Kế hoạch số 112/KH-UBND, ngày 20/5/2024 triển khai thực hiện phong trào "
              "thi đua lập thành tích chào mừng “Kỷ niệm 80 năm Ngày Tổng tuyển cử đầu tiên bầu Quốc hội Việt "
              "Nam” (06/01/1946 - 06/01/2026).")
    [c] = doc.record.campaigns
    assert c.name == ("Phong trào thi đua lập thành tích chào mừng Kỷ niệm 80 năm Ngày Tổng tuyển cử đầu tiên "
                      "bầu Quốc hội Việt Nam")
    assert doc.text[c.span[0]:c.span[1]].endswith("Việt Nam”")


def test_the_period_after_the_place_the_plan_covers() -> None:
    # Kế hoạch 210/KH-UBND, UBND huyện Tiên Phước, 2022
    doc = run("UBND huyện ban hành Kế hoạch số 210/KH-UBND về việc tổ chức thực hiện phong trào thi đua “Chung "
              "sức xây dựng nông thôn mới” trên địa bàn huyện Tiên Phước, giai đoạn 2021 - 2025.")
    [c] = doc.record.campaigns
    assert (c.name, c.start, c.end) == ("Phong trào thi đua Chung sức xây dựng nông thôn mới giai đoạn 2021 - 2025",
                                        "2021", "2025")


def test_a_title_in_capitals_gives_way_with_its_period() -> None:
    # Kế hoạch 166/KH-UBND, UBND tỉnh Vĩnh Phúc, 2022: the capitals title first, the period on the later wording
    doc = run("KẾ HOẠCH\n\nTỔ CHỨC THỰC HIỆN PHONG TRÀO THI ĐUA “VÌ NGƯỜI NGHÈO - KHÔNG ĐỂ AI BỊ BỎ LẠI PHÍA SAU”\n\n"
              "Thực hiện Quyết định số 666/QĐ-TTg ngày 02/6/2022 của Thủ tướng Chính phủ về việc ban hành Kế "
              "hoạch tổ chức thực hiện Phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau” "
              "giai đoạn 2021 -2025;\n")
    [c] = doc.record.campaigns
    assert (c.start, c.end) == ("2021", "2025")


@pytest.mark.parametrize(("text", "theme"), [
    # UBND tỉnh Cao Bằng, Kế hoạch 1199/KH-UBND, 2018: the quote follows "chủ đề thi đua năm 2018" straight
    ("Đẩy mạnh phong trào thi đua yêu nước, thực hiện tốt chủ đề thi đua năm 2018 \"Tăng cường kỷ luật, kỷ "
     "cương hành chính, đổi mới sáng tạo, hành động quyết liệt\". Các hoạt động …",
     "Tăng cường kỷ luật, kỷ cương hành chính, đổi mới sáng tạo, hành động quyết liệt"),
    # Đảng ủy Khối các cơ quan tỉnh Thái Nguyên: "Chủ đề thi đua là" and the slogan in small letters
    ("Chủ đề thi đua là chủ động, sáng tạo, quyết tâm hoàn thành xuất sắc nhiệm vụ chính trị lập thành tích "
     "chào mừng đại hội đảng các cấp và các ngày lễ lớn trong năm. Nội dung thi đua …",
     "chủ động, sáng tạo, quyết tâm hoàn thành xuất sắc nhiệm vụ chính trị lập thành tích chào mừng đại hội "
     "đảng các cấp và các ngày lễ lớn trong năm"),
])
def test_themes_of_round_two(text: str, theme: str) -> None:
    assert [t.text for t in run(text).record.themes] == [theme]


def test_a_topic_in_small_letters_without_la_is_no_theme() -> None:
    assert run("Tổ chức phong trào thi đua năm 2024 với chủ đề phù hợp từng đơn vị.").record.themes == []


def test_a_theme_after_a_colon_may_start_small() -> None:
    doc = run("Phát động phong trào thi đua năm 2025. Chủ đề: đoàn kết, sáng tạo, thi đua lập thành tích.\n")
    assert [t.text for t in doc.record.themes] == ["đoàn kết, sáng tạo, thi đua lập thành tích"]


def test_quoted_names_listed_after_a_colon() -> None:
    # Công văn 2457/UBND-NC, UBND tỉnh Đắk Nông, 2018 (as the provincial paper reports it)
    doc = run("UBND tỉnh đã phát động 4 phong trào thi đua: \"Đắk Nông chung sức xây dựng nông thôn mới\" giai đoạn "
              "2016 - 2020; \"Doanh nghiệp Đắk Nông hội nhập và phát triển\"; \"Đắk Nông chung tay vì người nghèo - "
              "Không để ai bị bỏ lại phía sau\", giai đoạn 2016 - 2020; \"Đẩy mạnh cải cách thủ tục hành chính tỉnh "
              "Đắk Nông\" giai đoạn 2017 - 2020.\n")
    assert [(c.name, c.start, c.end) for c in doc.record.campaigns] == [
        ("Phong trào Đắk Nông chung sức xây dựng nông thôn mới giai đoạn 2016 - 2020", "2016", "2020"),
        ("Phong trào Doanh nghiệp Đắk Nông hội nhập và phát triển", None, None),
        ("Phong trào Đắk Nông chung tay vì người nghèo - Không để ai bị bỏ lại phía sau giai đoạn 2016 - 2020",
         "2016", "2020"),
        ("Phong trào Đẩy mạnh cải cách thủ tục hành chính tỉnh Đắk Nông giai đoạn 2017 - 2020", "2017", "2020"),
    ]


def test_a_launched_quoted_name_without_phong_trao() -> None:
    # a plan summarised by the Ninh Thuận portal, 2011
    doc = run("Sở Nông nghiệp và Phát triển nông thôn có trách nhiệm xây dựng Kế hoạch phát động thi đua “Toàn dân "
              "chung tay xây dựng nông thôn mới”, giai đoạn 2011-2015; phối hợp với Sở Nội vụ tham mưu.")
    assert [(c.name, c.start, c.end) for c in doc.record.campaigns] == [
        ("Phong trào thi đua Toàn dân chung tay xây dựng nông thôn mới giai đoạn 2011-2015", "2011", "2015")]


def test_words_glued_by_a_pdf_copy_name_one_movement() -> None:
    # Quyết định 2480/QĐ-UBND, UBND tỉnh Thái Bình, 2011
    doc = run("QUYẾT ĐỊNH\n\nBANHÀNH KẾ HOẠCH TỔ CHỨC THỰC HIỆN PHONG TRÀO THI ĐUA “CẢ NƯỚC CHUNG SỨC XÂY DỰNGNÔNG "
              "THÔN MỚI”.\n\nĐiều 1. Ban hành kèm theoQuyết định này Kế hoạch tổ chức thực hiện phong trào thi đua “Cả "
              "nước chung sứcxây dựng nông thôn mới”.\n")
    assert len(doc.record.campaigns) == 1
