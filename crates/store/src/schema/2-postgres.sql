-- 2 (PostgreSQL): full-text search over event evidence.
ALTER TABLE events ADD COLUMN tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('english', evidence)) STORED;
CREATE INDEX events_tsv ON events USING GIN (tsv);
