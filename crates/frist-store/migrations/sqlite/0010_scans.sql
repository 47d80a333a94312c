-- Letters that arrive on paper are registered with a scan: the uploaded file, exactly as
-- uploaded, kept with the inquiry. Appended, never changed.
CREATE TABLE scans (
    id           INTEGER PRIMARY KEY,
    inquiry_id   INTEGER NOT NULL REFERENCES inquiries (id),
    filename     TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    bytes        BLOB    NOT NULL,
    size         INTEGER NOT NULL,
    uploaded_at  INTEGER NOT NULL,
    uploaded_by  TEXT    NOT NULL
);

CREATE INDEX scans_inquiry ON scans (inquiry_id, id);

CREATE TRIGGER scans_are_kept_update BEFORE UPDATE ON scans
BEGIN
    SELECT RAISE(ABORT, 'scans are kept as uploaded');
END;
