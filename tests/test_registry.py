"""The registry on real annotations: the gold records of the seeds, added as records, must give
one campaign per folded key, resolved citations and accent-insensitive search."""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pipeline.registry as registry
from pipeline.registry import fts, store
from pipeline.registry.campaigns import same_campaign
from pipeline.registry.fold import campaign_key, fold, fold_chars, key, unit_key
from pipeline.registry.queries import NotFound, parse_ref
from pipeline.registry.rows import number_key, symbol_key, to_rows
from pipeline.registry.search import snippet
from pipeline.tables import load
from tests.conftest import GOLD, gold, needs_shared

GOLD_STEMS = sorted(p.stem for p in GOLD.glob("*.json")) if GOLD.exists() else []


_LIST_FIELDS = {"assignees", "coordinators", "recipients", "span", "tasks", "participants", "based_on", "awards"}


def _first(value: Any) -> Any:
    """Gold scalars may list acceptable answers: a record takes the first."""
    return value[0] if isinstance(value, list) and value and not isinstance(value[0], dict) else value


def _scalars(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v if k in _LIST_FIELDS else _first(v) for k, v in item.items()}


def gold_record(stem: str) -> dict[str, Any]:
    """A seed's gold annotation as a record (what the stages aim to produce)."""
    rec: dict[str, Any] = dict(gold(stem))
    rec["header"] = _scalars(rec["header"])
    for name in ("references", "campaigns", "themes", "tasks", "entities", "sections"):
        rec[name] = [_scalars(item if isinstance(item, dict) else {"text": item}) for item in rec.get(name, [])]
    rec["source"] = {"path": f"{stem}.txt", "sha256": hashlib.sha256(stem.encode()).hexdigest()}
    return rec


@pytest.fixture
def reg():
    with registry.open(":memory:") as opened:
        yield opened


@pytest.fixture
def gold_reg(reg):
    for stem in GOLD_STEMS:
        reg.add_record(gold_record(stem))
    return reg


def _record(sha: str, **header: Any) -> dict[str, Any]:
    extra = {k: header.pop(k) for k in ("references", "campaigns", "tasks") if k in header}
    return {"source": {"sha256": sha, "path": f"{sha}.txt"}, "header": header, **extra}


# --- keys -------------------------------------------------------------------------------------

FOLD_CASES = [
    ("Thi đua", "thi dua"),
    ("KHÁNH HÒA", "khanh hoa"),
    ("Khánh Hoà", "khanh hoa"),
    ("Đắk Lắk", "dak lak"),
    ("Thừa Thiên Huế", "thua thien hue"),
]


@pytest.mark.parametrize(("text", "expected"), FOLD_CASES)
def test_fold(text, expected):
    assert fold(text) == expected


def test_fold_accepts_decomposed_text():
    import unicodedata

    assert fold(unicodedata.normalize("NFD", "Khánh Hòa")) == "khanh hoa"


@given(st.text())
def test_fold_chars_keeps_length(text):
    assert len(fold_chars(text)) == len(text)


@given(st.text())
def test_key_is_idempotent(text):
    assert key(key(text)) == key(text)


CAMPAIGN_KEYS = [
    ("Phong trào cả nước chung sức xây dựng nông thôn mới", "Cả nước chung sức xây dựng nông thôn mới"),
    ("“Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”",
     "Phong trào Cả nước chung tay vì người nghèo, không để ai bị bỏ lại phía sau"),
    ("Phong trào thi đua năm 2022", "phong trào THI ĐUA năm 2022"),
]


@pytest.mark.parametrize(("one", "other"), CAMPAIGN_KEYS)
def test_campaign_spellings_share_a_key(one, other):
    assert campaign_key(one) == campaign_key(other)


SAME_CAMPAIGN = [  # (one wording, another, one movement?) — wordings from the seeds
    ("Phong trào Doanh nghiệp Việt Nam hội nhập và phát triển", "Doanh nghiệp hội nhập và phát triển", True),
    ("Phong trào Cả nước chung tay vì người nghèo, không để ai bị bỏ lại phía sau giai đoạn 2021-2025",
     "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau", True),
    ("Cán bộ, công chức, viên chức tỉnh Sóc Trăng thi đua thực hiện văn hóa công sở giai đoạn 2019 - 2025",
     "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở", True),
    ("Phong trào thi đua năm 2022", "Phong trào thi đua năm 2022 của ngành tài nguyên", False),
    ("Phong trào toàn dân đoàn kết xây dựng đời sống văn hóa", "Cả nước chung sức xây dựng nông thôn mới", False),
]


@pytest.mark.parametrize(("one", "other", "same"), SAME_CAMPAIGN)
def test_campaign_wordings_merge_only_when_one_contains_the_other(one, other, same):
    assert same_campaign(campaign_key(one), campaign_key(other)) is same


def test_a_longer_wording_joins_the_campaign_and_becomes_an_alias(reg):
    reg.add_record(_record("m1", campaigns=[{"name": "Doanh nghiệp hội nhập và phát triển"}]))
    reg.add_record(_record("m2", campaigns=[{"name": "Phong trào Doanh nghiệp Việt Nam hội nhập và phát triển"}]))
    reg.add_record(_record("m3", campaigns=[{"name": "Doanh nghiệp Việt Nam hội nhập và phát triển"}]))
    assert reg.counts()["campaigns"] == 1 and reg.counts()["campaign_mentions"] == 3
    assert reg.table("campaign_aliases")["alias_key"].tolist() == [
        "doanh nghiep viet nam hoi nhap va phat trien"]


def test_distinct_campaigns_keep_distinct_keys():
    assert campaign_key("Phong trào thi đua năm 2022") != campaign_key("Phong trào thi đua năm 2023")


@pytest.mark.parametrize(("name", "expected"), load("registry_units")["examples"])
def test_unit_key_table_examples(name, expected):
    assert unit_key(name) == expected


NUMBER_SYMBOL = [
    (("048", "KH-UBND"), ("48", "KH - UBND")),
    (("05", "CT/TW"), ("5", "CT/TW")),
    (("131", "2021/NĐ-CP"), ("131", "2021/ND-CP")),
]


@pytest.mark.parametrize(("one", "other"), NUMBER_SYMBOL)
def test_number_and_symbol_keys(one, other):
    assert (number_key(one[0]), symbol_key(one[1])) == (number_key(other[0]), symbol_key(other[1]))


def test_blank_number_has_no_key():
    assert number_key("  ") is None and symbol_key("") is None


def test_rows_need_a_sha256():
    with pytest.raises(ValueError, match="sha256"):
        to_rows({"header": {}})


# --- schema -----------------------------------------------------------------------------------


def test_fresh_database_is_at_the_last_migration(tmp_path):
    conn = store.connect(tmp_path / "r.sqlite")
    assert store.schema_version(conn) == store.migrations()[-1][0]
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "citations", "sections", "entities", "campaigns", "campaign_mentions", "themes",
            "tasks", "assignees", "task_assignees", "quarantine", "search_documents"} <= tables
    conn.close()


def test_reopening_applies_no_migration_twice(tmp_path):
    path = tmp_path / "r.sqlite"
    store.connect(path).close()
    conn = store.connect(path)  # would fail on "table documents already exists"
    assert store.migrate(conn) == store.migrations()[-1][0]


def test_migration_files_are_numbered_without_gaps():
    versions = [v for v, _, _ in store.migrations()]
    assert versions == list(range(1, len(versions) + 1))


def test_foreign_keys_are_enforced(reg):
    with pytest.raises(sqlite3.IntegrityError):
        reg.conn.execute("INSERT INTO tasks (document_id, ordinal, action) VALUES (999, 0, 'x')")


# --- documents and campaigns ------------------------------------------------------------------


def test_adding_the_same_bytes_twice_adds_nothing(reg):
    assert reg.add_record(_record("aa", subject="Kế hoạch thi đua")) == 1
    assert reg.add_record(_record("aa", subject="Kế hoạch thi đua")) is None
    assert reg.counts()["documents"] == 1


@needs_shared
def test_national_campaign_is_one_entry_with_mentions_in_two_seeds(gold_reg):
    hits = gold_reg.sql("SELECT c.id, COUNT(DISTINCT m.document_id) AS docs FROM campaigns c JOIN campaign_mentions m "
                        "ON m.campaign_id = c.id WHERE c.campaign_key = ? GROUP BY c.id",
                        (campaign_key("Cả nước chung sức xây dựng nông thôn mới"),))
    assert len(hits) == 1 and hits["docs"][0] == 2


@needs_shared
def test_campaigns_are_deduplicated_across_seeds(gold_reg):
    mentions = gold_reg.counts()["campaign_mentions"]
    assert gold_reg.counts()["campaigns"] < mentions  # some campaign is named by several seeds
    keys = gold_reg.sql("SELECT campaign_key FROM campaigns")["campaign_key"]
    assert keys.is_unique


@needs_shared
def test_assignees_are_normalised_units(gold_reg):
    units = gold_reg.sql("SELECT a.name, COUNT(DISTINCT t.document_id) AS docs FROM assignees a JOIN task_assignees "
                         "ta ON ta.assignee_id = a.id JOIN tasks t ON t.id = ta.task_id WHERE a.unit_key = ? "
                         "GROUP BY a.id", (unit_key("Các phòng, đơn vị thuộc Sở"),))
    assert len(units) == 1 and units["docs"][0] >= 3  # "Thủ trưởng các phòng…", "Trưởng các phòng…", …


# --- citations ----------------------------------------------------------------------------------

CITING = _record("c1", number="12", symbol="KH-STNMT", issuer="Sở Tài nguyên và Môi trường", references=[
    {"doc_type": "Kế hoạch", "number": "48", "symbol": "KH-UBND", "date": "2022-03-30",
     "issuer": "UBND tỉnh Sóc Trăng"}])
CITED = _record("c2", number="048", symbol="KH-UBND", issuer="Ủy ban nhân dân tỉnh Sóc Trăng", date={"year": 2022})


@pytest.mark.parametrize("order", [(CITING, CITED), (CITED, CITING)], ids=["cited-later", "cited-first"])
def test_citations_resolve_whichever_arrives_first(reg, order):
    for rec in order:
        reg.add_record(rec)
    shown = reg.show("12/KH-STNMT")
    cited_id = reg.show("48/KH-UBND")["item"]["id"]
    assert shown["cites"]["cited_id"].tolist() == [cited_id]
    assert reg.show(f"D{cited_id}")["cited_by"]["number"].tolist() == ["12"]


@pytest.mark.parametrize("other", [
    _record("c3", number="48", symbol="KH-UBND", issuer="Ủy ban nhân dân tỉnh Sóc Trăng", date={"year": 2021}),
    _record("c4", number="48", symbol="KH-UBND", issuer="Ủy ban nhân dân tỉnh Kon Tum", date={"year": 2022}),
], ids=["other-year", "other-issuer"])
def test_citation_does_not_resolve_to_another_year_or_issuer(reg, other):
    reg.add_record(CITING)
    reg.add_record(other)
    assert reg.show("12/KH-STNMT")["cites"]["cited_id"].isna().all()


# --- search -------------------------------------------------------------------------------------

SEARCHES = [  # (query, kind, a title the hits must contain)
    ("thi dua", "campaign", "Phong trào thi đua đặc biệt nhân kỷ niệm 370 năm"),
    ("Khanh Hoa", "campaign", "tỉnh Khánh Hòa"),
    ("khánh hoà", "campaign", "tỉnh Khánh Hòa"),
    ("KHANH HOA", "document", "tỉnh Khánh Hòa"),
    ("nong thon moi", "campaign", "chung sức xây dựng nông thôn mới"),
    ("van phong so", "assignee", "Văn phòng Sở"),
    ("cong thong tin dien tu", "task", "Cổng thông tin điện tử"),
]


@needs_shared
@pytest.mark.parametrize(("query", "kind", "expected"), SEARCHES)
def test_accent_insensitive_search(gold_reg, query, kind, expected):
    hits = gold_reg.search(query, kind)
    assert any(fold(expected) in fold(title) for title in hits["title"]), hits[["title"]]


def test_exact_spelling_ranks_first(reg):
    reg.add_record(_record("r1", subject="Thị dưa hấu"))
    reg.add_record(_record("r2", subject="Thi đua yêu nước"))
    assert reg.search("thi đua", "document")["title"].tolist() == ["Thi đua yêu nước", "Thị dưa hấu"]
    assert set(reg.search("thi dua", "document")["title"]) == {"Thi đua yêu nước", "Thị dưa hấu"}


@pytest.fixture
def ranked_here(monkeypatch):
    """Every table ranked in Python, as tables past fts.RANK_HERE_FROM rows are."""
    monkeypatch.setattr(fts, "RANK_HERE_FROM", 0)


def test_exact_spelling_ranks_first_when_ranked_here(reg, ranked_here):
    test_exact_spelling_ranks_first(reg)


@needs_shared
@pytest.mark.parametrize(("query", "kind", "expected"), SEARCHES)
def test_both_rankers_find_the_same_hits_best_first(gold_reg, monkeypatch, query, kind, expected):
    by_fts5 = gold_reg.search(query, kind)
    monkeypatch.setattr(fts, "RANK_HERE_FROM", 0)
    here = gold_reg.search(query, kind)
    assert set(here["id"]) == set(by_fts5["id"]) and len(here) > 0
    # Word counts are FTS5's, row lengths near them: near ties (9.49 vs 9.47) may swap, no more.
    assert here["id"][0] in set(by_fts5["id"][:2]), (here[["id", "score"]], by_fts5[["id", "score"]])
    assert by_fts5["id"][0] in set(here["id"][:2]), (here[["id", "score"]], by_fts5[["id", "score"]])


@needs_shared
def test_search_snippet_marks_the_words_as_written(gold_reg):
    hits = gold_reg.search("khanh hoa", "campaign")
    assert "[Khánh Hòa]" in hits["snippet"][0]


@needs_shared
@pytest.mark.parametrize(("filters", "years"), [({"year": 2021}, {2021}), ({"year": 2022}, {2022})])
def test_search_filters_by_year(gold_reg, filters, years):
    hits = gold_reg.search("thi dua", "document", **filters)
    assert len(hits) and set(hits["year"]) == years


@needs_shared
def test_search_filters_by_issuer_and_assignee(gold_reg):
    assert len(gold_reg.search("thi dua", "document", issuer="Sở Tài nguyên và Môi trường tỉnh Sóc Trăng")) == 2
    assert gold_reg.search("thi dua", "document", issuer="Bộ Quốc phòng").empty
    tasks = gold_reg.search("thi dua", "task", assignee="Văn phòng Sở")
    assert len(tasks) and all(gold_reg.show(t)["assignees"]["name"].str.contains("Văn phòng").any()
                              for t in tasks["id"])


@pytest.mark.parametrize("query", ["", "   ", "!!!", "–"])
def test_a_query_without_words_finds_nothing(reg, query):
    reg.add_record(_record("q1", subject="Thi đua"))
    assert reg.search(query).empty


def test_a_query_with_fts_syntax_is_taken_literally(reg):
    reg.add_record(_record("q2", subject="Thi đua AND khen thưởng"))
    assert len(reg.search('thi" OR (dua NEAR')) == 0
    assert len(reg.search("AND khen")) == 1


def test_unknown_kind_is_refused(reg):
    with pytest.raises(ValueError, match="unknown kind"):
        reg.search("thi dua", "law")


SNIPPETS = [
    ("Kế hoạch phát động phong trào thi đua", "thi dua", "Kế hoạch phát động phong trào [thi đua]"),
    ("Sở Tài nguyên và Môi trường Khánh Hoà", "khanh hoa", "Sở Tài nguyên và Môi trường [Khánh Hoà]"),
    ("Không có gì", "thi dua", "Không có gì"),
    # whole words only, as the search matches them: "hoa" is not the start of "hoạch"
    ("Kế hoạch của UBND tỉnh Khánh Hòa", "Khanh Hoa", "Kế hoạch của UBND tỉnh [Khánh Hòa]"),
    ("Kế hoạch thi đua", "ke hoa", "[Kế] hoạch thi đua"),
]


@pytest.mark.parametrize(("text", "query", "expected"), SNIPPETS)
def test_snippet(text, query, expected):
    assert snippet(text, query) == expected


# --- show ---------------------------------------------------------------------------------------


@needs_shared
def test_show_campaign_lists_every_mentioning_document(gold_reg):
    cid = gold_reg.search("chung suc xay dung nong thon moi", "campaign")["id"][0]
    shown = gold_reg.show(cid)
    assert shown["kind"] == "campaign" and shown["mentions"]["document_id"].nunique() == 2


@needs_shared
def test_show_document_has_campaigns_tasks_and_citations(gold_reg):
    doc = gold_reg.search("370 nam", "document")["id"][0]
    shown = gold_reg.show(doc)
    assert shown["item"]["symbol"] == "STNMT-TĐKT"
    assert len(shown["campaigns"]) == 1 and len(shown["tasks"]) == 5
    assert shown["cites"]["symbol"].tolist() == ["KH-UBND"]


@needs_shared
def test_show_assignee_lists_its_tasks(gold_reg):
    aid = gold_reg.search("van phong so", "assignee")["id"][0]
    assert len(gold_reg.show(aid)["tasks"]) >= 2


@pytest.mark.parametrize(("ref", "expected"), [("D12", ("document", 12)), ("a5", ("assignee", 5)),
                                                ("task:7", ("task", 7)), ("3", ("document", 3))])
def test_parse_ref(ref, expected):
    assert parse_ref(ref) == expected


@pytest.mark.parametrize("ref", ["X1", "C", "campaign:", "D-1"])
def test_parse_ref_refuses_garbage(ref):
    with pytest.raises(ValueError):
        parse_ref(ref)


@pytest.mark.parametrize("ref", ["D99", "C1", "99/KH-UBND", "abcdef12"])
def test_show_unknown_id(reg, ref):
    with pytest.raises(NotFound):
        reg.show(ref)
