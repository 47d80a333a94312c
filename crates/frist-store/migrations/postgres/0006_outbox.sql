-- The outbox: one row per outgoing message, from the moment a caseworker sends it until the
-- channel's server accepted it (sent), gave up on it (failed), or may have received it while we
-- were interrupted (uncertain: a person decides; it is never resent automatically).
-- `message` is the OutgoingMessage as JSON (its body is confidential: never in lists or logs);
-- `recipient` is what the channel addresses (an e-mail address, a CPR reference, a PSID, …).
-- `message_id` is ours, assigned at enqueue and reused by every attempt, so a retry is the same
-- message and a citizen's reply can be threaded to it.
CREATE TABLE outbox (
    id              BIGSERIAL PRIMARY KEY,
    inquiry_id      BIGINT  NOT NULL REFERENCES inquiries (id),
    channel         TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    message         TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    message_id      TEXT    NOT NULL UNIQUE,
    actor           TEXT,
    state           TEXT    NOT NULL,   -- queued | sending | sent | failed | uncertain
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    last_error      TEXT,               -- never a body or a CPR number
    created_at      BIGINT  NOT NULL,
    sent_at         BIGINT
);

CREATE INDEX outbox_due ON outbox (state, next_attempt_at, id);
CREATE INDEX outbox_inquiry ON outbox (inquiry_id, id);
