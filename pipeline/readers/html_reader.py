"""HTML pages from government portals: the document, not the navigation (bs4 + lxml).

Menus, banners, footers, scripts and forms go first; then the reader walks down from <body> to
the smallest block that still holds most of the remaining words, which is the document's
content block on a portal page (``<div id="content">``, ``<article>``, a layout <td>…).

>>> page = b'''<html><body><nav><a href="/">Trang ch\\xe1\\xbb\\xa7</a></nav>
... <div class="noidung"><p>S\\xe1\\xbb\\x91: 48/KH-UBND</p><p>K\\xe1\\xba\\xbf ho\\xe1\\xba\\xa1ch<br>thi \\xc4\\x91ua</p></div>
... <footer>B\\xe1\\xba\\xa3n quy\\xe1\\xbb\\x81n</footer></body></html>'''
>>> print(read_html(page).text)
Số: 48/KH-UBND
<BLANKLINE>
Kế hoạch
thi đua
"""

from __future__ import annotations

from typing import Any

import regex

from pipeline.readers.legacy import legacy_name
from pipeline.readers.text import Text

_DROP_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
              "iframe", "svg", "button", "select", "input", "textarea", "object", "embed"]
_DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "menu", "menubar"}
# Whole class/id tokens (not substrings: "vb-header" may be the document's own header table).
_DROP_NAMES = {"menu", "nav", "navbar", "navigation", "breadcrumb", "breadcrumbs", "sidebar", "footer",
               "header", "banner", "social", "share", "comments", "related", "ads", "advertisement"}
_CONTENT_NAME = regex.compile(r"(?i)content|noi-?dung|van-?ban|detail|chi-?tiet|toan-?van|fulltext|article|entry|post")
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "section",
          "article", "main", "blockquote", "pre", "ul", "ol", "dl", "center", "figure", "caption"}
_LINE = {"li", "dt", "dd"}
_DATA_TABLE_COLUMNS = 3
_PROSE = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "ol"}
_PROSE_WORDS = 3
_MOST = 0.85  # share of the page's words (not counting links) that the content block must keep


def _names(tag: Any) -> set[str]:
    classes = tag.get("class") or []
    return {str(c).lower() for c in classes} | {str(tag.get("id") or "").lower()}


def _strip_chrome(root: Any) -> None:
    for tag in root(_DROP_TAGS):
        tag.decompose()
    for tag in root.find_all(True):
        if getattr(tag, "attrs", None) is None:  # inside a tree already removed
            continue
        if (tag.get("role") or "").lower() in _DROP_ROLES or _names(tag) & _DROP_NAMES:
            tag.decompose()


def _words(tag: Any) -> int:
    """Words of a tag's own text, not counting link text (menus are lists of links)."""
    total = len(tag.get_text(" ").split())
    links = sum(len(a.get_text(" ").split()) for a in tag.find_all("a"))
    return total - links


def _is_prose(tag: Any) -> bool:
    """A paragraph-like element of the document itself (not a link list, not a counter)."""
    return getattr(tag, "name", None) in _PROSE and _words(tag) >= _PROSE_WORDS


def main_block(root: Any) -> Any:
    """The smallest element that keeps most of the page's words, preferring a content-named one.

    Descending would drop the siblings of the chosen child, so it stops when one of them is prose
    (a <p> beside the header <table> belongs to the same document).
    """
    block = root
    while True:
        words = _words(block) or 1
        children = list(block.find_all(True, recursive=False))
        named = [c for c in children if _CONTENT_NAME.search(" ".join(_names(c)))]
        best = max(children, key=_words, default=None)
        if named and _words(named[0]) >= _MOST * words:
            best = named[0]
        if best is None or _words(best) < _MOST * words:
            return block
        if any(_is_prose(c) for c in children if c is not best):
            return block
        block = best


def _row_line(row: Any) -> str | None:
    cells = row.find_all(["td", "th"], recursive=False)
    if sum(1 for c in cells if c.get_text(strip=True)) < _DATA_TABLE_COLUMNS:
        return None  # a layout row (header, signature), spacer cells aside: read cell by cell
    return "| " + " | ".join(" ".join(c.get_text(" ").split()) for c in cells) + " |"


def _render(tag: Any, out: list[str]) -> None:
    for node in tag.children:
        name = getattr(node, "name", None)
        if name is None:
            if type(node).__name__ in ("NavigableString", "CData"):
                out.append(regex.sub(r"\s+", " ", str(node)))
            continue
        if name == "br":
            out.append("\n")
        elif name == "tr" and (line := _row_line(node)) is not None:
            out.append("\n\n" + line + "\n\n")
        elif name in _BLOCK or name in _LINE:
            edge = "\n\n" if name in _BLOCK else "\n"
            out.append(edge)
            _render(node, out)
            out.append(edge)
        else:
            _render(node, out)


def block_text(tag: Any) -> str:
    out: list[str] = []
    _render(tag, out)
    lines = [line.strip() for line in "".join(out).split("\n")]
    text = "\n".join(lines)
    return regex.sub(r"\n{3,}", "\n\n", text).strip()


def read_html(data: bytes, encoding: str = "auto") -> Text:
    from bs4 import BeautifulSoup

    declared = None if encoding.lower() == "auto" or legacy_name(encoding) else encoding
    soup = BeautifulSoup(data, "lxml", from_encoding=declared)
    root = soup.body or soup
    _strip_chrome(root)
    text = block_text(main_block(root))
    return Text(text=text, reader="html", encoding=soup.original_encoding or declared or "utf-8")
