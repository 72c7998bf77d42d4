-- PostgreSQL only: the counterpart of 0002_search.sqlite.sql's FTS5 tables, one per kind. Each row
-- holds the original text (title, body) and its fold (ftitle, fbody: đ → d, no diacritics,
-- casefolded by pipeline.registry.fold, the same as in SQLite); ref_id is the id of what it
-- indexes (documents.id, tasks.id…), so filters are ref_id sets.
-- folded: the fold's words under the 'simple' configuration (no stemming, no stop words), title
-- weighted A and body B; what a query matches, through the GIN index. typed: the words as written
-- (lowercased, accents kept), filled on insert by pipeline/registry/fts_pg.py, so that a query typed
-- with accents ranks the exact spelling first, as FTS5's title/body columns do.
CREATE TABLE search_documents (
    ref_id INTEGER PRIMARY KEY,
    title  TEXT,
    body   TEXT,
    ftitle TEXT NOT NULL DEFAULT '',
    fbody  TEXT NOT NULL DEFAULT '',
    typed  TSVECTOR NOT NULL DEFAULT ''::tsvector,
    folded TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', ftitle), 'A') || setweight(to_tsvector('simple', fbody), 'B')) STORED
);
CREATE INDEX search_documents_folded ON search_documents USING GIN (folded);
CREATE TABLE search_campaigns (LIKE search_documents INCLUDING ALL);
CREATE TABLE search_tasks (LIKE search_documents INCLUDING ALL);
CREATE TABLE search_assignees (LIKE search_documents INCLUDING ALL);
