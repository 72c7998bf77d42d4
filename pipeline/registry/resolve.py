"""Citations resolved to registry documents, at insert time and in both directions.

A citation resolves to a document with the same number and ký hiệu (compared as keys) whose
year and issuer agree where the citation gives them. When a document arrives, its own citations
look for documents already present, and earlier citations of it that were left open are closed.

>>> issuers_agree("uy ban nhan dan tinh soc trang", "uy ban nhan dan tinh soc trang")
True
>>> issuers_agree("chinh phu", "bo tai chinh"), issuers_agree(None, "bo tai chinh")
(False, True)
"""

from __future__ import annotations

from typing import Any

from pipeline.registry.pg import Connection


def issuers_agree(cited: str | None, actual: str | None) -> bool:
    """Issuer keys agree when either is unknown or one's words contain the other's
    ("uy ban nhan dan tinh soc trang" is cited as "uy ban nhan dan tinh soc trang" or by a
    longer phrase around it)."""
    if not cited or not actual:
        return True
    return f" {cited} " in f" {actual} " or f" {actual} " in f" {cited} "


def _agrees(cit: Any, doc: Any) -> bool:
    if cit["year"] is not None and doc["year"] is not None and cit["year"] != doc["year"]:
        return False
    return issuers_agree(cit["issuer_key"], doc["issuer_key"])


def resolve_document(conn: Connection, doc_id: int) -> int:
    """Resolve the new document's citations and the open citations of it; links made."""
    made = 0
    own = conn.execute("SELECT id, number_key, symbol_key, year, issuer_key FROM documents WHERE id = ?",
                       (doc_id,)).fetchone()
    for cit in conn.execute("SELECT id, number_key, symbol_key, year, issuer_key FROM citations "
                            "WHERE document_id = ? AND number_key IS NOT NULL AND symbol_key IS NOT NULL",
                            (doc_id,)).fetchall():
        for doc in conn.execute("SELECT id, year, issuer_key FROM documents WHERE number_key = ? AND "
                                "symbol_key = ? AND id != ? ORDER BY id", (cit["number_key"], cit["symbol_key"],
                                                                           doc_id)):
            if _agrees(cit, doc):
                conn.execute("UPDATE citations SET cited_id = ? WHERE id = ?", (doc["id"], cit["id"]))
                made += 1
                break
    if own["number_key"] and own["symbol_key"]:
        for cit in conn.execute("SELECT id, year, issuer_key FROM citations WHERE number_key = ? AND "
                                "symbol_key = ? AND cited_id IS NULL AND document_id != ?",
                                (own["number_key"], own["symbol_key"], doc_id)).fetchall():
            if _agrees(cit, own):
                conn.execute("UPDATE citations SET cited_id = ? WHERE id = ?", (doc_id, cit["id"]))
                made += 1
    return made
