"""The registry database: opening it, migrating it, writing documents and quarantined files.

SQLite (a file path) runs in WAL mode with foreign keys on; a ``postgresql://`` URL opens a
PostgreSQL database through :mod:`pipeline.registry.pg`. Migrations are the ``migrations/NNNN_name.sql``
files in order, applied past the schema version (``PRAGMA user_version`` in SQLite, the
``schema_migrations`` table in PostgreSQL); ``NNNN_name.sqlite.sql`` files are SQLite's own (FTS5),
``NNNN_name.postgres.sql`` their PostgreSQL counterparts (tsvector + GIN).

Writes go through :func:`add_documents`, one transaction per batch: a killed ingest loses at most
the batch in flight, and since a document is keyed by the sha256 of its bytes a re-run only adds
what is missing.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from pipeline.errors import CongvanError
from pipeline.registry import campaigns, fts, pg
from pipeline.registry.pg import Connection as Connection  # the type callers (ingest) name
from pipeline.registry.resolve import resolve_document
from pipeline.registry.rows import DocRows

_MIGRATION = re.compile(r"^(\d{4})_[\w-]+(?:\.(sqlite|postgres))?\.sql$")
DIALECT = "sqlite"


def migrations(dialect: str = DIALECT) -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every migration for ``dialect``, in order.

    >>> [(v, name) for v, name, _ in migrations()][:2]
    [(1, '0001_core.sql'), (2, '0002_search.sqlite.sql')]
    """
    found = []
    for ref in resources.files("pipeline.registry").joinpath("migrations").iterdir():
        match = _MIGRATION.match(ref.name)
        if match and match.group(2) in (None, dialect):
            found.append((int(match.group(1)), ref.name, ref.read_text(encoding="utf-8")))
    return sorted(found)


_VERSIONS = ("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
             "name TEXT NOT NULL, applied_at TEXT NOT NULL)")


def schema_version(conn: Connection) -> int:
    if isinstance(conn, pg.PgConnection):
        if conn.execute("SELECT to_regclass('schema_migrations')").fetchone()[0] is None:
            return 0
        return int(conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0])
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection) -> int:
    """Apply the migrations past the schema version, each in its own transaction; the new version."""
    if isinstance(conn, pg.PgConnection):
        return _migrate_postgres(conn)
    current = schema_version(conn)
    for version, _name, sql in migrations():
        if version <= current:
            continue
        with conn:
            conn.execute("BEGIN")
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version:d}")
        current = version
    return current


def _migrate_postgres(conn: pg.PgConnection) -> int:
    """As :func:`migrate`, the version kept in ``schema_migrations`` (one row per migration applied);
    under the writers' lock, so two first opens at once do not both create the tables."""
    current = schema_version(conn)
    for version, name, sql in migrations("postgres"):
        if version <= current:
            continue
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(_VERSIONS)
            if schema_version(conn) >= version:  # another process applied it while we waited
                continue
            for statement in _statements(sql):
                conn.execute(pg.ddl(statement))
            conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                         (version, name, _now()))
        current = version
    return schema_version(conn)


def _statements(sql: str) -> list[str]:
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def connect(path: str | Path) -> Connection:
    """Open (creating and migrating) a registry database: a SQLite file, or PostgreSQL by URL."""
    if pg.is_url(path):
        conn = pg.connect(str(path))
        migrate(conn)
        return conn
    return _connect_sqlite(path)


def _connect_sqlite(path: str | Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=30.0, check_same_thread=False)
        conn.execute("PRAGMA schema_version").fetchone()  # a file that is no database fails here
    except sqlite3.DatabaseError as exc:
        raise CongvanError("E131", detail=f"{path}: {exc}") from exc
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a commit survives a killed process
    # Search reads long FTS doclists of common words ("thong tin", "bao cao") again and again:
    # a 64 MiB page cache and reads through mmap keep them off the read() path (virtual memory only).
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA mmap_size = 268435456")
    migrate(conn)
    return conn


def for_bulk_writes(conn: Connection) -> None:
    """Settings for a long ingest. The 64 MiB cache and the mmap window serve search; a writer
    adding millions of rows would fill both, and its memory would grow with the database."""
    if isinstance(conn, sqlite3.Connection):
        conn.execute("PRAGMA cache_size = -8192")
        conn.execute("PRAGMA mmap_size = 0")


def has_document(conn: Connection, sha256: str) -> bool:
    """Whether the registry holds the document with these bytes (an index lookup)."""
    return conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone() is not None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _insert(conn: Connection, table: str, row: dict[str, object]) -> int:
    cols = ", ".join(row)
    marks = ", ".join("?" * len(row))
    sql = f"INSERT INTO {table} ({cols}) VALUES ({marks})"
    if isinstance(conn, pg.PgConnection):  # no lastrowid there
        return int(conn.execute(f"{sql} RETURNING id", tuple(row.values())).fetchone()[0])
    return int(conn.execute(sql, tuple(row.values())).lastrowid or 0)


def _insert_many(conn: Connection, table: str, doc_id: int, rows: list[dict[str, object]]) -> None:
    """Rows of one shape hanging from a document, in one executemany (the writer's hot path)."""
    if rows:
        cols = ", ".join(["document_id", *rows[0]])
        marks = ", ".join("?" * (len(rows[0]) + 1))
        conn.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})",
                         [(doc_id, *row.values()) for row in rows])


def _get_or_create(conn: Connection, table: str, key_col: str, key: str,
                   values: dict[str, object]) -> tuple[int, bool]:
    row = conn.execute(f"SELECT id FROM {table} WHERE {key_col} = ?", (key,)).fetchone()
    if row:
        return int(row[0]), False
    return _insert(conn, table, {key_col: key, **values}), True


def _add_campaigns(conn: Connection, doc_id: int, rows: DocRows) -> dict[str, int]:
    ids: dict[str, int] = {}
    for mention in rows.campaigns:
        ckey = mention["campaign_key"]
        found = campaigns.find(conn, ckey)
        cid = found if found is not None else _insert(conn, "campaigns", {
            "campaign_key": ckey, "name": mention["name"], "kind": mention["kind"], "theme": mention["theme"]})
        if found is None:
            fts.index(conn, "campaign", cid, mention["name"], " · ".join(
                p for p in (mention["kind"], mention["theme"], mention["period"]) if p))
        ids[ckey] = cid
        values = {k: v for k, v in mention.items() if k != "campaign_key"}
        _insert(conn, "campaign_mentions", {"campaign_id": cid, "document_id": doc_id, **values})
    return ids


def _add_tasks(conn: Connection, doc_id: int, rows: DocRows) -> None:
    searched = []
    for task in rows.tasks:
        values = {k: v for k, v in task.items() if k not in ("units", "search")}
        task_id = _insert(conn, "tasks", {"document_id": doc_id, **values})
        for ukey, name, role in task["units"]:
            aid, created = _get_or_create(conn, "assignees", "unit_key", ukey, {"name": name})
            if created:
                fts.index(conn, "assignee", aid, name, ukey)
            conn.execute("INSERT OR IGNORE INTO task_assignees (task_id, assignee_id, role) VALUES (?, ?, ?)",
                         (task_id, aid, role))
        searched.append((task_id, *task["search"].values()))
    fts.index_rows(conn, "task", searched)


def add_document(conn: Connection, rows: DocRows) -> int | None:
    """Insert one document and everything hanging from it (inside the caller's transaction).

    Returns the new id, or None when a document with these bytes is already there.
    """
    doc = rows.document
    if conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (doc["sha256"],)).fetchone():
        return None
    doc_id = _insert(conn, "documents", {**{k: v for k, v in doc.items() if k != "record"}, "ingested_at": _now()})
    conn.execute("INSERT INTO records (document_id, record) VALUES (?, ?)", (doc_id, doc["record"]))
    _insert_many(conn, "citations", doc_id, rows.citations)
    _insert_many(conn, "sections", doc_id, rows.sections)
    _insert_many(conn, "entities", doc_id, rows.entities)
    campaign_ids = _add_campaigns(conn, doc_id, rows)
    _insert_many(conn, "themes", doc_id, [
        {**{k: v for k, v in theme.items() if k != "campaign_key"},
         "campaign_id": campaign_ids.get(theme["campaign_key"] or "")} for theme in rows.themes])
    _add_tasks(conn, doc_id, rows)
    fts.index_rows(conn, "document", [(doc_id, *rows.search.values())])
    if rows.citations or doc["number_key"]:
        resolve_document(conn, doc_id)
    conn.execute("DELETE FROM quarantine WHERE sha256 = ?", (doc["sha256"],))  # it reads now
    return doc_id


def quarantine(conn: Connection, path: str, sha256: str | None, reason: str,
               code: str | None = None) -> None:
    """Record a file that could not be read as a document (one row per file, updated on re-runs)."""
    entry_key = sha256 or f"path:{path}"
    conn.execute(
        "INSERT INTO quarantine (entry_key, path, sha256, code, reason, at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (entry_key) DO UPDATE SET path = excluded.path, code = excluded.code, "
        "reason = excluded.reason, at = excluded.at",
        (entry_key, path, sha256, code, reason, _now()))


def write_batch(conn: Connection, documents: Iterable[DocRows],
                failures: Iterable[tuple[str, str | None, str, str | None]] = ()) -> int:
    """Write documents and quarantine entries in one transaction; the number of new documents."""
    added = 0
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        for rows in documents:
            added += add_document(conn, rows) is not None
        for path, sha, reason, code in failures:
            quarantine(conn, path, sha, reason, code)
    return added
