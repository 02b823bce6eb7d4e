-- 2 (SQLite): stemmed full-text search over documents, and over event evidence.
DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content = 'documents', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE events_fts USING fts5(
    evidence, content = 'events', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts(rowid, evidence) VALUES (new.seq, new.evidence);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, evidence) VALUES ('delete', old.seq, old.evidence);
END;
