"""Places: administrative units with their level word ("tỉnh Kon Tum") and known places without one.

>>> from pipeline.entities_rules import scan
>>> [(m.surface, m.level, m.successor) for m in find_locs(scan("của UBND tỉnh Kon Tum"))]
[('tỉnh Kon Tum', 'tỉnh', 'tỉnh Quảng Ngãi')]
>>> [m.surface for m in find_locs(scan("vùng Nam Trung Bộ, Tây Nguyên"))]
['Nam Trung Bộ', 'Tây Nguyên']
"""

from __future__ import annotations

from pipeline.entities_rules import Mention, Scan, _gap, _place_after
from pipeline.gazetteer import level_words, places, provinces
from pipeline.tables import load


def find_locs(s: Scan) -> list[Mention]:
    """Places with their level word ("tỉnh Kon Tum") and known places without one ("Tây Nguyên")."""
    out, i, toks = [], 0, s.tokens
    embedded_only = {k.casefold(): set(v) for k, v in load("provinces")["not_after_name"].items()}
    first_keys = level_words().root.keys() | provinces().root.keys() | places().root.keys()
    while i < len(toks):
        if toks[i].key not in first_keys:
            i += 1
            continue
        place = _place_after(s, i)
        level_starts = not toks[i].is_cap or i == 0 or not toks[i - 1].is_cap or s.in_caps(i)
        if place and _names_place(s, i, place[0]) and level_starts:
            out.append(s.mention("LOC", i, place[0], level=place[1], successor=place[2]))
            i = place[0]
            continue
        bare = _bare_place(s, i, embedded_only)
        if bare:
            out.append(s.mention("LOC", i, bare[0], successor=bare[1]))
            i = bare[0]
            continue
        i += 1
    return out


def _names_place(s: Scan, i: int, end: int) -> bool:
    """The tokens after the level word at i name a place (not just "thị xã" or "thành phố")."""
    hit = level_words().longest(s.tokens, i)
    return hit is not None and any(t.is_word for t in s.tokens[hit[0] : end])


def _bare_place(s: Scan, i: int, embedded_only: dict[str, set[str]]) -> tuple[int, str | None] | None:
    """A known place written without a level word: ``(end, successor)``."""
    toks = s.tokens
    if not toks[i].is_cap:
        return None
    hit = provinces().longest(toks, i)
    if hit and hit[1].name != "Hồ Chí Minh":  # bare, it is the President's name
        return hit[0], hit[1].successor
    hit = places().longest(toks, i)
    if hit and toks[i].is_upper and not s.in_caps(i) and i > 0 and toks[i - 1].is_word:
        return None  # "CHỦ NGHĨA VIỆT NAM" run into a mixed line: a heading, not a place
    if hit:
        keep_after = embedded_only.get(s.surface(i, hit[0]).casefold())
        after_word = i > 0 and toks[i - 1].is_word and not _gap(s, i)
        if keep_after is not None and after_word and (toks[i - 1].key not in keep_after or s.in_caps(i)):
            return None  # the tail of a longer name: "Doanh nghiệp Việt Nam"
        return hit[0], None
    return None
