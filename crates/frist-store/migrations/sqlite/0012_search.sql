-- Search by reference, citizen and words (src/fulltext.rs): the words of each inquiry as
-- received, CPR numbers cut out, in a contentless FTS5 table whose rowid is the inquiry's id.
-- Results come newest first, never ranked, so neither positions nor column sizes are kept.
CREATE VIRTUAL TABLE inquiry_search USING fts5(
    words, content = '', columnsize = 0, detail = none,
    tokenize = 'unicode61 remove_diacritics 0'
);
-- Inquiries stored before the index existed: their words are made in Rust (which cuts out CPR
-- numbers), so the store indexes them when it is next opened and empties this table.
CREATE TABLE search_backfill (inquiry_id INTEGER PRIMARY KEY);
INSERT INTO search_backfill (inquiry_id) SELECT id FROM inquiries;
