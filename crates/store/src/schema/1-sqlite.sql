-- 1: documents, removed boilerplate, full-text index over title and text.
    CREATE TABLE documents (
        rowid          INTEGER PRIMARY KEY,
        id             TEXT NOT NULL UNIQUE,
        title          TEXT,
        published      TEXT,
        published_from TEXT NOT NULL,
        language       TEXT,
        site           TEXT,
        url            TEXT,
        source_path    TEXT,
        source_format  TEXT NOT NULL,
        source_record  INTEGER,
        text           TEXT NOT NULL,
        document       TEXT NOT NULL,
        ingested_at    TEXT NOT NULL
    );
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_site ON documents(site);
    CREATE TABLE removed (
        document INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        seq      INTEGER NOT NULL,
        kind     TEXT NOT NULL,
        text     TEXT NOT NULL,
        PRIMARY KEY (document, seq)
    ) WITHOUT ROWID;
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content = 'documents', content_rowid = 'rowid'
    );
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
    END;
