-- 2: annotations stored queryably, and the results of linking.
-- Days are yyyymmdd integers (see period.rs); `sort_day` orders lists
-- (documents: 0 when undated; events: 99999999 when undated); `*_key`
-- columns hold lowercased names for case-insensitive matching.
ALTER TABLE documents ADD COLUMN sort_day BIGINT NOT NULL DEFAULT 0;
UPDATE documents SET sort_day = CAST(replace(published, '-', '') AS BIGINT)
    WHERE published IS NOT NULL;
CREATE INDEX documents_newest ON documents(sort_day, rowid);

CREATE TABLE entities (
    doc        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start_char BIGINT NOT NULL,
    end_char   BIGINT NOT NULL,
    kind       TEXT NOT NULL,
    canonical  TEXT NOT NULL,
    name_key   TEXT NOT NULL,
    country    TEXT,
    code       TEXT
);
CREATE INDEX entities_doc ON entities(doc);
CREATE INDEX entities_name ON entities(name_key);
CREATE INDEX entities_code ON entities(code);

CREATE TABLE events (
    seq              {serial},
    doc              TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx              BIGINT NOT NULL,
    kind             TEXT NOT NULL,
    cameo            TEXT NOT NULL,
    source_code      TEXT,
    source_canonical TEXT,
    target_code      TEXT,
    target_canonical TEXT,
    when_value       TEXT,
    day_from         BIGINT,
    day_to           BIGINT,
    sort_day         BIGINT NOT NULL,
    place            TEXT,
    place_key        TEXT,
    modality         TEXT NOT NULL,
    evidence         TEXT NOT NULL,
    body             TEXT NOT NULL,
    UNIQUE (doc, idx)
);
CREATE INDEX events_order ON events(sort_day, seq);
CREATE INDEX events_kind ON events(kind);
CREATE INDEX events_place ON events(place_key);
CREATE TABLE event_actors (
    item BIGINT NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (name, item)
);

CREATE TABLE ceasefires (
    seq         {serial},
    doc         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         BIGINT NOT NULL,
    status      TEXT NOT NULL,
    start_value TEXT,
    day_from    BIGINT,
    day_to      BIGINT,
    sort_day    BIGINT NOT NULL,
    scope       TEXT,
    place_key   TEXT,
    evidence    TEXT NOT NULL,
    body        TEXT NOT NULL,
    UNIQUE (doc, idx)
);
CREATE INDEX ceasefires_order ON ceasefires(sort_day, seq);
CREATE INDEX ceasefires_status ON ceasefires(status);
CREATE INDEX ceasefires_place ON ceasefires(place_key);
CREATE TABLE ceasefire_actors (
    item BIGINT NOT NULL REFERENCES ceasefires(seq) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (name, item)
);

-- Link results name documents by id without a foreign key: the linker may
-- write them before the documents of the same batch.
CREATE TABLE duplicates (
    doc            TEXT PRIMARY KEY,
    representative TEXT NOT NULL,
    similarity     DOUBLE PRECISION NOT NULL
);
CREATE INDEX duplicates_representative ON duplicates(representative);

CREATE TABLE linked_events (
    seq              {serial},
    id               TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    cameo            TEXT NOT NULL,
    date_value       TEXT,
    date_precision   TEXT,
    day_from         BIGINT,
    day_to           BIGINT,
    sort_day         BIGINT NOT NULL,
    story            TEXT,
    place            TEXT,
    place_key        TEXT,
    source_code      TEXT,
    source_canonical TEXT,
    target_code      TEXT,
    target_canonical TEXT,
    body             TEXT NOT NULL
);
CREATE INDEX linked_events_order ON linked_events(sort_day, seq);
CREATE INDEX linked_events_story ON linked_events(story, sort_day, seq);
CREATE INDEX linked_events_place ON linked_events(place_key);
CREATE TABLE linked_event_actors (
    item BIGINT NOT NULL REFERENCES linked_events(seq) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (item, name)
);
CREATE INDEX linked_event_actors_name ON linked_event_actors(name, item);
CREATE TABLE mentions (
    item       BIGINT NOT NULL REFERENCES linked_events(seq) ON DELETE CASCADE,
    doc        TEXT NOT NULL,
    mention_of TEXT NOT NULL,
    idx        BIGINT NOT NULL,
    PRIMARY KEY (item, doc, mention_of, idx)
);
CREATE INDEX mentions_doc ON mentions(doc);

CREATE TABLE stories (
    seq       {serial},
    id        TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    doc_count BIGINT NOT NULL,
    body      TEXT NOT NULL
);
CREATE INDEX stories_order ON stories(doc_count, seq);
CREATE TABLE story_documents (
    story TEXT NOT NULL,
    doc   TEXT NOT NULL,
    PRIMARY KEY (story, doc)
);
CREATE INDEX story_documents_doc ON story_documents(doc);

CREATE TABLE link_state (
    name       TEXT PRIMARY KEY,
    state      {blob} NOT NULL,
    updated_at TEXT NOT NULL
);
