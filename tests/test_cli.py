"""The command line mirrors the library: ``congvan extract`` prints what ``extract_file`` returns.

Bad input through the command line is in ``test_bad_input.py``; these are the normal paths:
one file, several, ``-o``, ``--encoding``, ``--max-mb``, ``schema`` and ``eval``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import span_violations
from pipeline.extract import extract_file
from tests.conftest import GOLD, SEEDS, needs_shared, seed_paths
from tests.test_bad_input import cp1258

runner = CliRunner()
KE_HOACH = "Số: 48/KH-UBND\nSóc Trăng, ngày 30 tháng 3 năm 2022\nKẾ HOẠCH\nPhát động phong trào thi đua năm 2022\n"


@needs_shared
def test_extract_one_file_prints_the_library_record_pretty() -> None:
    seed = seed_paths()[0]
    result = runner.invoke(app, ["extract", str(seed)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("{\n  ")  # pretty: one file is read by people
    printed = json.loads(result.stdout)
    assert printed == json.loads(json.dumps(extract_file(seed).to_dict(), ensure_ascii=False))
    assert span_violations(printed, seed.read_text(encoding="utf-8")) == []


@needs_shared
def test_extract_out_dir_writes_one_json_per_file(tmp_path: Path) -> None:
    seeds = seed_paths()[:2]
    result = runner.invoke(app, ["extract", "-o", str(tmp_path / "out"), *map(str, seeds)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    written = sorted((tmp_path / "out").glob("*.json"))
    assert [p.stem for p in written] == [s.stem for s in seeds]
    for path, seed in zip(written, seeds, strict=True):
        assert json.loads(path.read_text(encoding="utf-8"))["source"]["path"] == str(seed)


@needs_shared
def test_extract_folder_gives_json_lines_in_name_order(tmp_path: Path) -> None:
    for seed in seed_paths()[:2]:
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "ghi-chu.json").write_text("{}", encoding="utf-8")  # not a document suffix: skipped
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    paths = [Path(json.loads(line)["source"]["path"]).name for line in result.stdout.splitlines()]
    assert paths == [s.name for s in seed_paths()[:2]]


def test_forced_encoding(tmp_path: Path) -> None:
    path = tmp_path / "kh.txt"
    path.write_bytes(cp1258(KE_HOACH))
    result = runner.invoke(app, ["extract", "--encoding", "cp1258", str(path)])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["source"]["encoding"] == "cp1258"
    wrong = runner.invoke(app, ["extract", "--encoding", "utf-8", str(path)])
    assert wrong.exit_code == 1 and "[E103]" in wrong.stderr and "--encoding" in wrong.stderr
    unknown = runner.invoke(app, ["extract", "--encoding", "khong-co", str(path)])
    assert unknown.exit_code == 1 and "[E103]" in unknown.stderr


def test_max_mb_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "kh.txt"
    path.write_text(KE_HOACH * 100, encoding="utf-8")
    result = runner.invoke(app, ["extract", "--max-mb", "0.001", str(path)])
    assert result.exit_code == 1 and "[E104]" in result.stderr and "kh.txt" in result.stderr
    assert runner.invoke(app, ["extract", "--max-mb", "1", str(path)]).exit_code == 0


def test_schema_describes_the_contract_keys() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert {"header", "footer", "references", "sections", "entities", "campaigns", "themes", "tasks",
            "assignees"} <= set(schema["properties"])


@needs_shared
def test_eval_prints_every_field_and_misses_when_verbose(tmp_path: Path) -> None:
    gold_dir, texts = tmp_path / "gold", tmp_path / "texts"
    gold_dir.mkdir()
    texts.mkdir()
    stem = seed_paths()[0].stem
    shutil.copy(GOLD / f"{stem}.json", gold_dir)
    shutil.copy(SEEDS / f"{stem}.txt", texts)
    quiet = runner.invoke(app, ["eval", "--gold", str(gold_dir), "--texts", str(texts)])
    assert quiet.exit_code == 0, quiet.stderr
    assert quiet.stdout.startswith("documents: 1   predictions missing or unreadable: 0")
    for field in ("header.symbol", "references", "sections", "tasks", "entities.ORG"):
        assert any(line.startswith(field + " ") for line in quiet.stdout.splitlines()), field
    loud = runner.invoke(app, ["eval", "--gold", str(gold_dir), "--texts", str(texts), "-v"])
    misses = [line for line in loud.stdout.splitlines() if line.startswith(f"    {stem}: ")]
    assert len(loud.stdout.splitlines()) == len(quiet.stdout.splitlines()) + len(misses)


def test_eval_without_gold_files_fails_cleanly(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path), "--texts", str(tmp_path)])
    assert result.exit_code == 1 and "[E120]" in result.stderr


@pytest.mark.parametrize("command", ["extract", "schema", "eval"])
def test_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.stdout


def test_extract_does_not_import_the_heavy_libraries(tmp_path: Path) -> None:
    # One file must take well under a second: pandas (registry only) and underthesea's package
    # (only its word list is read, found without importing it) cost ~0.4 s each to import.
    script = (
        "import sys\n"
        "from pipeline.cli import main\n"
        "sys.argv = ['congvan', 'extract', 'data/examples/ke-hoach-thi-dua-khanh-hoa.txt']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('pandas', 'underthesea', 'spacy') if m in sys.modules)\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True)
    assert '"symbol"' in done.stdout
    assert "HEAVY []" in done.stderr
