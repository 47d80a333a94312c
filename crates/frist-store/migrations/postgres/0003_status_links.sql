-- Citizens' status links. Only the SHA-256 hex of the link's token is stored, so a copy of the
-- database does not hand out working links.
CREATE TABLE status_links (
    token_hash TEXT   PRIMARY KEY,
    inquiry_id BIGINT NOT NULL REFERENCES inquiries (id),
    created_at BIGINT NOT NULL
);

CREATE INDEX status_links_inquiry ON status_links (inquiry_id);
