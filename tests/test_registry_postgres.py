"""The registry on PostgreSQL, the server option: the seeds (and one corpus act naming Đồng Nai)
ingested into a throwaway server (tests/conftest.py ``postgres_server``) must search, show,
deduplicate and resume as the SQLite registry does on the same documents."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import pipeline.cli_registry  # noqa: F401  (registers the commands on the app)
import pipeline.registry as registry
from pipeline.cli import app
from pipeline.registry import pg, store
from pipeline.registry.fold import campaign_key, unit_key
from tests.conftest import CORPUS, SEEDS, needs_shared, new_postgres_database

pytestmark = needs_shared

DONG_NAI = CORPUS / "chinh-phu-16-NQ-TW-xay-dung-phat-trien-thanh-pho-Dong-Nai-2035.md"
SOURCES = [str(SEEDS), str(DONG_NAI)]


@pytest.fixture(scope="module")
def pg_url(postgres_server):
    url = new_postgres_database(postgres_server, "seeds")
    with registry.open(url) as reg:
        summary = reg.ingest(SOURCES, workers=0)
    assert (summary.added, summary.failed) == (6, 0), summary.failures
    return url


@pytest.fixture(scope="module")
def pg_reg(pg_url):
    with registry.open(pg_url) as reg:
        yield reg


@pytest.fixture(scope="module")
def sqlite_reg(tmp_path_factory):
    with registry.open(tmp_path_factory.mktemp("pg-twin") / "registry.sqlite") as reg:
        reg.ingest(SOURCES, workers=0)
        yield reg


def test_a_url_opens_postgres_and_a_path_sqlite(pg_reg, sqlite_reg):
    assert pg.dialect(pg_reg.conn) == "postgres" and pg.dialect(sqlite_reg.conn) == "sqlite"
    assert pg_reg.counts() == sqlite_reg.counts()


def test_migrations_are_recorded_in_a_table(pg_reg, pg_url):
    applied = pg_reg.sql("SELECT version, name FROM schema_migrations ORDER BY version")
    expected = [(v, name) for v, name, _ in store.migrations("postgres")]
    assert list(applied.itertuples(index=False, name=None)) == expected
    assert "0002_search.postgres.sql" in set(applied["name"])
    with registry.open(pg_url) as again:  # reopening applies nothing twice
        assert store.schema_version(again.conn) == expected[-1][0]
    assert len(pg_reg.sql("SELECT * FROM schema_migrations")) == len(expected)


SEARCHES = [  # (query, kind, words the title or snippet of a hit must hold)
    ("thi dua", "campaign", "Phong trào thi đua đặc biệt nhân kỷ niệm 370 năm"),
    ("Khanh Hoa", "campaign", "tỉnh Khánh Hòa"),
    ("khánh hoà", "campaign", "tỉnh Khánh Hòa"),
    ("KHANH HOA", "document", "tỉnh Khánh Hòa"),
    ("Dong Nai", "document", "[Đồng Nai]"),
    ("nong thon moi", "campaign", "chung sức xây dựng nông thôn mới"),
    ("van phong so", "assignee", "Văn phòng Sở"),
    ("cong thong tin dien tu", "task", "Cổng thông tin điện tử"),
]


@pytest.mark.parametrize(("query", "kind", "expected"), SEARCHES)
def test_accent_insensitive_search_finds_what_sqlite_finds(pg_reg, sqlite_reg, query, kind, expected):
    hits, theirs = pg_reg.search(query, kind, limit=50), sqlite_reg.search(query, kind, limit=50)
    assert any(expected in f"{title} {snip}" for title, snip in zip(hits["title"], hits["snippet"], strict=True)), \
        hits[["title", "snippet"]]
    assert set(hits["id"]) == set(theirs["id"])
    if theirs["score"][0] > 1:  # a clear best hit (bm25 of words that all rows hold is ~1e-6: ties)
        assert hits["id"][0] == theirs["id"][0], (hits[["id", "score"]], theirs[["id", "score"]])


@pytest.mark.parametrize("query", ["thi dua", "Khanh Hoa", "Dong Nai", "kế hoạch"])
def test_every_kind_at_once_gives_sqlite_hits(pg_reg, sqlite_reg, query):
    ours, theirs = pg_reg.search(query, limit=200), sqlite_reg.search(query, limit=200)
    assert len(ours) and set(ours["id"]) == set(theirs["id"])
    assert list(ours["score"]) == sorted(ours["score"], reverse=True)  # higher is better, as in SQLite


def test_snippets_mark_the_words_as_written(pg_reg):
    assert "[Khánh Hòa]" in pg_reg.search("khanh hoa", "campaign")["snippet"][0]
    assert "[thi đua]" in " ".join(pg_reg.search("thi dua", "document")["snippet"])
    assert any("[Đồng Nai]" in s for s in pg_reg.search("dong nai", "document")["snippet"])


def test_exact_spelling_ranks_first(postgres_server):
    with registry.open(new_postgres_database(postgres_server, "spelling")) as reg:
        reg.add_record({"source": {"sha256": "r1"}, "header": {"subject": "Thị dưa hấu"}})
        reg.add_record({"source": {"sha256": "r2"}, "header": {"subject": "Thi đua yêu nước"}})
        assert reg.search("thi đua", "document")["title"].tolist() == ["Thi đua yêu nước", "Thị dưa hấu"]
        assert set(reg.search("thi dua", "document")["title"]) == {"Thi đua yêu nước", "Thị dưa hấu"}
        assert reg.search("!!!").empty and reg.search('thi" OR (dua NEAR').empty


@pytest.mark.parametrize("filters", [
    {"year": 2022}, {"year": 2021}, {"issuer": "Sở Tài nguyên và Môi trường tỉnh Sóc Trăng"},
    {"issuer": "Bộ Quốc phòng"}, {"assignee": "Văn phòng Sở"},
])
@pytest.mark.parametrize("kind", ["document", "campaign", "task", "assignee"])
def test_filters_keep_what_sqlite_keeps(pg_reg, sqlite_reg, kind, filters):
    ours = pg_reg.search("thi dua", kind, limit=50, **filters)
    assert set(ours["id"]) == set(sqlite_reg.search("thi dua", kind, limit=50, **filters)["id"])
    if "year" in filters and kind in ("document", "task"):
        assert set(ours["year"]) <= {filters["year"]}


def test_filters_on_real_text(pg_reg):
    assert set(pg_reg.search("thi dua", "document", year=2022)["year"]) == {2022}
    assert len(pg_reg.search("thi dua", "document", issuer="Sở Tài nguyên và Môi trường tỉnh Sóc Trăng")) == 2
    assert pg_reg.search("thi dua", "document", issuer="Bộ Quốc phòng").empty
    tasks = pg_reg.search("thi dua", "task", assignee="Văn phòng Sở")
    assert len(tasks) and all(pg_reg.show(t)["assignees"]["name"].str.contains("Văn phòng").any()
                              for t in tasks["id"])


def test_national_campaign_is_one_entry_with_mentions_in_two_seeds(pg_reg):
    hits = pg_reg.sql("SELECT c.id, COUNT(DISTINCT m.document_id) AS docs FROM campaigns c JOIN campaign_mentions m "
                      "ON m.campaign_id = c.id WHERE c.campaign_key = ? GROUP BY c.id",
                      (campaign_key("Cả nước chung sức xây dựng nông thôn mới"),))
    assert len(hits) == 1 and hits["docs"][0] == 2
    shown = pg_reg.show(f"C{hits['id'][0]}")
    assert shown["kind"] == "campaign" and shown["mentions"]["document_id"].nunique() == 2


def _shown(reg: registry.Registry, ref: str) -> dict[str, object]:
    return {name: value.to_dict("records") if hasattr(value, "to_dict") else value
            for name, value in reg.show(ref).items()}


def test_show_document_campaign_assignee_as_sqlite_does(pg_reg, sqlite_reg):
    doc = pg_reg.show("D1")
    assert doc["kind"] == "document" and len(doc["campaigns"]) and len(doc["cites"]) and len(doc["tasks"])
    unit = pg_reg.sql("SELECT id FROM assignees WHERE unit_key = ?", (unit_key("Văn phòng Sở"),))["id"][0]
    assert pg_reg.show(f"A{unit}")["tasks"]["role"].isin(["assignee", "coordinator"]).all()
    for ref in ("D1", "D2", "D4", "C1", "C3", f"A{unit}", "T1"):
        assert _shown(pg_reg, ref) == _shown(sqlite_reg, ref), ref
    assert pg_reg.record("D2")["source"]["sha256"] == pg_reg.show("D2")["item"]["sha256"]


def test_overviews_run_on_postgres(pg_reg, sqlite_reg):
    from pipeline.registry import queries

    for overview in (queries.campaigns_by_year_issuer, lambda conn: queries.most_tasked_units(conn, 100)):
        ours, theirs = overview(pg_reg.conn), overview(sqlite_reg.conn)
        assert sorted(map(str, ours.to_dict("records"))) == sorted(map(str, theirs.to_dict("records")))  # ties in any order
    edges = [sorted(map(str, queries.citation_edges(reg.conn, 1).to_dict("records"))) for reg in (pg_reg, sqlite_reg)]
    assert edges[0] == edges[1] and edges[0]


def test_a_second_ingest_adds_nothing(pg_url, pg_reg):
    before = pg_reg.counts()
    with registry.open(pg_url) as reg:
        summary = reg.ingest(SOURCES, workers=0)
    assert (summary.found, summary.added, summary.known) == (6, 0, 6)
    assert pg_reg.counts() == before


def test_a_failed_batch_leaves_nothing_behind(postgres_server):
    """One transaction per batch: a batch that fails half-way is rolled back whole, and the
    writer's connection is usable again (a re-run then adds the documents)."""
    from pipeline.registry.rows import to_rows

    url = new_postgres_database(postgres_server, "batch")
    good = to_rows({"source": {"sha256": "b1"}, "header": {"subject": "Thi đua"}})
    bad = to_rows({"source": {"sha256": "b2"}, "header": {"subject": "Khen thưởng"}})
    bad.document["year"] = "not a year"  # PostgreSQL refuses it for an INTEGER column
    with registry.open(url) as reg:
        with pytest.raises(Exception, match="integer"):
            store.write_batch(reg.conn, [good, bad])
        assert reg.counts()["documents"] == 0 and reg.sql("SELECT COUNT(*) AS n FROM search_documents")["n"][0] == 0
        bad.document["year"] = 2024
        assert store.write_batch(reg.conn, [good, bad]) == 2
        assert store.write_batch(reg.conn, [good, bad]) == 0
        assert set(reg.sql("SELECT sha256 FROM documents")["sha256"]) == {"b1", "b2"}


def test_cli_ingest_then_search_and_show(postgres_server):
    url = new_postgres_database(postgres_server, "cli")
    runner = CliRunner()
    seed = sorted(SEEDS.glob("*.txt"))[1]  # the Khánh Hòa plan
    ingested = runner.invoke(app, ["ingest", str(seed), str(DONG_NAI), "--db", url, "--workers", "0"])
    assert ingested.exit_code == 0, ingested.output
    assert "2 added" in ingested.output
    found = runner.invoke(app, ["search", "Dong Nai", "--kind", "document", "--format", "json", "--db", url])
    assert found.exit_code == 0, found.output
    hits = json.loads(found.stdout)
    assert hits and "[Đồng Nai]" in hits[0]["snippet"]
    campaigns = json.loads(runner.invoke(app, ["search", "khanh hoa", "--kind", "campaign", "--format", "json",
                                               "--db", url]).stdout)
    assert campaigns and "Khánh Hòa" in campaigns[0]["title"]
    shown = runner.invoke(app, ["show", hits[0]["id"], "--format", "json", "--db", url])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["kind"] == "document"
    again = runner.invoke(app, ["ingest", str(seed), "--db", url, "--workers", "0"])
    assert again.exit_code == 0 and "0 added, 1 already in the registry" in again.output
