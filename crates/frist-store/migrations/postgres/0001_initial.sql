-- Frist's schema for PostgreSQL. Instants are BIGINT nanoseconds since the Unix epoch (UTC),
-- as in SQLite, so both backends compare and order them identically.
-- Landed migrations are never edited: add a new file.

CREATE TABLE policies (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT   NOT NULL,
    sha256        TEXT   NOT NULL UNIQUE,
    text          TEXT   NOT NULL,
    registered_at BIGINT NOT NULL
);

-- Reference numbers per prefix and year of receipt; `next` is the next number to hand out.
CREATE TABLE reference_counters (
    prefix TEXT     NOT NULL,
    year   SMALLINT NOT NULL,
    next   BIGINT   NOT NULL,
    PRIMARY KEY (prefix, year)
);

-- The current-state projection of each inquiry, with summary columns for the queue.
CREATE TABLE inquiries (
    id                   BIGSERIAL PRIMARY KEY,
    reference            TEXT   NOT NULL UNIQUE,
    policy_id            BIGINT NOT NULL REFERENCES policies (id),
    channel              TEXT   NOT NULL,
    external_id          TEXT,
    state                TEXT   NOT NULL,
    unit                 TEXT,
    caseworker           TEXT,
    kind                 TEXT   NOT NULL,
    received_at          BIGINT NOT NULL,
    subject              TEXT   NOT NULL,   -- CPR numbers masked
    sender_name          TEXT,              -- CPR numbers masked
    next_due_at          BIGINT,            -- nearest due_at of an open obligation
    next_requires        TEXT,
    next_unpaused_due_at BIGINT,            -- the same, among obligations not paused
    queue_key            BIGINT NOT NULL,   -- next_due_at, or the largest bigint when NULL
    projection           JSONB  NOT NULL,   -- the Inquiry
    version              BIGINT NOT NULL    -- seq of the last event
);

CREATE UNIQUE INDEX inquiries_channel_external_id ON inquiries (channel, external_id)
    WHERE external_id IS NOT NULL;
CREATE INDEX inquiries_queue ON inquiries (queue_key, id);
CREATE INDEX inquiries_unit_queue ON inquiries (unit, queue_key, id);
CREATE INDEX inquiries_caseworker_queue ON inquiries (caseworker, queue_key, id);
CREATE INDEX inquiries_state_queue ON inquiries (state, queue_key, id);

-- The record of truth: appended, never updated.
CREATE TABLE events (
    inquiry_id BIGINT NOT NULL REFERENCES inquiries (id),
    seq        BIGINT NOT NULL,
    at         BIGINT NOT NULL,
    type       TEXT   NOT NULL,
    actor      TEXT,
    data       JSONB  NOT NULL,   -- the Event
    PRIMARY KEY (inquiry_id, seq)
);

CREATE FUNCTION frist_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only';
END;
$$;

CREATE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION frist_events_are_append_only();

-- One row per obligation of each projection, rewritten with it; for compliance reports.
CREATE TABLE obligations (
    inquiry_id BIGINT   NOT NULL REFERENCES inquiries (id),
    position   INTEGER  NOT NULL,
    goal       TEXT     NOT NULL,
    requires   TEXT     NOT NULL,
    channel    TEXT     NOT NULL,
    unit       TEXT,
    due_at     BIGINT   NOT NULL,
    due_date   TEXT     NOT NULL,   -- local date in Europe/Copenhagen, YYYY-MM-DD
    met_at     BIGINT,
    waived     BOOLEAN  NOT NULL,
    paused     BOOLEAN  NOT NULL,
    PRIMARY KEY (inquiry_id, position)
);

CREATE INDEX obligations_due ON obligations (due_at)
    INCLUDE (goal, channel, unit, due_date, met_at, waived, paused);

CREATE TABLE units (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    email TEXT,
    phone TEXT
);

CREATE TABLE caseworkers (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    unit              TEXT,
    email             TEXT,
    phone             TEXT,
    absent_until      TEXT,   -- YYYY-MM-DD; NULL when present
    absent_substitute TEXT
);

CREATE TABLE api_tokens (
    id         BIGSERIAL PRIMARY KEY,
    name       TEXT   NOT NULL,
    role       TEXT   NOT NULL,
    token_hash TEXT   NOT NULL UNIQUE,   -- SHA-256 hex; the token itself is never stored
    created_at BIGINT NOT NULL
);

-- Who saw confidential data of which inquiry, and why. Appended, never updated.
CREATE TABLE access_log (
    id         BIGSERIAL PRIMARY KEY,
    viewer     TEXT   NOT NULL,
    inquiry_id BIGINT NOT NULL REFERENCES inquiries (id),
    what       TEXT   NOT NULL,
    at         BIGINT NOT NULL
);

CREATE INDEX access_log_inquiry ON access_log (inquiry_id, at);
CREATE INDEX access_log_viewer ON access_log (viewer, at);
