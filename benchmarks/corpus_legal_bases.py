"""Recall of the legal bases that third parties listed for the corpus pages.

Each page of ``../shared/corpus/vanban-chinhphu`` carries silver labels: the front matter list
``canbophaply:`` and a "Căn cứ pháp lý" row in its "THÔNG TIN VĂN BẢN" table. Every act there that
has a number ("Luật Viên chức số 129/2025/QH15") should be among the references the pipeline finds
in the page's document, the text after its "## VĂN BẢN" line.

    .venv/bin/python benchmarks/corpus_legal_bases.py [CORPUS_DIR] [-v]

prints the recall and, with ``-v``, every miss with the page it belongs to. Two more sources are
measured the same way: the "## Căn cứ pháp lý" lists some pages put before the document, and the
document's own "Căn cứ …" lines (read with a loose pattern of their own, not the pipeline's).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import regex

from pipeline.document import Doc
from pipeline.references import find_references

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "vanban-chinhphu"

_DOCUMENT = regex.compile(r"(?m)^## VĂN BẢN[ \t]*$")
_DOCUMENT_END = regex.compile(r"(?m)^## VĂN BẢN LIÊN QUAN")
_FRONT = regex.compile(r"\A---\n(?P<yaml>.*?)\n---", regex.DOTALL)
_FRONT_LIST = regex.compile(r"(?m)^canbophaply:[ \t]*\n(?P<items>(?:[ \t]+-[^\n]*\n?)+)")
_ROW = regex.compile(r"(?m)^\|[ *]*Căn cứ pháp lý[^|]*\|(?P<cell>[^\n]*)")
# "## Căn cứ pháp lý" / "## CĂN CỨ PHÁP LUẬT" lists that some pages add before the document.
_SECTION = regex.compile(r"(?mi)^#{2,4}[ \t]*căn cứ pháp (?:lý|luật)[^\n]*\n(?P<items>(?:(?!#)[^\n]*\n)*)")
# A loose shape, independent of the pipeline's own pattern: digits, a slash or hyphen, a code.
_LOOSE = regex.compile(r"(?<![\w/.\-=:%])(?<!Mẫu số )(\d{1,5})\s*[-/]\s*((?:\d{4}\s*/\s*)?\p{Lu}[^\s,;:)\]]*)")
_BASIS_LINE = regex.compile(r"(?m)^[\s*_]*Căn cứ[^\n]*")


@dataclass
class Page:
    name: str
    labelled: list[str]  # "129/2025/QH15", as the label writes it
    found: list[str]
    missed: list[str]
    absent: list[str] = field(default_factory=list)  # missed, and not in the document at all


def _in_text(written: str, text: str) -> bool:
    """Whether the document writes this number anywhere (else the label is wrong, not the finder)."""
    number, rest = written.split("/", 1)
    shape = rf"(?<!\d)0*{number.lstrip('0')}\s*[-/]\s*{regex.escape(rest[:4])}"
    return bool(regex.search(shape, text))


@dataclass
class Recall:
    pages: list[Page] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(len(p.labelled) for p in self.pages)

    @property
    def hits(self) -> int:
        return sum(len(p.found) for p in self.pages)

    @property
    def recall(self) -> float:
        return self.hits / self.total if self.total else 1.0

    @property
    def recall_in_text(self) -> float:
        """Recall over the labelled acts that the document does write (label errors left out)."""
        absent = sum(len(p.absent) for p in self.pages)
        return self.hits / (self.total - absent) if self.total > absent else 1.0


def key(number: str, symbol: str) -> tuple[str, str]:
    """What the scorer compares: number without leading zeros, symbol without spaces, dots, hyphens."""
    return number.lstrip("0") or number, regex.sub(r"[\s.\-–]", "", symbol.upper())


def _numbered(texts: list[str]) -> list[tuple[str, tuple[str, str]]]:
    out: dict[tuple[str, str], str] = {}
    for text in texts:
        for m in _LOOSE.finditer(text):
            symbol = regex.sub(r"\s", "", m.group(2)).rstrip(".")
            out.setdefault(key(m.group(1), symbol), f"{m.group(1)}/{symbol}")
    return [(written, k) for k, written in out.items()]


def labels(page: str) -> list[tuple[str, tuple[str, str]]]:
    """The numbered acts of the silver labels (front matter ``canbophaply:`` and the "Căn cứ pháp
    lý" row): ("129/2025/QH15", key), in order, once each."""
    texts = []
    front = _FRONT.match(page)
    if front and (items := _FRONT_LIST.search(front.group("yaml") + "\n")):
        texts.append(items.group("items"))
    texts += [m.group("cell") for m in _ROW.finditer(page)]
    return _numbered(texts)


def section_labels(page: str) -> list[tuple[str, tuple[str, str]]]:
    """The numbered acts of a "## Căn cứ pháp lý" list placed before the document."""
    head = _DOCUMENT.split(page, maxsplit=1)[0]
    return _numbered([m.group("items") for m in _SECTION.finditer(head)])


def basis_lines(text: str) -> list[tuple[str, tuple[str, str]]]:
    """The numbered acts of the document's own "Căn cứ …" lines."""
    return _numbered([m.group() for m in _BASIS_LINE.finditer(text)])


def document(page: str) -> str | None:
    """The document part of a page: after "## VĂN BẢN", before "## VĂN BẢN LIÊN QUAN"."""
    start = _DOCUMENT.search(page)
    if not start:
        return None
    end = _DOCUMENT_END.search(page, start.end())
    return page[start.end() : end.start() if end else len(page)]


SOURCES = {"labels": labels, "sections": section_labels}


def measure(corpus: Path = CORPUS, source: str = "labels") -> Recall:
    """Recall of one label source: "labels" (front matter and table row), "sections" (the page's
    "## Căn cứ pháp lý" list) or "basis" (the document's own "Căn cứ" lines)."""
    result = Recall()
    for path in sorted(corpus.glob("*.md")):
        page = path.read_text(encoding="utf-8")
        text = document(page)
        if text is None:
            continue
        wanted = basis_lines(Doc.from_text(text).text) if source == "basis" else SOURCES[source](page)
        if not wanted:
            continue
        doc = Doc.from_text(text)
        got = {key(r.number or "", r.symbol or "") for r in find_references(doc.text)}
        found = [w for w, k in wanted if k in got]
        missed = [w for w, k in wanted if k not in got]
        absent = [w for w in missed if not _in_text(w, text)]
        result.pages.append(Page(path.name, [w for w, _ in wanted], found, missed, absent))
    return result


def main(argv: list[str]) -> int:
    corpus = Path(next((a for a in argv if not a.startswith("-")), CORPUS))
    for source in ("labels", "sections", "basis"):
        result = measure(corpus, source)
        absent = sum(len(p.absent) for p in result.pages)
        print(f"[{source}] pages: {len(result.pages)}   found {result.hits}/{result.total}"
              f" = {result.recall:.3f}   not written in the document: {absent}"
              f"   recall over those written: {result.recall_in_text:.3f}")
        if "-v" in argv:
            for page in result.pages:
                for miss in page.missed:
                    why = "label error: not in the document" if miss in page.absent else "MISSED"
                    print(f"    {miss:24s} {why:34s} {page.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
