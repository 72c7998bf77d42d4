"""Ranked, accent-insensitive search over the registry, with snippets and filters.

"thi dua" finds "thi đua", "Khanh Hoa" finds "Khánh Hòa": queries and indexed text are folded
alike (see :mod:`pipeline.registry.fold`); FTS5 ranks by bm25 (:mod:`pipeline.registry.fts`),
PostgreSQL by ts_rank (:mod:`pipeline.registry.fts_pg`).

>>> snippet("Kế hoạch phát động phong trào thi đua đặc biệt", "thi dua", width=30)
'…phong trào [thi đua] đặc biệt'
"""

from __future__ import annotations

import unicodedata
from typing import Any

import pandas as pd

from pipeline.registry import fts
from pipeline.registry.fold import fold_chars, unit_key, words
from pipeline.registry.pg import Connection

COLUMNS = ["kind", "id", "title", "snippet", "score", "document", "issuer", "year"]
PREFIX = {"document": "D", "campaign": "C", "task": "T", "assignee": "A"}


def _hits(folded: str, query_words: list[str]) -> list[tuple[int, int]]:
    spans = []
    for word in set(query_words):
        start = folded.find(word)
        while start >= 0:
            end = start + len(word)
            before = folded[start - 1] if start else " "
            after = folded[end] if end < len(folded) else " "
            # Whole words, as the search tables match them: "hoa" marks "Hòa", not "hoạch".
            if not before.isalnum() and not after.isalnum():
                spans.append((start, end))
            start = folded.find(word, start + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):  # "thi" + "dua" → one hit "thi đua"
        if merged and not folded[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, query: str, width: int = 160) -> str:
    """The part of ``text`` around the first hit, hits in [brackets]; accents kept as written."""
    text = " ".join(unicodedata.normalize("NFC", text or "").split())
    spans = _hits(fold_chars(text), words(query))
    if not spans:
        return text[:width] + ("…" if len(text) > width else "")
    lo = max(0, spans[0][0] - width // 3)
    lo = text.rfind(" ", 0, lo) + 1 if lo else 0  # start on a word
    hi = min(len(text), lo + width)
    out, pos = [], lo
    for start, end in spans:
        if start < pos or end > hi:
            continue
        out += [text[pos:start], "[", text[start:end], "]"]
        pos = end
    out.append(text[pos:hi])
    return ("…" if lo else "") + "".join(out) + ("…" if hi < len(text) else "")


_UNITS = "SELECT id FROM assignees WHERE unit_key LIKE ?"
_TASKS_OF_UNITS = f"SELECT ta.task_id FROM task_assignees ta WHERE ta.assignee_id IN ({_UNITS})"
# Per kind: the ids whose documents pass the document conditions ({c}, over alias d); {ref} is the
# search table's id column (:func:`pipeline.registry.fts.ref_column`).
_BY_DOCUMENT = {
    "document": "{ref} IN (SELECT d.id FROM documents d WHERE {c})",
    "campaign": "{ref} IN (SELECT m.campaign_id FROM campaign_mentions m JOIN documents d "
                "ON d.id = m.document_id WHERE {c})",
    "task": "{ref} IN (SELECT t.id FROM tasks t JOIN documents d ON d.id = t.document_id WHERE {c})",
    "assignee": "{ref} IN (SELECT ta.assignee_id FROM task_assignees ta JOIN tasks t ON t.id = ta.task_id "
                "JOIN documents d ON d.id = t.document_id WHERE {c})",
}
# Per kind: the ids themselves handed to (or being) the unit, when the filter is on the kind itself.
_BY_UNIT = {"task": "{ref} IN (" + _TASKS_OF_UNITS + ")", "assignee": "{ref} IN (" + _UNITS + ")"}


def _document_conditions(issuer: str | None, year: int | None, assignee: str | None) -> tuple[list[str], list[Any]]:
    conds: list[str] = []
    params: list[Any] = []
    if issuer:
        conds.append("d.issuer_key LIKE ?")
        params.append(f"%{unit_key(issuer)}%")
    if year:
        conds.append("d.year = ?")
        params.append(int(year))
    if assignee:
        conds.append(f"d.id IN (SELECT t.document_id FROM tasks t WHERE t.id IN ({_TASKS_OF_UNITS}))")
        params.append(f"%{unit_key(assignee)}%")
    return conds, params


def _restriction(kind: str, issuer: str | None, year: int | None, assignee: str | None,
                 ref: str = fts.REF_COLUMN) -> tuple[str | None, tuple[Any, ...]]:
    """An SQL condition over the search rows' id column ``ref`` (the item's id) for the filters,
    joining only the tables they need."""
    own_unit = assignee if kind in _BY_UNIT else None
    conds, params = _document_conditions(issuer, year, None if own_unit else assignee)
    parts = [_BY_DOCUMENT[kind].format(c=" AND ".join(conds), ref=ref)] if conds else []
    if own_unit:
        parts.append(_BY_UNIT[kind].format(ref=ref))
        params.append(f"%{unit_key(own_unit)}%")
    return (" AND ".join(parts), tuple(params)) if parts else (None, ())


_CONTEXT = {
    "document": "SELECT d.symbol, d.number, d.issuer, d.year FROM documents d WHERE d.id = ?",
    "task": "SELECT d.symbol, d.number, d.issuer, d.year FROM tasks t JOIN documents d ON d.id = t.document_id "
            "WHERE t.id = ?",
    "campaign": "SELECT 'mentions: ' || COUNT(*) AS symbol, NULL AS number, NULL AS issuer, NULL AS year "
                "FROM campaign_mentions WHERE campaign_id = ?",
    "assignee": "SELECT 'tasks: ' || COUNT(*) AS symbol, NULL AS number, NULL AS issuer, NULL AS year "
                "FROM task_assignees WHERE assignee_id = ?",
}


def _result_row(conn: Connection, kind: str, hit: dict[str, Any], query: str) -> dict[str, Any]:
    ctx = conn.execute(_CONTEXT[kind], (hit["ref_id"],)).fetchone()
    label = "/".join(str(p) for p in (ctx["number"], ctx["symbol"]) if p) if ctx else None
    text = hit["title"] if _hits(fold_chars(hit["title"] or ""), words(query)) else hit["body"]
    return {"kind": kind, "id": f"{PREFIX[kind]}{hit['ref_id']}", "title": hit["title"],
            "snippet": snippet(text, query), "score": float(f"{-float(hit['score']):.4g}"),
            "document": label, "issuer": ctx["issuer"] if ctx else None, "year": ctx["year"] if ctx else None}


def search(conn: Connection, query: str, kind: str | None = None, *, issuer: str | None = None,
           year: int | None = None, assignee: str | None = None, limit: int = 20) -> pd.DataFrame:
    """Hits best first as a DataFrame (columns :data:`COLUMNS`); every kind when ``kind`` is None.

    ``issuer`` / ``year`` keep hits from matching documents; ``assignee`` keeps tasks (and their
    documents, campaigns) handed to a matching unit. Scores are higher-is-better.
    """
    kinds = [kind] if kind else list(fts.KINDS)
    rows: list[dict[str, Any]] = []
    for k in kinds:
        restrict, params = _restriction(k, issuer, year, assignee, fts.ref_column(conn))
        for hit in fts.search(conn, k, query, limit, restrict, params):
            rows.append(_result_row(conn, k, hit, query))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    if not kind and len(frame):
        frame = frame.sort_values("score", ascending=False, kind="stable").head(limit).reset_index(drop=True)
    return frame
