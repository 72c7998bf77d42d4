"""One registry campaign per movement, however each document words it.

Keys are folded names without the leading "Phong trào" (:func:`~pipeline.registry.fold.campaign_key`).
A key not seen before joins an existing campaign when one key's words are, in order, a part of
the other's ("doanh nghiep hoi nhap va phat trien" in "doanh nghiep viet nam hoi nhap va phat
trien"), provided the shorter has enough words to name a movement on its own; the variant is
kept as an alias so the next mention finds it directly.

>>> is_subsequence("ca nuoc chung tay vi nguoi ngheo".split(), "ca nuoc chung tay vi nguoi ngheo giai doan 2021 2025".split())
True
>>> same_campaign("thi dua nam 2022", "thi dua nam 2022 cua nganh")  # too short to stand alone
False
"""

from __future__ import annotations

import re

from pipeline.registry.pg import Connection

MIN_WORDS = 6  # "thi dua nam 2022" (4) names many movements; six words name one
_PERIOD = re.compile(r"^(?:giai doan|nam|\d+)$")


def is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def same_campaign(one: str, other: str) -> bool:
    """Whether two campaign keys name one movement (see the module doc)."""
    a, b = one.split(), other.split()
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len([w for w in short if not _PERIOD.match(w)]) < MIN_WORDS:
        return False
    return is_subsequence(short, long)


def find(conn: Connection, key: str) -> int | None:
    """The campaign that ``key`` names: by its key, an alias, or a subsequence match (then aliased)."""
    row = conn.execute("SELECT id FROM campaigns WHERE campaign_key = ? UNION ALL "
                       "SELECT campaign_id FROM campaign_aliases WHERE alias_key = ?", (key, key)).fetchone()
    if row:
        return int(row[0])
    for cid, other in conn.execute("SELECT id, campaign_key FROM campaigns ORDER BY id").fetchall():
        if same_campaign(key, other):
            conn.execute("INSERT OR IGNORE INTO campaign_aliases (alias_key, campaign_id) VALUES (?, ?)", (key, cid))
            return int(cid)
    return None
