-- Frist's schema for SQLite. Instants are INTEGER nanoseconds since the Unix epoch (UTC).
-- Landed migrations are never edited: add a new file.

CREATE TABLE policies (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL,
    sha256        TEXT    NOT NULL UNIQUE,
    text          TEXT    NOT NULL,
    registered_at INTEGER NOT NULL
);

-- Reference numbers per prefix and year of receipt; `next` is the next number to hand out.
CREATE TABLE reference_counters (
    prefix TEXT    NOT NULL,
    year   INTEGER NOT NULL,
    next   INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
) WITHOUT ROWID;

-- The current-state projection of each inquiry, with summary columns for the queue.
CREATE TABLE inquiries (
    id                   INTEGER PRIMARY KEY,
    reference            TEXT    NOT NULL UNIQUE,
    policy_id            INTEGER NOT NULL REFERENCES policies (id),
    channel              TEXT    NOT NULL,
    external_id          TEXT,
    state                TEXT    NOT NULL,
    unit                 TEXT,
    caseworker           TEXT,
    kind                 TEXT    NOT NULL,
    received_at          INTEGER NOT NULL,
    subject              TEXT    NOT NULL,   -- CPR numbers masked
    sender_name          TEXT,               -- CPR numbers masked
    next_due_at          INTEGER,            -- nearest due_at of an open obligation
    next_requires        TEXT,
    next_unpaused_due_at INTEGER,            -- the same, among obligations not paused
    queue_key            INTEGER NOT NULL,   -- next_due_at, or the largest integer when NULL
    projection           TEXT    NOT NULL,   -- JSON of the Inquiry
    version              INTEGER NOT NULL    -- seq of the last event
);

CREATE UNIQUE INDEX inquiries_channel_external_id ON inquiries (channel, external_id)
    WHERE external_id IS NOT NULL;
CREATE INDEX inquiries_queue ON inquiries (queue_key, id);
CREATE INDEX inquiries_unit_queue ON inquiries (unit, queue_key, id);
CREATE INDEX inquiries_caseworker_queue ON inquiries (caseworker, queue_key, id);
CREATE INDEX inquiries_state_queue ON inquiries (state, queue_key, id);

-- The record of truth: appended, never updated.
CREATE TABLE events (
    inquiry_id INTEGER NOT NULL REFERENCES inquiries (id),
    seq        INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    actor      TEXT,
    data       TEXT    NOT NULL,   -- JSON of the Event
    PRIMARY KEY (inquiry_id, seq)
) WITHOUT ROWID;

CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;

-- One row per obligation of each projection, rewritten with it; for compliance reports.
-- Clustered by due instant, so a report over a period reads one contiguous range.
CREATE TABLE obligations (
    due_at     INTEGER NOT NULL,
    inquiry_id INTEGER NOT NULL REFERENCES inquiries (id),
    position   INTEGER NOT NULL,
    goal       TEXT    NOT NULL,
    requires   TEXT    NOT NULL,
    channel    TEXT    NOT NULL,
    unit       TEXT,
    due_date   TEXT    NOT NULL,   -- local date in Europe/Copenhagen, YYYY-MM-DD
    met_at     INTEGER,
    waived     INTEGER NOT NULL,
    paused     INTEGER NOT NULL,
    PRIMARY KEY (due_at, inquiry_id, position)
) WITHOUT ROWID;

CREATE INDEX obligations_inquiry ON obligations (inquiry_id);

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
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    token_hash TEXT    NOT NULL UNIQUE,   -- SHA-256 hex; the token itself is never stored
    created_at INTEGER NOT NULL
);

-- Who saw confidential data of which inquiry, and why. Appended, never updated.
CREATE TABLE access_log (
    id         INTEGER PRIMARY KEY,
    viewer     TEXT    NOT NULL,
    inquiry_id INTEGER NOT NULL REFERENCES inquiries (id),
    what       TEXT    NOT NULL,
    at         INTEGER NOT NULL
);

CREATE INDEX access_log_inquiry ON access_log (inquiry_id, at);
CREATE INDEX access_log_viewer ON access_log (viewer, at);
