"""Word's automatic list numbers, written back as text ("1.", "a)", "II.", "-").

In a .docx an item "1. Trưởng các phòng…" often holds only "Trưởng các phòng…": the number is
drawn by Word from ``numbering.xml``. Without it the sections stage sees no headings, so the
reader counts the items the way Word does and puts the label in front of the paragraph.

>>> roman(14), letter(28)
('XIV', 'ab')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def roman(n: int) -> str:
    out = []
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)


def letter(n: int) -> str:
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": letter,
    "upperLetter": lambda n: letter(n).upper(),
    "lowerRoman": lambda n: roman(n).lower(),
    "upperRoman": roman,
}


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


def _val(element: Any, tag: str, default: str | None = None) -> str | None:
    child = element.find(_W + tag) if element is not None else None
    return child.get(_W + "val", default) if child is not None else default


def _levels(abstract: Any) -> dict[int, Level]:
    levels = {}
    for lvl in abstract.findall(_W + "lvl"):
        ilvl = int(lvl.get(_W + "ilvl", "0"))
        levels[ilvl] = Level(fmt=_val(lvl, "numFmt") or "decimal", text=_val(lvl, "lvlText") or "",
                             start=int(_val(lvl, "start") or "1"))
    return levels


@dataclass
class Numbering:
    lists: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> levels
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    styles: dict[str, Any] = field(default_factory=dict)  # paragraph style id -> its numPr
    default_style: str | None = None

    @classmethod
    def of(cls, document: Any) -> Numbering:
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return cls()
        abstracts = {a.get(_W + "abstractNumId"): _levels(a) for a in root.findall(_W + "abstractNum")}
        lists = {}
        for num in root.findall(_W + "num"):
            levels = dict(abstracts.get(_val(num, "abstractNumId"), {}))
            for override in num.findall(_W + "lvlOverride"):
                ilvl = int(override.get(_W + "ilvl", "0"))
                start = _val(override, "startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = Level(levels[ilvl].fmt, levels[ilvl].text, int(start))
            lists[num.get(_W + "numId") or ""] = levels
        styles, default = _style_numbering(document)
        return cls(lists=lists, styles=styles, default_style=default)

    def _num_pr(self, paragraph: Any) -> tuple[str, int] | None:
        ppr = paragraph._p.pPr
        style = _val(ppr, "pStyle") or self.default_style
        for num_pr in (ppr.find(_W + "numPr") if ppr is not None else None, self.styles.get(style or "")):
            if num_pr is not None:
                num_id = _val(num_pr, "numId")
                if num_id and num_id != "0":
                    return num_id, int(_val(num_pr, "ilvl") or "0")
        return None

    def label(self, paragraph: Any) -> str | None:
        """The label Word draws before this paragraph, counting it; None when not a list item."""
        found = self._num_pr(paragraph) if self.lists else None
        if not found or found[0] not in self.lists:
            return None
        num_id, ilvl = found
        levels = self.lists[num_id]
        level = levels.get(ilvl, Level())
        if level.fmt == "bullet":
            return "-"
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        text = level.text
        for k in range(ilvl + 1):
            lv = levels.get(k, Level())
            value = counts.get(k, lv.start)
            text = text.replace(f"%{k + 1}", _FORMATS.get(lv.fmt, str)(value))
        return text.strip() or None


def _style_numbering(document: Any) -> tuple[dict[str, Any], str | None]:
    """numPr of each paragraph style, inherited along basedOn: list styles ("List Number") carry
    the numbering in the style, not the paragraph. Read once; python-docx's per-paragraph style
    lookup costs more than the rest of the reading."""
    try:
        root = document.styles.element
    except (KeyError, AttributeError, NotImplementedError):
        return {}, None
    own, based, default = {}, {}, None
    for style in root.findall(_W + "style"):
        if style.get(_W + "type") != "paragraph":
            continue
        sid = style.get(_W + "styleId") or ""
        ppr = style.find(_W + "pPr")
        own[sid] = ppr.find(_W + "numPr") if ppr is not None else None
        based[sid] = _val(style, "basedOn")
        if style.get(_W + "default") in ("1", "true"):
            default = sid
    resolved = {}
    for sid in own:
        seen, cur = set(), sid
        while cur and cur not in seen and own.get(cur) is None:
            seen.add(cur)
            cur = based.get(cur)
        resolved[sid] = own.get(cur or "")
    return resolved, default
