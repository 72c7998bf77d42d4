-- The registry's tables. Portable SQL (SQLite and PostgreSQL); SQLite specifics live in
-- *.sqlite.sql files and pipeline/registry/fts.py, PostgreSQL's in *.postgres.sql files and
-- pipeline/registry/fts_pg.py. PostgreSQL reads this file through pipeline.registry.pg.ddl:
-- "id INTEGER PRIMARY KEY" (SQLite's rowid, numbered on insert) becomes an identity column, BLOB BYTEA.

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT NOT NULL UNIQUE,
    path          TEXT,
    doc_type      TEXT,
    doc_type_code TEXT,
    number        TEXT,
    symbol        TEXT,
    number_key    TEXT,
    symbol_key    TEXT,
    issuer        TEXT,
    issuer_key    TEXT,
    issuer_parent TEXT,
    place         TEXT,
    year          INTEGER,
    month         INTEGER,
    day           INTEGER,
    subject       TEXT,
    signer        TEXT,
    n_warnings    INTEGER NOT NULL DEFAULT 0,
    ingested_at   TEXT NOT NULL
);
CREATE INDEX documents_number_symbol ON documents (number_key, symbol_key);
CREATE INDEX documents_issuer_year ON documents (issuer_key, year);
CREATE INDEX documents_year ON documents (year);

-- The whole record, zlib-compressed JSON, apart so that scans of documents stay small.
CREATE TABLE records (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    record      BLOB NOT NULL
);

-- "references" is an SQL keyword: cited acts are citations.
CREATE TABLE citations (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    doc_type    TEXT,
    number      TEXT,
    symbol      TEXT,
    number_key  TEXT,
    symbol_key  TEXT,
    date        TEXT,
    year        INTEGER,
    issuer      TEXT,
    issuer_key  TEXT,
    relation    TEXT,
    raw         TEXT,
    cited_id    INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    span_start  INTEGER,
    span_end    INTEGER
);
CREATE INDEX citations_document ON citations (document_id);
CREATE INDEX citations_number_symbol ON citations (number_key, symbol_key);
CREATE INDEX citations_cited ON citations (cited_id);

CREATE TABLE sections (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    path        TEXT NOT NULL,
    label       TEXT,
    title       TEXT,
    level       INTEGER,
    kind        TEXT,
    span_start  INTEGER,
    span_end    INTEGER
);
CREATE INDEX sections_document ON sections (document_id);

CREATE TABLE entities (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    label       TEXT NOT NULL,
    text        TEXT NOT NULL,
    normalized  TEXT,
    entity_key  TEXT NOT NULL,
    span_start  INTEGER,
    span_end    INTEGER
);
CREATE INDEX entities_document ON entities (document_id);
CREATE INDEX entities_key ON entities (label, entity_key);

-- One row per campaign across the registry, deduplicated by its folded key.
CREATE TABLE campaigns (
    id           INTEGER PRIMARY KEY,
    campaign_key TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    kind         TEXT,
    theme        TEXT
);

CREATE TABLE campaign_mentions (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    name        TEXT NOT NULL,
    role        TEXT,  -- launched, continued, referenced
    kind        TEXT,
    theme       TEXT,
    start_date  TEXT,
    end_date    TEXT,
    period      TEXT,
    span_start  INTEGER,
    span_end    INTEGER
);
CREATE INDEX campaign_mentions_campaign ON campaign_mentions (campaign_id);
CREATE INDEX campaign_mentions_document ON campaign_mentions (document_id);

CREATE TABLE themes (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
    span_start  INTEGER,
    span_end    INTEGER
);
CREATE INDEX themes_document ON themes (document_id);

CREATE TABLE tasks (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    action        TEXT NOT NULL,
    deadline      TEXT,
    deadline_text TEXT,
    section       TEXT,
    span_start    INTEGER,
    span_end      INTEGER
);
CREATE INDEX tasks_document ON tasks (document_id);

-- Units named as doers, normalised so "Văn phòng Sở" in two documents is one assignee.
CREATE TABLE assignees (
    id       INTEGER PRIMARY KEY,
    unit_key TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL
);

CREATE TABLE task_assignees (
    task_id     INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    assignee_id INTEGER NOT NULL REFERENCES assignees (id) ON DELETE CASCADE,
    role        TEXT NOT NULL,  -- assignee, coordinator
    PRIMARY KEY (task_id, assignee_id, role)
);
CREATE INDEX task_assignees_assignee ON task_assignees (assignee_id);

-- Files that could not be read as documents; keyed so a re-run updates instead of repeating.
CREATE TABLE quarantine (
    id        INTEGER PRIMARY KEY,
    entry_key TEXT NOT NULL UNIQUE,
    path      TEXT NOT NULL,
    sha256    TEXT,
    code      TEXT,
    reason    TEXT NOT NULL,
    at        TEXT NOT NULL
);
