"""Accent-insensitive keys: the folded form that search and deduplication compare.

``fold`` drops every diacritic, maps đ/Đ to d (Unicode does not decompose đ, so FTS5's
``remove_diacritics`` keeps it) and casefolds. When ``pipeline.normalize.fold`` exists (the
entities stage owns it) that one is used, so the registry and the stages agree on one fold.

>>> fold("Phong trào thi đua Khánh Hoà")
'phong trao thi dua khanh hoa'
>>> fold_chars("Đua")  # one output character per input character, for snippets
'dua'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    low = base.lower()
    return low if len(low) == 1 else ch.lower()[:1] or ch


def fold_chars(text: str) -> str:
    """Fold character by character, keeping the length, so offsets in the result are offsets in
    ``text`` (given NFC input): the snippet highlighter finds folded words and cuts the original.

    >>> t = "Sở Tài nguyên"
    >>> len(fold_chars(t)) == len(t)
    True
    """
    return "".join(_fold_char(c) for c in text)


def _own_fold(text: str) -> str:
    return fold_chars(text).casefold()


def _pick_fold() -> Callable[[str], str]:
    try:  # the entities engineer's fold, when it has landed: one fold for stages and registry
        from pipeline.normalize import fold as shared_fold  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return _own_fold
    if shared_fold("Đà Nẵng Khánh Hoà") != "da nang khanh hoa":
        return _own_fold  # a fold of another shape would break the accent-insensitive search
    return shared_fold  # type: ignore[no-any-return,unused-ignore]


_base_fold: Callable[[str], str] = _pick_fold()


def fold(text: str) -> str:
    """NFC, then fold: casefolded, diacritics removed, đ → d.

    >>> fold("THI ĐUA") == fold("thi đua") == "thi dua"
    True
    """
    return _base_fold(unicodedata.normalize("NFC", text))


def words(text: str) -> list[str]:
    """The folded words of ``text`` (letters and digits), what the search index matches.

    >>> words("Kế hoạch số 48/KH-UBND, thi đua!")
    ['ke', 'hoach', 'so', '48', 'kh', 'ubnd', 'thi', 'dua']
    """
    return [w for w in _NON_WORD.split(fold(text)) if w]


def key(text: str) -> str:
    """A comparison key: folded words joined by single spaces, punctuation dropped.

    >>> key("Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau")
    'ca nuoc chung tay vi nguoi ngheo khong de ai bi bo lai phia sau'
    """
    return " ".join(words(text))


_CAMPAIGN_LEAD = re.compile(r"^(?:phong trao|cuoc van dong)\s+")


def campaign_key(name: str) -> str:
    """The registry's dedup key of a campaign: its folded words without the leading
    "Phong trào", so a campaign cited with or without that word is one campaign.

    >>> campaign_key("Phong trào cả nước chung sức xây dựng nông thôn mới")
    'ca nuoc chung suc xay dung nong thon moi'
    >>> campaign_key("“Cả nước chung sức xây dựng nông thôn mới”")
    'ca nuoc chung suc xay dung nong thon moi'
    """
    return _CAMPAIGN_LEAD.sub("", key(name))


@lru_cache(maxsize=1)
def _units_table() -> tuple[tuple[str, ...], dict[str, str], dict[str, str], tuple[str, ...]]:
    from pipeline.tables import load

    table = load("registry_units")
    heads = tuple(sorted(table["heads"], key=len, reverse=True))
    return heads, table["abbreviations"], table["replace"], tuple(table["drop_leading"])


def _drop_heads(text: str, heads: tuple[str, ...]) -> str:
    lowered = " ".join(unicodedata.normalize("NFC", text).lower().split())
    for head in heads:
        if lowered.startswith(head + " "):
            return lowered[len(head) + 1:]
    return lowered


def unit_key(name: str) -> str:
    """The key of an organisational unit (issuer, assignee): the head's title dropped,
    abbreviations expanded, a leading "các" dropped, so short and long spellings meet.

    >>> unit_key("UBND tỉnh Sóc Trăng") == unit_key("Ủy ban nhân dân tỉnh Sóc Trăng")
    True
    >>> unit_key("Thủ trưởng các phòng, đơn vị trực thuộc Sở")
    'phong don vi thuoc so'
    """
    heads, abbreviations, replace, drop_leading = _units_table()
    text = " ".join(abbreviations.get(w, w) for w in words(_drop_heads(name, heads)))
    for old, new in replace.items():
        text = f" {text} ".replace(f" {old} ", f" {new} ").strip()
    for lead in drop_leading:
        if text.startswith(lead + " "):
            return text[len(lead) + 1:]
    return text
