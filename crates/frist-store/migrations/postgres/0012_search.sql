-- Search by reference, citizen and words (src/fulltext.rs): the words of each inquiry as
-- received, CPR numbers cut out, as a tsvector of the `simple` configuration (no stemming, no
-- stop words: as SQLite's FTS5 table, so both engines find the same).
CREATE TABLE inquiry_search (
    inquiry_id BIGINT PRIMARY KEY REFERENCES inquiries (id),
    words      TSVECTOR NOT NULL
);
CREATE INDEX inquiry_search_words ON inquiry_search USING GIN (words);
-- Inquiries stored before the index existed: their words are made in Rust (which cuts out CPR
-- numbers), so the store indexes them when it is next opened and empties this table.
CREATE TABLE search_backfill (inquiry_id BIGINT PRIMARY KEY);
INSERT INTO search_backfill (inquiry_id) SELECT id FROM inquiries;
