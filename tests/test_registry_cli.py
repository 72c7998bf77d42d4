"""``congvan search`` and ``congvan show`` over a registry of the seeds' gold records."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

import pipeline.cli_registry  # noqa: F401  (registers the commands on the app)
import pipeline.registry as registry
from pipeline.cli import app
from tests.conftest import needs_shared
from tests.test_registry import GOLD_STEMS, gold_record

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "registry.sqlite"
    with registry.open(path) as reg:
        for stem in GOLD_STEMS:
            reg.add_record(gold_record(stem))
    return str(path)


@needs_shared
def test_search_json_finds_accented_campaign_from_plain_query(db):
    result = runner.invoke(app, ["search", "Khanh Hoa", "--kind", "campaign", "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert hits and "Khánh Hòa" in hits[0]["title"] and hits[0]["id"].startswith("C")


@needs_shared
def test_search_csv_has_a_header_and_rows(db):
    result = runner.invoke(app, ["search", "thi dua", "--kind", "document", "--year", "2022", "--format", "csv",
                                 "--db", db])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0 and len(rows) == 2 and {r["year"] for r in rows} == {"2022"}


@needs_shared
def test_search_table_prints_snippets(db):
    result = runner.invoke(app, ["search", "nong thon moi", "--db", db])
    assert result.exit_code == 0 and "[nông thôn mới]" in result.stdout.replace("\n", " ")


@needs_shared
def test_show_campaign_json_lists_its_documents(db):
    hit = json.loads(runner.invoke(app, ["search", "chung suc nong thon moi", "--kind", "campaign",
                                         "--format", "json", "--db", db]).stdout)[0]
    result = runner.invoke(app, ["show", hit["id"], "--format", "json", "--db", db])
    shown = json.loads(result.stdout)
    assert result.exit_code == 0 and shown["kind"] == "campaign" and len(shown["mentions"]) == 2


@needs_shared
def test_show_document_by_number_prints_its_tables(db):
    result = runner.invoke(app, ["show", "D1", "--db", db])
    assert result.exit_code == 0
    assert all(name in result.stdout for name in ("campaigns", "tasks", "cites", "cited_by"))


@pytest.mark.parametrize(("args", "message"), [
    (["show", "D999"], "no document 999"),
    (["show", "X1"], "not a registry id"),
])
@needs_shared
def test_show_bad_ids_exit_1(db, args, message):
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 1 and message in result.stderr


@pytest.mark.parametrize("command", [["search", "thi dua"], ["show", "D1"]])
def test_commands_without_a_registry_exit_1(tmp_path, command):
    result = runner.invoke(app, [*command, "--db", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 1 and "no registry here" in result.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_search_refuses_an_unknown_kind(tmp_path):
    result = runner.invoke(app, ["search", "x", "--kind", "law", "--db", str(tmp_path / "r.sqlite")])
    assert result.exit_code == 2


@pytest.mark.parametrize("command", [["search", "thi dua"], ["show", "D1"], ["ingest", "nothing/"]])
def test_a_file_that_is_no_database_exits_1_with_the_reason(tmp_path, command):
    db = tmp_path / "notes.sqlite"
    db.write_text("these are notes, not a registry\n" * 100, encoding="utf-8")
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "[E131] cannot open the registry database" in result.stderr
    assert db.read_text(encoding="utf-8").startswith("these are notes")  # left as it was


def test_an_unreachable_postgresql_server_exits_1_with_the_reason(tmp_path):
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    result = runner.invoke(app, ["search", "thi dua", "--db", "postgresql://congvan@127.0.0.1:1/none"])
    assert result.exit_code == 1, result.output
    assert "[E131] cannot open the registry database" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
