-- Notices to staff (issue 13) travel through the same outbox as messages to citizens, so they
-- are durable, retried, recovered after a crash and listed by `frist outbox list` like them:
-- a daily digest, a warning before a deadline, an escalation after it, a monthly report.
-- A notice is addressed to a member of staff (`person`, a user name); `inquiry_id` is the
-- inquiry it is about, if any (a digest or a monthly report is about none), and no event is
-- appended for it: the inquiry's history is what was said to the citizen.
-- `idempotency_key` names what the scheduler queued (e.g. `warning:42:HTK-1`,
-- `digest:mette:2026-12-07`); it is unique, so a second run or a run after a crash queues
-- nothing twice.
-- SQLite cannot drop a NOT NULL constraint, so the table is rebuilt with the same rows.
CREATE TABLE outbox_rebuilt (
    id              INTEGER PRIMARY KEY,
    inquiry_id      INTEGER REFERENCES inquiries (id),
    channel         TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    message         TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    message_id      TEXT    NOT NULL UNIQUE,
    actor           TEXT,
    state           TEXT    NOT NULL,   -- queued | sending | sent | failed | uncertain
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,               -- never a body or a CPR number
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    status_token    TEXT,
    person          TEXT,               -- NULL: a message to a citizen
    idempotency_key TEXT    UNIQUE
);

INSERT INTO outbox_rebuilt (id, inquiry_id, channel, kind, message, recipient, message_id,
    actor, state, attempts, next_attempt_at, last_error, created_at, sent_at, status_token)
SELECT id, inquiry_id, channel, kind, message, recipient, message_id, actor, state, attempts,
    next_attempt_at, last_error, created_at, sent_at, status_token
FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_rebuilt RENAME TO outbox;

CREATE INDEX outbox_due ON outbox (state, next_attempt_at, id);
CREATE INDEX outbox_inquiry ON outbox (inquiry_id, id);
CREATE INDEX outbox_person ON outbox (person, id) WHERE person IS NOT NULL;

-- What a member of staff wants to be told. No row: the defaults (a daily digest).
CREATE TABLE notification_settings (
    person TEXT    PRIMARY KEY,
    digest INTEGER NOT NULL
);
