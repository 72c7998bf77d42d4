"""How often the header stage agrees with the corpus pages' own metadata (silver labels).

Each page of ``../shared/corpus/vanban-chinhphu`` carries a third party's metadata in its front
matter (``so_hieu``/``sohieu``, ``loai_van_ban``/``loaivanban``, ``co_quan_ban_hanh``/``cquanbanhanh``,
``ngay_ban_hanh``/``ngaybanhanh``) or in its "THÔNG TIN VĂN BẢN" table. Only the text after the
line "## VĂN BẢN" is fed to the pipeline. A field the page's text does not carry at all (summaries,
codified extracts without a header) is counted apart as *absent*, not as a failure.

    .venv/bin/python benchmarks/corpus_metadata.py [--fast] [--misses]

``--fast`` runs the header stage alone instead of the whole pipeline (same header).
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import header as header_stage  # noqa: E402
from pipeline.dates import find_dates  # noqa: E402
from pipeline.document import Doc  # noqa: E402
from pipeline.extract import extract_text  # noqa: E402
from pipeline.header_fields import split_number  # noqa: E402
from pipeline.record import Header  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "vanban-chinhphu"
FIELDS = ("number", "symbol", "type", "issuer", "date")
_KEYS = {
    "number": ("so_hieu", "sohieu", "Số hiệu"),
    "type": ("loai_van_ban", "loaivanban", "phan_loai", "Loại văn bản"),
    "issuer": ("co_quan_ban_hanh", "cquanbanhanh", "Cơ quan ban hành"),
    "date": ("ngay_ban_hanh", "ngaybanhanh", "Ngày ban hành"),
}
_VAN_BAN = re.compile(r"^## VĂN BẢN\s*$", re.M)
_HEAD_CHARS = 4000  # where a header's pieces can be


@dataclass
class Tally:
    agree: int = 0
    total: int = 0
    absent: int = 0
    misses: list[str] = field(default_factory=list)
    absents: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.agree / self.total if self.total else 1.0


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "").casefold()
    text = re.sub(r"\([^)]*\)", " ", text)  # "Ngân hàng Nhà nước Việt Nam (NHNN)"
    return re.sub(r"\s+", " ", text).strip(" .,;:\"'")


def _symbol_key(text: str | None) -> str:
    return re.sub(r"[\s.\-–]", "", unicodedata.normalize("NFC", text or "").upper())


def metadata(page: str) -> dict[str, str]:
    """The silver labels of a page: front matter first, the "THÔNG TIN VĂN BẢN" table after."""
    front = page.split("\n---", 1)[0] if page.startswith("---") else ""
    found: dict[str, str] = {}
    for name, keys in _KEYS.items():
        for key in keys:
            m = re.search(rf"^{re.escape(key)}:\s*\"?([^\"\n]+?)\"?\s*$", front, re.M)
            if not m:
                m = re.search(rf"^\|\s*{re.escape(key)}\s*\|\s*([^|\n]+?)\s*\|", page, re.M)
            if m and m.group(1).strip() not in ("", "—", "-"):
                found[name] = m.group(1).strip()
                break
    return found


def _date_key(value: str) -> tuple[int | None, ...] | None:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value) or None
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
    if m:
        return int(m.group(3)), int(m.group(2)), int(m.group(1))
    return None


def pages() -> Iterator[tuple[str, str, dict[str, str]]]:
    """(name, text after "## VĂN BẢN", metadata) of every page that has both."""
    for path in sorted(CORPUS.glob("*.md")):
        page = path.read_text(encoding="utf-8")
        m = _VAN_BAN.search(page)
        labels = metadata(page)
        if m and labels:
            yield path.name, page[m.end():], labels


def read_header(text: str, fast: bool) -> Header:
    if fast:
        doc = Doc.from_text(text)
        header_stage.add(doc)
        return doc.record.header
    return extract_text(text).header


def _predicted(h: Header, name: str) -> object:
    if name == "date":
        return (h.date.year, h.date.month, h.date.day) if h.date.year else None
    return {"number": h.number, "symbol": h.symbol, "type": h.doc_type, "issuer": h.issuer}[name]


def _expected(name: str, labels: dict[str, str]) -> object:
    if name in ("number", "symbol"):
        if "number" not in labels:
            return None
        number, symbol = split_number(labels["number"])
        return number if name == "number" else symbol
    if name == "date":
        return _date_key(labels["date"]) if "date" in labels else None
    return labels.get(name)


def _agrees(name: str, want: object, got: object) -> bool:
    if got is None:
        return False
    if name == "number":
        return str(want).lstrip("0") == str(got).lstrip("0")
    if name == "symbol":
        return _symbol_key(str(want)) == _symbol_key(str(got))
    if name == "date":
        return want == got
    if name == "type":
        # Labels such as "Nghị quyết của Chính phủ" or "Sửa đổi Nghị định" name the type among other words.
        a, b = _fold(_type_label(str(want))), _fold(str(got))
        return a == b or f" {b} " in f" {a} "
    a, b = _norm(str(want)), _norm(str(got))
    return a == b or (name == "issuer" and (a in b or b in a) and min(len(a), len(b)) > 5)


_HEADER_PIECE = re.compile(
    r"^\W*(?:Số\s*[:.]|[^\n,]{2,40},\s*ngày\b)|CỘNG\s+HÒA\s+XÃ\s+HỘI|Độc\s+lập\s*[-–—]", re.M | re.I)


def has_header(text: str) -> bool:
    """Whether the page's text opens with a header at all (else it is a summary or an extract)."""
    head = "\n".join(line for line in text.splitlines()[:60])
    return bool(_HEADER_PIECE.search(head))


def _fold(text: str) -> str:
    """Lower case without diacritics or hyphens: a slug "nghi-dinh" is "Nghị định"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"[\u0300-\u036f]", "", text).casefold().replace("-", " ").strip()


def _type_label(want: str) -> str:
    """A silver type label cleaned: a code ("TT-BNV") read as its type, a slug unfolded."""
    from pipeline.header_fields import type_from_symbol

    return type_from_symbol(want) or want


def _in_text(name: str, want: object, text: str) -> bool:
    """Whether the page's text carries the value at all (else the field is absent, not missed)."""
    head = text[:_HEAD_CHARS]
    if name in ("number", "symbol"):
        return _symbol_key(str(want)) in _symbol_key(head)
    if name == "date":
        return any((f.parts.year, f.parts.month, f.parts.day) == want for f in find_dates(head))
    upper = unicodedata.normalize("NFC", str(want)).upper()
    return upper in unicodedata.normalize("NFC", head)


def agreement(fast: bool = True) -> dict[str, Tally]:
    """Per-field agreement of the header with the pages' metadata."""
    tallies = {name: Tally() for name in FIELDS}
    for page_name, text, labels in pages():
        header = read_header(text, fast)
        for name in FIELDS:
            want = _expected(name, labels)
            if want is None:
                continue
            got = _predicted(header, name)
            t = tallies[name]
            if _agrees(name, want, got):
                t.agree += 1
                t.total += 1
            elif got is None and not (has_header(text) and _in_text(name, want, text)):
                t.absent += 1
                t.absents.append(f"{page_name}: {want!r}")
            else:
                t.total += 1
                t.misses.append(f"{page_name}: want {want!r} got {got!r}")
    return tallies


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--fast", action="store_true", help="run the header stage alone")
    ap.add_argument("--misses", action="store_true", help="list disagreements and absent fields")
    args = ap.parse_args(argv)
    tallies = agreement(fast=args.fast)
    for name, t in tallies.items():
        print(f"{name:8s} agree {t.rate:6.3f}  ({t.agree}/{t.total})   absent from text: {t.absent}")
        if args.misses:
            for miss in t.misses:
                print(f"    miss   {miss}")
            for absent in t.absents:
                print(f"    absent {absent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
