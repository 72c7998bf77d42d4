"""Reading the registry back: one item with what hangs from it (``congvan show``) and the
overviews the tour notebook plots. Every table comes back as a pandas DataFrame.

An id names its kind by a letter: ``D12`` a document, ``C3`` a campaign, ``T7`` a task, ``A5``
an assignee; a bare number is a document, a hex prefix a document's sha256, "48/KH-UBND" its
number and ký hiệu.

>>> parse_ref("c3"), parse_ref("12"), parse_ref("campaign:4")
(('campaign', 3), ('document', 12), ('campaign', 4))
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from pipeline.registry.pg import Connection
from pipeline.registry.rows import number_key, symbol_key

_KIND_OF = {"d": "document", "c": "campaign", "t": "task", "a": "assignee"}
_REF = re.compile(r"^(?:(?P<letter>[dcta])|(?P<word>document|campaign|task|assignee):)?(?P<id>\d+)$", re.I)
_HEX = re.compile(r"^[0-9a-f]{6,64}$")


_INT_COLUMNS = {"year", "month", "day", "document_id", "campaign_id", "task_id", "assignee_id", "cited_id"}


class NotFound(LookupError):
    """No registry item answers to the id."""


def parse_ref(ref: str) -> tuple[str, int]:
    """(kind, id) for an id written ``D12``, ``campaign:12`` or ``12``; ValueError otherwise."""
    match = _REF.match(ref.strip())
    if not match:
        raise ValueError(f"not a registry id: {ref!r} (D12, C3, T7, A5, a sha256 prefix or 48/KH-UBND)")
    kind = (match["word"] or _KIND_OF.get((match["letter"] or "d").lower(), "document")).lower()
    return kind, int(match["id"])


def frame(conn: Connection, sql: str, params: tuple[Any, ...] = ()) -> pd.DataFrame:
    cur = conn.execute(sql, params)
    cols = [c[0] for c in cur.description]
    out = pd.DataFrame([tuple(r) for r in cur.fetchall()], columns=cols)
    for col in _INT_COLUMNS.intersection(cols):
        out[col] = out[col].astype("Int64")  # a year stays 2026, not 2026.0, beside missing ones
    return out


def resolve_ref(conn: Connection, ref: str) -> tuple[str, int]:
    """(kind, id) of the item ``ref`` names; NotFound when none does."""
    text = ref.strip()
    if "/" in text:
        number, _, symbol = text.partition("/")
        row = conn.execute("SELECT id FROM documents WHERE number_key = ? AND symbol_key = ? ORDER BY id",
                           (number_key(number), symbol_key(symbol))).fetchone()
    elif _HEX.match(text.lower()) and not text.isdigit():
        row = conn.execute("SELECT id FROM documents WHERE sha256 LIKE ? ORDER BY id", (text.lower() + "%",)).fetchone()
    else:
        kind, item_id = parse_ref(text)
        table = {"document": "documents", "campaign": "campaigns", "task": "tasks", "assignee": "assignees"}[kind]
        if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (item_id,)).fetchone():
            return kind, item_id
        raise NotFound(f"no {kind} {item_id} in the registry")
    if row is None:
        raise NotFound(f"no document {text!r} in the registry")
    return "document", int(row[0])


def _one(conn: Connection, sql: str, item_id: int) -> dict[str, Any]:
    row = conn.execute(sql, (item_id,)).fetchone()
    return dict(row) if row else {}


def show_document(conn: Connection, doc_id: int) -> dict[str, Any]:
    """The document, its campaigns, tasks, the acts it cites and the documents that cite it."""
    return {
        "kind": "document",
        "item": _one(conn, "SELECT id, sha256, path, doc_type, number, symbol, issuer, issuer_parent, place, "
                           "year, month, day, subject, signer, n_warnings FROM documents WHERE id = ?", doc_id),
        "campaigns": frame(conn, "SELECT c.id AS campaign_id, m.name, m.role, m.theme, m.start_date, m.end_date "
                                 "FROM campaign_mentions m JOIN campaigns c ON c.id = m.campaign_id "
                                 "WHERE m.document_id = ? ORDER BY m.ordinal", (doc_id,)),
        "tasks": frame(conn, "SELECT t.id AS task_id, t.action, t.deadline, "
                             "GROUP_CONCAT(CASE WHEN ta.role = 'assignee' THEN a.name END, '; ') AS assignees, "
                             "GROUP_CONCAT(CASE WHEN ta.role = 'coordinator' THEN a.name END, '; ') AS coordinators "
                             "FROM tasks t LEFT JOIN task_assignees ta ON ta.task_id = t.id "
                             "LEFT JOIN assignees a ON a.id = ta.assignee_id WHERE t.document_id = ? "
                             "GROUP BY t.id ORDER BY t.ordinal", (doc_id,)),
        # Each cited act once, as first cited: a window, as PostgreSQL takes no bare column beside MIN().
        "cites": frame(conn, "SELECT ordinal, doc_type, number, symbol, date, issuer, relation, cited_id, "
                             "occurrences FROM (SELECT c.*, COUNT(*) OVER acts AS occurrences, "
                             "ROW_NUMBER() OVER (acts ORDER BY c.ordinal) AS nth FROM citations c "
                             "WHERE c.document_id = ? WINDOW acts AS (PARTITION BY c.number_key, c.symbol_key, "
                             "c.doc_type)) AS cited WHERE nth = 1 ORDER BY ordinal", (doc_id,)),
        "cited_by": frame(conn, "SELECT DISTINCT d.id AS document_id, d.doc_type, d.number, d.symbol, d.issuer, "
                                "d.year, d.subject FROM citations c JOIN documents d ON d.id = c.document_id "
                                "WHERE c.cited_id = ? ORDER BY d.id", (doc_id,)),
    }


def show_campaign(conn: Connection, campaign_id: int) -> dict[str, Any]:
    """The campaign and every mention of it, with the mentioning document."""
    return {
        "kind": "campaign",
        "item": _one(conn, "SELECT id, name, campaign_key, kind, theme FROM campaigns WHERE id = ?", campaign_id),
        "mentions": frame(conn, "SELECT d.id AS document_id, d.doc_type, d.number, d.symbol, d.issuer, d.year, "
                                "m.name, m.role, m.start_date, m.end_date FROM campaign_mentions m "
                                "JOIN documents d ON d.id = m.document_id WHERE m.campaign_id = ? "
                                "ORDER BY d.year, d.id, m.ordinal", (campaign_id,)),
    }


def show_assignee(conn: Connection, assignee_id: int) -> dict[str, Any]:
    """The unit and every task handed to it (as doer or coordinator)."""
    return {
        "kind": "assignee",
        "item": _one(conn, "SELECT id, name, unit_key FROM assignees WHERE id = ?", assignee_id),
        "tasks": frame(conn, "SELECT t.id AS task_id, ta.role, t.action, t.deadline, d.id AS document_id, "
                             "d.number, d.symbol, d.issuer, d.year FROM task_assignees ta "
                             "JOIN tasks t ON t.id = ta.task_id JOIN documents d ON d.id = t.document_id "
                             "WHERE ta.assignee_id = ? ORDER BY d.year, d.id, t.ordinal", (assignee_id,)),
    }


def show_task(conn: Connection, task_id: int) -> dict[str, Any]:
    return {
        "kind": "task",
        "item": _one(conn, "SELECT t.id, t.action, t.deadline, t.deadline_text, t.section, t.document_id, "
                           "d.number, d.symbol FROM tasks t JOIN documents d ON d.id = t.document_id "
                           "WHERE t.id = ?", task_id),
        "assignees": frame(conn, "SELECT a.id AS assignee_id, a.name, ta.role FROM task_assignees ta "
                                 "JOIN assignees a ON a.id = ta.assignee_id WHERE ta.task_id = ?", (task_id,)),
    }


SHOW = {"document": show_document, "campaign": show_campaign, "assignee": show_assignee, "task": show_task}


def show(conn: Connection, ref: str) -> dict[str, Any]:
    """What ``congvan show REF`` prints: ``{"kind", "item": dict, <name>: DataFrame…}``."""
    kind, item_id = resolve_ref(conn, ref)
    return SHOW[kind](conn, item_id)


def campaigns_by_year_issuer(conn: Connection) -> pd.DataFrame:
    """Campaign mentions counted by the mentioning document's year and issuer."""
    return frame(conn, "SELECT d.year, COALESCE(d.issuer, '(unknown)') AS issuer, "
                       "COUNT(DISTINCT m.campaign_id) AS campaigns, COUNT(*) AS mentions "
                       "FROM campaign_mentions m JOIN documents d ON d.id = m.document_id "
                       "GROUP BY d.year, d.issuer ORDER BY d.year, campaigns DESC")


def most_tasked_units(conn: Connection, top: int = 15) -> pd.DataFrame:
    return frame(conn, "SELECT a.id AS assignee_id, a.name, "
                       "SUM(CASE WHEN ta.role = 'assignee' THEN 1 ELSE 0 END) AS tasks, "
                       "SUM(CASE WHEN ta.role = 'coordinator' THEN 1 ELSE 0 END) AS coordinating, "
                       "COUNT(DISTINCT t.document_id) AS documents FROM assignees a "
                       "JOIN task_assignees ta ON ta.assignee_id = a.id JOIN tasks t ON t.id = ta.task_id "
                       "GROUP BY a.id ORDER BY tasks DESC, documents DESC LIMIT ?", (top,))


def citation_edges(conn: Connection, doc_id: int, depth: int = 2) -> pd.DataFrame:
    """Edges (source → target label) of the citation graph around a document, both directions,
    up to ``depth`` hops through resolved citations."""
    edges: list[dict[str, Any]] = []
    frontier, seen = {doc_id}, {doc_id}
    for _ in range(depth):
        nxt: set[int] = set()
        for node in frontier:
            for row in conn.execute(
                    "SELECT DISTINCT c.document_id AS src, c.cited_id AS dst, c.number, c.symbol FROM citations c "
                    "WHERE c.document_id = ? OR c.cited_id = ?", (node, node)):
                target = f"D{row['dst']}" if row["dst"] else "/".join(p for p in (row["number"], row["symbol"]) if p)
                edge = {"source": f"D{row['src']}", "target": target, "resolved": row["dst"] is not None}
                if edge not in edges:
                    edges.append(edge)
                for other in (row["src"], row["dst"]):
                    if other is not None and other not in seen:
                        seen.add(other)
                        nxt.add(other)
        frontier = nxt
    return pd.DataFrame(edges, columns=["source", "target", "resolved"])
