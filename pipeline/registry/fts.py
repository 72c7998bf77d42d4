"""SQLite FTS5: the one module that knows the search tables' dialect (PostgreSQL's tables are
:mod:`pipeline.registry.fts_pg`'s, to which every function here hands a PostgreSQL connection).

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

import math
import re
import unicodedata
from typing import Any

from pipeline.registry import fts_pg
from pipeline.registry.fold import words
from pipeline.registry.pg import Connection, PgConnection

KINDS = ("document", "campaign", "task", "assignee")
_WORD = re.compile(r"\w+")
# bm25 weights per column: title, body, ftitle, fbody (title words weigh most).
_WEIGHTS = "2.0, 0.5, 4.0, 1.0"
CANDIDATES = 1000
# From this many rows in a search table, hits are ranked in Python rather than by FTS5's bm25(),
# whose cost grows with the table (it weighs each word by reading its whole doclist); below it,
# bm25() is the cheaper. Measured at 100k documents: 470k task rows, 100k document rows.
RANK_HERE_FROM = 200_000


# The search rows' id column in a filter. The "+" keeps SQLite from handing "rowid IN (…)" to FTS5,
# which would run the MATCH once per id.
REF_COLUMN = "+rowid"


def ref_column(conn: Connection) -> str:
    return fts_pg.REF_COLUMN if isinstance(conn, PgConnection) else REF_COLUMN


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


def index(conn: Connection, kind: str, ref_id: int, title: str, body: str) -> None:
    """Add one row to a kind's search table, folding it here."""
    index_rows(conn, kind, [(ref_id, title, body, " ".join(words(title)), " ".join(words(body)))])


def index_rows(conn: Connection, kind: str, rows: list[tuple[Any, ...]]) -> None:
    """Add rows (ref_id, title, body, ftitle, fbody) already folded (by the ingest workers)."""
    if isinstance(conn, PgConnection):
        return fts_pg.index_rows(conn, table(kind), rows)
    conn.executemany(f"INSERT INTO {table(kind)} (rowid, title, body, ftitle, fbody) VALUES (?, ?, ?, ?, ?)", rows)


def unindex(conn: Connection, kind: str, ref_ids: list[int]) -> None:
    if ref_ids and isinstance(conn, PgConnection):
        fts_pg.unindex(conn, table(kind), ref_ids)
    elif ref_ids:
        marks = ",".join("?" * len(ref_ids))
        conn.execute(f"DELETE FROM {table(kind)} WHERE rowid IN ({marks})", ref_ids)


def search(conn: Connection, kind: str, query: str, limit: int,
           restrict: str | None = None, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    """Hits {ref_id, title, body, score} best first; lower score is better (as FTS5's bm25).

    ``restrict`` is an SQL condition over ``rowid`` (``rowid IN (SELECT …)``) with ``params``.
    A query matching more than :data:`CANDIDATES` rows is ranked among its newest CANDIDATES
    matches: bm25 over every match of "thi dua" in 100k documents would cost a second, and in a
    registry the newest of equally good hits is the one wanted.
    """
    if isinstance(conn, PgConnection):
        return fts_pg.search(conn, table(kind), query, limit, restrict, params)
    expr = match_expression(query)
    if not expr:
        return []
    name = table(kind)
    where = f"{name} MATCH ?" + (f" AND {restrict}" if restrict else "")
    total = conn.execute(f"SELECT MAX(rowid) FROM {name}").fetchone()[0] or 0  # ids are dense enough
    if total >= RANK_HERE_FROM:
        return _ranked_here(conn, name, where, (expr, *params), query, limit, total)
    return _ranked_by_fts5(conn, name, where, (expr, *params), limit)


def _ranked_by_fts5(conn: Connection, name: str, where: str, args: tuple[Any, ...],
                    limit: int) -> list[dict[str, Any]]:
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


def _ranked_here(conn: Connection, name: str, where: str, args: tuple[Any, ...], query: str,
                 limit: int, total: int) -> list[dict[str, Any]]:
    """The newest CANDIDATES matches read once and ranked by :func:`bm25` here: FTS5's bm25() reads
    the whole index entry of every query word to weigh it, 40+ ms for "cong thong tin" over 470k
    tasks, where reading and ranking 1000 rows costs ~15 ms (benchmarks/README.md)."""
    rows = conn.execute(f"SELECT rowid, title, body, ftitle, fbody FROM {name} WHERE {where} "
                        "ORDER BY rowid DESC LIMIT ?", (*args, CANDIDATES)).fetchall()
    folded = words(query)
    typed = [w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", query))]
    scores = bm25([tuple(r[1:]) for r in rows], folded, typed if typed != folded else [], total)
    ranked = sorted(zip(scores, range(len(rows)), strict=True), key=lambda p: (p[0], -p[1]))[:limit]
    return [{"ref_id": rows[i][0], "title": rows[i][1], "body": rows[i][2], "score": score} for score, i in ranked]


def _counter(phrases: list[str], boundary: str) -> re.Pattern[str]:
    """Finds the query's words only, as whole words (tokenising whole rows would cost more)."""
    alternatives = "|".join(re.escape(w) for w in sorted(phrases, key=len, reverse=True)) or "(?!)"
    return re.compile(f"(?<!{boundary})(?:{alternatives})(?!{boundary})")


def _weighted_counts(phrases: list[str], pattern: re.Pattern[str], columns: Any) -> list[float]:
    found = dict.fromkeys(phrases, 0.0)
    for text, weight in columns:
        if any(w in text for w in phrases):  # most columns hold none of the words: no regex scan
            for word in pattern.findall(text):
                found[word] += weight
    return [found[w] for w in phrases]


def _folded_counts(phrases: list[str], columns: Any) -> list[float]:
    """Folded columns are words joined by single spaces: doubled spaces let str.count find each
    whole word (C speed; a regex over every candidate row costs more than FTS5's bm25)."""
    spaced = [(f" {text.replace(' ', '  ')} ", weight) for text, weight in columns]
    return [sum(weight * text.count(f" {w} ") for text, weight in spaced) for w in phrases]


def bm25(rows: list[tuple[Any, ...]], folded: list[str], typed: list[str], total: int = 0,
         k1: float = 1.2, b: float = 0.75) -> list[float]:
    """FTS5's bm25 (negated, lower is better) for rows (title, body, ftitle, fbody), with the column
    weights of :data:`_WEIGHTS`: folded words count in ftitle/fbody, typed ones in title/body. A
    word's weight (IDF) is out of ``total`` rows (the table's) and those given that hold it (the
    newest matches): a typed spelling that only some rows share weighs more than the folded
    words that all hold.

    >>> rows = [("Thi đua", "", "thi dua", ""), ("Thi dua", "", "thi dua", ""), ("Khác", "thi đua", "khac", "thi dua")]
    >>> [round(s, 2) for s in bm25(rows, ["thi", "dua"], ["thi", "đua"], total=100)]
    [-21.09, -16.0, -11.29]
    """
    weights = [float(w) for w in _WEIGHTS.split(",")]
    folded, typed = list(dict.fromkeys(folded)), list(dict.fromkeys(typed))
    in_typed = _counter(typed, r"\w")
    counts, lengths = [], []
    for row in rows:
        title, body, ftitle, fbody = (text or "" for text in row)
        counts.append(_folded_counts(folded, ((ftitle, weights[2]), (fbody, weights[3])))
                      + _weighted_counts(typed, in_typed, ((title.lower(), weights[0]), (body.lower(), weights[1]))))
        lengths.append(2 * (ftitle.count(" ") + fbody.count(" ") + 2))  # title/body hold as many words
    phrases = folded + typed
    average = (sum(lengths) / len(rows)) if rows else 1.0
    n = max(total, len(rows))
    idf = [math.log(1 + (n - held + 0.5) / (held + 0.5))
           for held in (sum(1 for row in counts if row[j]) for j in range(len(phrases)))]
    return [-sum(idf[j] * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average)) for j, tf in enumerate(row))
            for row, length in zip(counts, lengths, strict=True)]
