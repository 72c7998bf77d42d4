"""SQLite FTS5: the one module that knows the search tables' dialect.

Every kind (document, campaign, task, assignee) has a table ``search_<kind>s`` with the original
text and its fold. A query is folded into words that must all appear in the folded columns; the
same words as typed are OR-ed in against the original columns, so a query typed with accents
ranks the exact spelling first while one typed without accents still finds it.

>>> match_expression("Khánh Hoà")
'({ftitle fbody} : ("khanh" "hoa")) OR ({title body} : ("khánh" "hoà"))'
>>> match_expression("  ")
''
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from typing import Any

from pipeline.registry.fold import words

KINDS = ("document", "campaign", "task", "assignee")
_WORD = re.compile(r"\w+")
# bm25 weights per column: title, body, ftitle, fbody (title words weigh most).
_WEIGHTS = "2.0, 0.5, 4.0, 1.0"
CANDIDATES = 1000


def table(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: one of {', '.join(KINDS)}")
    return f"search_{kind}s"


def _phrase_list(tokens: list[str]) -> str:
    # Whole words only: a prefix query on a short word ("co"*) expands to thousands of terms.
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def match_expression(query: str) -> str:
    """The FTS5 MATCH expression for a free-text query ('' when it has no words)."""
    folded = words(query)
    if not folded:
        return ""
    expr = f"({{ftitle fbody}} : ({_phrase_list(folded)}))"
    typed = [w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", query))]
    if typed and typed != folded:
        expr += f" OR ({{title body}} : ({_phrase_list(typed)}))"
    return expr


def index(conn: sqlite3.Connection, kind: str, ref_id: int, title: str, body: str) -> None:
    """Add one row to a kind's search table, folding it here."""
    index_rows(conn, kind, [(ref_id, title, body, " ".join(words(title)), " ".join(words(body)))])


def index_rows(conn: sqlite3.Connection, kind: str, rows: list[tuple[Any, ...]]) -> None:
    """Add rows (ref_id, title, body, ftitle, fbody) already folded (by the ingest workers)."""
    conn.executemany(f"INSERT INTO {table(kind)} (rowid, title, body, ftitle, fbody) VALUES (?, ?, ?, ?, ?)", rows)


def unindex(conn: sqlite3.Connection, kind: str, ref_ids: list[int]) -> None:
    if ref_ids:
        marks = ",".join("?" * len(ref_ids))
        conn.execute(f"DELETE FROM {table(kind)} WHERE rowid IN ({marks})", ref_ids)


def search(conn: sqlite3.Connection, kind: str, query: str, limit: int,
           restrict: str | None = None, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    """Hits {ref_id, title, body, score} best first; lower bm25 score is better.

    ``restrict`` is an SQL condition over ``rowid`` (``rowid IN (SELECT …)``) with ``params``.
    A query matching more than :data:`CANDIDATES` rows is ranked among its newest CANDIDATES
    matches: bm25 over every match of "thi dua" in 100k documents would cost a second, and in a
    registry the newest of equally good hits is the one wanted.
    """
    expr = match_expression(query)
    if not expr:
        return []
    name = table(kind)
    where = f"{name} MATCH ?" + (f" AND {restrict}" if restrict else "")
    args: tuple[Any, ...] = (expr, *params)
    floor = conn.execute(f"SELECT rowid FROM {name} WHERE {where} ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                         (*args, CANDIDATES - 1)).fetchone()
    if floor:
        where, args = f"{where} AND rowid >= ?", (*args, floor[0])
    # Rank on rowids alone (no text read per match), then read the text of the few kept.
    ranked = conn.execute(f"SELECT rowid, bm25({name}, {_WEIGHTS}) AS score FROM {name} WHERE {where} "
                          "ORDER BY score LIMIT ?", (*args, limit)).fetchall()
    texts = {row[0]: row for row in conn.execute(
        f"SELECT rowid, title, body FROM {name} WHERE rowid IN ({','.join('?' * len(ranked))})",
        [r[0] for r in ranked])} if ranked else {}
    return [{"ref_id": rowid, "title": texts[rowid][1], "body": texts[rowid][2], "score": score}
            for rowid, score in ranked]
