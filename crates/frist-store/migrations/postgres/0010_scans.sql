-- Letters that arrive on paper are registered with a scan: the uploaded file, exactly as
-- uploaded, kept with the inquiry. Appended, never changed.
CREATE TABLE scans (
    id           BIGSERIAL PRIMARY KEY,
    inquiry_id   BIGINT NOT NULL REFERENCES inquiries (id),
    filename     TEXT   NOT NULL,
    content_type TEXT   NOT NULL,
    bytes        BYTEA  NOT NULL,
    size         BIGINT NOT NULL,
    uploaded_at  BIGINT NOT NULL,
    uploaded_by  TEXT   NOT NULL
);

CREATE INDEX scans_inquiry ON scans (inquiry_id, id);

CREATE FUNCTION scans_are_kept() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'scans are kept as uploaded';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER scans_are_kept_update BEFORE UPDATE ON scans
    FOR EACH ROW EXECUTE FUNCTION scans_are_kept();
