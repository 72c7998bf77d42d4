"""Every seed rendered as .docx, .pdf, .html and legacy text reads into the same record as its .txt.

Compared: whatever the header, footer, references and sections stages put in the record at the
time (values, not spans: offsets differ from format to format), after the normalisation that the
scorer applies (NFC, case, spaces, markdown marks). A field that differs is a reader defect or a
stage that depends on layout rather than on the words.
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import regex

from pipeline.extract import extract_bytes
from tests.conftest import needs_shared, seed_paths, seed_record
from tests.fixtures.builders import build_docx, build_html, build_pdf, legacy_bytes

COMPARED = ("header", "footer", "references", "sections")
SEEDS = [pytest.param(p, id=p.stem) for p in seed_paths()]
# Header table layout for some seeds, plain paragraphs for the others: both must read the same.
WITH_TABLE = {"000_d9624cc62ec96566", "003_8519eea36554ecb6", "004_6271e49e943773ab"}


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value).casefold()
        text = regex.sub(r"[*#_]+", "", text)
        return " ".join(text.split()).strip(" .,;:")
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items() if not k.endswith(("span", "spans"))}
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return value


def fields(record: Any) -> dict[str, Any]:
    data = record.to_dict()
    return {key: _norm(data[key]) for key in COMPARED}


@cache
def rendered(stem: str, kind: str) -> bytes:
    text = (seed_paths()[0].parent / f"{stem}.txt").read_text(encoding="utf-8")
    builders = {
        "docx": lambda: build_docx(text, header_table=stem in WITH_TABLE),
        "pdf": lambda: build_pdf(text, header_table=stem in WITH_TABLE),
        "html": lambda: build_html(text),
        "tcvn3": lambda: legacy_bytes(text, "tcvn3"),
        "vni": lambda: legacy_bytes(text, "vni", as_utf8=True),
    }
    return builders[kind]()


def _diff(got: dict[str, Any], want: dict[str, Any]) -> str:
    lines = []
    for key in COMPARED:
        if got[key] != want[key]:
            lines.append(f"{key}:\n  got  {json.dumps(got[key], ensure_ascii=False)[:600]}"
                         f"\n  want {json.dumps(want[key], ensure_ascii=False)[:600]}")
    return "\n".join(lines)


@needs_shared
@pytest.mark.parametrize("kind", ["docx", "pdf", "html", "vni"])
@pytest.mark.parametrize("path", SEEDS)
def test_rendering_reads_into_the_same_fields(path, kind):
    want = fields(seed_record(path.stem))
    record = extract_bytes(rendered(path.stem, kind), f"{path.stem}.{kind}")
    got = fields(record)
    assert got == want, _diff(got, want)


@needs_shared
@pytest.mark.parametrize("path", SEEDS)
def test_tcvn3_rendering_reads_into_the_same_fields_but_case(path):
    # TCVN3 cannot carry a toned capital inside a sentence ("của Ủy ban"); the scorer casefolds too.
    want = fields(seed_record(path.stem))
    got = fields(extract_bytes(rendered(path.stem, "tcvn3"), f"{path.stem}.txt"))
    assert got == want, _diff(got, want)


@needs_shared
@pytest.mark.parametrize(("kind", "reader", "encoding"), [
    ("docx", "docx", "utf-8"), ("pdf", "pdf", "utf-8"), ("html", "html", "utf-8"),
    ("tcvn3", "text", "tcvn3"), ("vni", "text", "vni"),
])
def test_record_source_names_reader_and_encoding(kind, reader, encoding):
    stem = seed_paths()[3].stem
    record = extract_bytes(rendered(stem, kind), f"{stem}.{kind}")
    assert (record.source.reader, record.source.encoding) == (reader, encoding)
    if kind == "pdf":
        assert record.source.pages and record.source.pages[0] == 0 and len(record.source.pages) >= 2
    else:
        assert record.source.pages is None


@needs_shared
def test_cli_extracts_every_format_without_a_flag(tmp_path):
    stem = seed_paths()[3].stem
    suffixes = {"docx": ".docx", "pdf": ".pdf", "html": ".html", "tcvn3": ".txt", "vni": ".txt"}
    for kind, suffix in suffixes.items():
        (tmp_path / kind).mkdir()
        (tmp_path / kind / f"{stem}{suffix}").write_bytes(rendered(stem, kind))
    cli = Path(sys.executable).with_name("congvan")
    done = subprocess.run([str(cli), "extract", str(tmp_path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert sorted(r["source"]["reader"] for r in records) == ["docx", "html", "pdf", "text", "text"]
    want = fields(seed_record(stem))["header"]
    for r in records:
        assert _norm(r["header"]) == want, r["source"]["path"]
