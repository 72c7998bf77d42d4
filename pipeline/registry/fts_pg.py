"""PostgreSQL full-text search: the search tables of ``migrations/0002_search.postgres.sql``.

The counterpart of :mod:`pipeline.registry.fts` (FTS5) with the same contract. A query's folded
words must all be in the ``folded`` tsvector (the GIN index answers); hits are ranked by
``ts_rank`` with the title above the body, plus the words as typed against ``typed``, so "Khánh
Hoà" ranks that spelling first while "khanh hoa" still finds it. Scores are negated, lower is
better, as FTS5's bm25. A query matching more than :data:`CANDIDATES` rows is ranked among its
newest CANDIDATES matches, as in SQLite.

>>> typed_text("Khánh HOÀ, 48/KH-UBND")
'khánh hoà 48 kh ubnd'
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from pipeline.registry.fold import words

if TYPE_CHECKING:
    from pipeline.registry.pg import PgConnection

REF_COLUMN = "ref_id"
CANDIDATES = 1000
_WORD = re.compile(r"\w+")  # the typed words, as fts.match_expression splits them
# ts_rank weights {D, C, B, A}: A title, B body. FTS5's column weights are ftitle 4, fbody 1,
# title 2, body 0.5: the same ratios, scaled into ts_rank's 0..1.
_FOLDED_WEIGHTS = "'{0, 0, 0.25, 1}'"
_TYPED_WEIGHTS = "'{0, 0, 0.125, 0.5}'"
_RANK = "ts_rank({weights}, {column}, plainto_tsquery('simple', ?), 1)"  # 1: divided by 1 + log(length)
_TYPED_VECTOR = "setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')"


def typed_text(text: str | None) -> str:
    """The words as written, lowercased here (PostgreSQL's lower() of "Đ" depends on the locale)."""
    return " ".join(w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", text or "")))


def index_rows(conn: PgConnection, table: str, rows: list[tuple[Any, ...]]) -> None:
    """Add rows (ref_id, title, body, ftitle, fbody); ``folded`` is generated from ftitle/fbody."""
    conn.executemany(
        f"INSERT INTO {table} (ref_id, title, body, ftitle, fbody, typed) VALUES (?, ?, ?, ?, ?, {_TYPED_VECTOR})",
        [(ref_id, title, body, ftitle or "", fbody or "", typed_text(title), typed_text(body))
         for ref_id, title, body, ftitle, fbody in rows])


def unindex(conn: PgConnection, table: str, ref_ids: list[int]) -> None:
    conn.execute(f"DELETE FROM {table} WHERE ref_id = ANY(?)", (list(ref_ids),))


def search(conn: PgConnection, table: str, query: str, limit: int, restrict: str | None = None,
           params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    """Hits {ref_id, title, body, score} best first (see the module doc); ``restrict`` is an SQL
    condition over ``ref_id`` with ``params``."""
    folded = " ".join(words(query))
    if not folded:
        return []
    typed = typed_text(query)
    score = _RANK.format(weights=_FOLDED_WEIGHTS, column="folded")
    args: list[Any] = [folded, *params, CANDIDATES, folded]
    if typed and typed != folded:
        score += " + " + _RANK.format(weights=_TYPED_WEIGHTS, column="typed")
        args.append(typed)
    sql = (f"WITH hits AS (SELECT ref_id, title, body, folded, typed FROM {table} "
           f"WHERE folded @@ plainto_tsquery('simple', ?){' AND ' + restrict if restrict else ''} "
           f"ORDER BY ref_id DESC LIMIT ?) "
           f"SELECT ref_id, title, body, -({score}) AS score FROM hits ORDER BY score, ref_id DESC LIMIT ?")
    return [{"ref_id": row[0], "title": row[1], "body": row[2], "score": row[3]}
            for row in conn.execute(sql, (*args, limit))]
