-- SQLite only: FTS5 search tables, one per kind. Each holds the original text (title, body) and
-- its folded form (ftitle, fbody: đ → d, no diacritics, casefolded by pipeline.registry.fold),
-- so a query without accents matches the folded columns and an exact one scores on both.
-- A row's rowid is the id of what it indexes (documents.id, tasks.id…): filters are rowid sets.
-- PostgreSQL has tsvector tables over the same folded text instead: 0002_search.postgres.sql.
CREATE VIRTUAL TABLE search_documents USING fts5(
    title, body, ftitle, fbody, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE search_campaigns USING fts5(
    title, body, ftitle, fbody, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE search_tasks USING fts5(
    title, body, ftitle, fbody, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE search_assignees USING fts5(
    title, body, ftitle, fbody, tokenize = 'unicode61 remove_diacritics 0');
