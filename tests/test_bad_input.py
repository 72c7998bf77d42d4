"""Every bad input a user can hand us: a valid record or a catalogue error, never a crash or a hang.

Each case runs through the library (``extract_file``) and the command line (typer's runner, and
the installed ``congvan`` where the process boundary matters: exit codes, stdin, no traceback).
"""

from __future__ import annotations

import json
import random
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import CongvanError
from pipeline.evaluate import span_violations
from pipeline.extract import extract_bytes, extract_file, extract_text
from pipeline.readers import read_path
from tests.conftest import ROOT

CONGVAN = ROOT / ".venv" / "bin" / "congvan"
runner = CliRunner()

DISPATCH = (
    "ỦY BAN NHÂN DÂN\nTỈNH SÓC TRĂNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 48/KH-UBND\nSóc Trăng, ngày 30 tháng 3 năm 2022\n\nKẾ HOẠCH\n"
    "Phát động phong trào thi đua năm 2022\n\n"
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Ủy ban nhân dân tỉnh Khánh Hoà "
    "ban hành Kế hoạch như sau:\n1. Sở Nội vụ chủ trì, phối hợp với các sở, ngành tổ chức thực hiện.\n"
)
NEWS = (
    "Sáng 12/3, tại Hà Nội, hàng nghìn người dân đã tham gia ngày hội đi bộ vì sức khỏe cộng đồng. "
    "Theo ban tổ chức, sự kiện năm nay thu hút đông đảo thanh niên và học sinh các trường trung học "
    "trên địa bàn thành phố. Nhiều gian hàng giới thiệu sản phẩm nông nghiệp sạch cũng được bố trí "
    "dọc tuyến đường đi bộ quanh hồ.\n"
)
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters precomposed, tones combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out.append(base + "".join(c for c in parts if c in TONE_MARKS))
    return "".join(out).encode("cp1258")


def assert_valid_record(record: dict[str, Any], text: str) -> None:
    """A record a consumer can rely on: its keys, and every span inside the text it read."""
    assert record["schema_version"] == "1"
    assert {"header", "footer", "references", "sections", "entities", "tasks", "warnings"} <= set(record)
    assert span_violations(record, text) == []


def cli(*args: str, stdin: bytes | None = None) -> Any:
    return runner.invoke(app, list(args), input=stdin)


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def congvan(*args: str, stdin: bytes = b"") -> Ran:
    """The installed command in its own process: real exit codes, real stdin, no test harness."""
    proc = subprocess.run([str(CONGVAN), *args], input=stdin, capture_output=True, timeout=120)
    return Ran(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def assert_clean_failure(proc: Any, code: str, name: str) -> None:
    """Exit 1, stderr names the file and the catalogue code, and no traceback anywhere."""
    assert proc.returncode == 1, proc.stderr
    assert f"[{code}]" in proc.stderr and name in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


# --- inputs that cannot be a document: a catalogue error ------------------------------------------

REFUSED = [
    ("empty", b"", "E101"),
    ("whitespace", b" \n\t \r\n   \n", "E101"),
    ("unicode spaces", "\u00a0\u3000\u2007\n\ufeff".encode(), "E101"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4, "E112"),
    ("random", random.Random(7).randbytes(20_000), "E102"),
    ("random without NUL", random.Random(8).randbytes(20_000).replace(b"\x00", b"\x01"), "E102"),
]


@pytest.mark.parametrize(("name", "data", "code"), REFUSED, ids=[c[0] for c in REFUSED])
def test_refused_by_the_library(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    with pytest.raises(CongvanError) as caught:
        extract_file(path)
    assert caught.value.code == code
    with pytest.raises(CongvanError):
        extract_bytes(data, name)


@pytest.mark.parametrize(("name", "data", "code"), REFUSED, ids=[c[0] for c in REFUSED])
def test_refused_by_the_command(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    result = cli("extract", str(path))
    assert result.exit_code == 1
    assert f"[{code}]" in result.stderr and path.name in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(("text", "code"), [
    (" \n\t\u3000\n", "E101"),  # blanks
    ("\ufeff\u200b\n", "E101"),  # a BOM and a zero-width space are not content
    ("**\n---\n# ##\n…", "E105"),  # marks and punctuation, not one word
])
def test_texts_without_words_are_refused_by_extract_text(text: str, code: str) -> None:
    with pytest.raises(CongvanError, match=code):
        extract_text(text)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CongvanError, match="E100"):
        extract_file(tmp_path / "khong-co.txt")
    assert_clean_failure(congvan("extract", str(tmp_path / "khong-co.txt")), "E100", "khong-co.txt")


# --- encodings: each decodes to the same dispatch ------------------------------------------------

ENCODED = [
    ("utf-8", DISPATCH.encode("utf-8")),
    ("utf-8 with BOM", DISPATCH.encode("utf-8-sig")),
    ("utf-16 with BOM", DISPATCH.encode("utf-16")),
    ("utf-16-le without BOM", DISPATCH.encode("utf-16-le")),
    ("utf-16-be without BOM", DISPATCH.encode("utf-16-be")),
    ("cp1258 decomposed", cp1258(DISPATCH)),
    ("crlf", DISPATCH.replace("\n", "\r\n").encode("utf-8")),
]


@pytest.mark.parametrize(("name", "data"), ENCODED, ids=[c[0] for c in ENCODED])
def test_encodings_give_the_same_record(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / "vanban.txt"
    path.write_bytes(data)
    read = read_path(path)
    assert unicodedata.normalize("NFC", read.text).replace("\r\n", "\n").lstrip("\ufeff") == DISPATCH
    record = extract_file(path).to_dict()
    assert_valid_record(record, read.text)
    plain = extract_text(DISPATCH).to_dict()
    for key in ("header", "references", "tasks"):  # spans differ with the encoding; values do not
        assert _without_spans(record[key]) == _without_spans(plain[key]), key


def _without_spans(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_spans(v) for k, v in node.items() if k not in ("span", "spans", "body_span")}
    if isinstance(node, list):
        return [_without_spans(v) for v in node]
    return node


def test_cp1258_entities_slice_the_decomposed_text(tmp_path: Path) -> None:
    path = tmp_path / "cp1258.txt"
    path.write_bytes(cp1258(DISPATCH))
    text = read_path(path).text
    assert not unicodedata.is_normalized("NFC", text)  # the test really feeds decomposed text
    result = cli("extract", str(path))
    assert result.exit_code == 0, result.stderr
    assert_valid_record(json.loads(result.stdout), text)


CUT_INSIDE_D = DISPATCH.encode()[: DISPATCH.encode().index("Phát động".encode()) + len("Phát đ".encode()) - 1]
_LONG_E = "Số: 48/KH-UBND\nỦy ban nhân dân tỉnh Khánh Hòa ban hành kế hoạch thực hiện".encode()
CUT_INSIDE_E = _LONG_E[: _LONG_E.rindex("ệ".encode()) + 2]  # two of the three bytes of "ệ"
TRUNCATED = [
    ("utf-8", CUT_INSIDE_D, "Phát "),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + CUT_INSIDE_D, "Phát "),
    ("inside a 3-byte character", CUT_INSIDE_E, "thực hi"),
]


@pytest.mark.parametrize(("name", "data", "ends"), TRUNCATED, ids=[c[0] for c in TRUNCATED])
def test_truncated_mid_character_reads_as_utf8(tmp_path: Path, name: str, data: bytes, ends: str) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    record = extract_file(path).to_dict()
    assert record["source"]["encoding"].startswith("utf-8")  # not mojibake from a guess at CP1258
    text = data.decode("utf-8-sig", errors="ignore")
    assert text.endswith(ends)
    assert_valid_record(record, text)
    assert any("ends inside a character" in w for w in record["warnings"])
    result = cli("extract", str(path))
    assert result.exit_code == 0 and json.loads(result.stdout)["source"]["encoding"].startswith("utf-8")


def test_truncated_utf16_is_a_record_or_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "cut16.txt"
    path.write_bytes(DISPATCH.encode("utf-16")[:-1])  # an odd number of bytes
    proc = congvan("extract", str(path))
    assert "Traceback" not in proc.stderr
    if proc.returncode:
        assert_clean_failure(proc, "E103", "cut16.txt")
    else:
        assert json.loads(proc.stdout)["schema_version"] == "1"


# --- size limits: refused at once, never read whole ------------------------------------------------


def fifty_megabytes(tmp_path: Path) -> Path:
    path = tmp_path / "lon.txt"
    block = (DISPATCH * 40).encode("utf-8")
    with path.open("wb") as f:
        for _ in range(50_000_000 // len(block) + 1):
            f.write(block)
    return path


def test_fifty_megabytes_is_a_clear_error(tmp_path: Path) -> None:
    path = fifty_megabytes(tmp_path)
    with pytest.raises(CongvanError) as caught:
        extract_file(path)
    assert caught.value.code == "E104" and "--max-mb" in str(caught.value)
    assert_clean_failure(congvan("extract", str(path)), "E104", "lon.txt")


def test_fifty_megabytes_on_stdin_is_a_clear_error(tmp_path: Path) -> None:
    data = fifty_megabytes(tmp_path).read_bytes()
    result = cli("extract", "-", stdin=data)
    assert result.exit_code == 1
    assert "[E104]" in result.stderr and "<stdin>" not in result.stdout


# --- texts that are not dispatches ---------------------------------------------------------------


def test_news_paragraph_gives_a_record_with_a_warning(tmp_path: Path) -> None:
    record = extract_text(NEWS).to_dict()
    assert_valid_record(record, NEWS)
    assert any("not an administrative document" in w for w in record["warnings"]), record["warnings"]
    path = tmp_path / "tin-tuc.txt"
    path.write_text(NEWS, encoding="utf-8")
    result = cli("extract", str(path))
    assert result.exit_code == 0
    assert any("not an administrative document" in w for w in json.loads(result.stdout)["warnings"])


def test_dispatch_has_no_such_warning() -> None:
    record = extract_text(DISPATCH).to_dict()
    assert not any("not an administrative document" in w for w in record["warnings"])


@pytest.mark.parametrize("text", [
    "Số:",  # a lone header word
    "1.\n2.\n3.",  # items and nothing else
    "Điều 1. " * 200,  # a heading repeated
    "**Số:** " * 50 + "\n" + "#" * 80,  # marks
    "Căn cứ\n" * 300,  # a connector on every line: every break joins
    "\u0301\u0323 a\u0300\u0309",  # combining marks with no base, stacked marks
    "x" * 200_000,  # one long line with no spaces
])
def test_odd_texts_give_valid_records(text: str) -> None:
    assert_valid_record(extract_text(text).to_dict(), text)


# --- the command line: stdin, several files, folders, usage ---------------------------------------


def test_stdin_dash() -> None:
    proc = congvan("extract", "-", stdin=DISPATCH.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr
    assert_valid_record(json.loads(proc.stdout), DISPATCH)


def test_several_files_give_json_lines(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(DISPATCH, encoding="utf-8")
    result = cli("extract", *(str(tmp_path / f"{n}.txt") for n in "abc"))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert [Path(json.loads(line)["source"]["path"]).name for line in lines] == ["a.txt", "b.txt", "c.txt"]


def test_folder_with_one_bad_file(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "tot.txt").write_text(DISPATCH, encoding="utf-8")
    (folder / "hong.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    proc = congvan("extract", str(folder), "-o", str(out))
    assert_clean_failure(proc, "E112", "hong.txt")  # an image: OCR needed
    assert "tot.txt" not in proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["tot.json"]
    assert_valid_record(json.loads((out / "tot.json").read_text(encoding="utf-8")), DISPATCH)


def test_folder_without_documents(tmp_path: Path) -> None:
    (tmp_path / "anh.png").write_bytes(b"\x89PNG")
    result = cli("extract", str(tmp_path))
    assert result.exit_code == 1 and "no documents found" in result.stderr


@pytest.mark.parametrize("args", [
    [],  # no command
    ["extract"],  # no file
    ["khong-lenh"],  # unknown command
    ["extract", "--max-mb", "nhieu", "x.txt"],  # not a number
    ["extract", "--khong-co", "x.txt"],  # unknown option
    ["eval", "--texts", "."],  # --gold missing
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    proc = congvan(*args)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
