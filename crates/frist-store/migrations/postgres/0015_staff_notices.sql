-- Notices to staff (issue 13) travel through the same outbox as messages to citizens, so they
-- are durable, retried, recovered after a crash and listed by `frist outbox list` like them:
-- a daily digest, a warning before a deadline, an escalation after it, a monthly report.
-- A notice is addressed to a member of staff (`person`, a user name); `inquiry_id` is the
-- inquiry it is about, if any (a digest or a monthly report is about none), and no event is
-- appended for it: the inquiry's history is what was said to the citizen.
-- `idempotency_key` names what the scheduler queued (e.g. `warning:42:HTK-1`,
-- `digest:mette:2026-12-07`); it is unique, so a second run, a run after a crash or a second
-- node queues nothing twice.
ALTER TABLE outbox ALTER COLUMN inquiry_id DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN person TEXT;
ALTER TABLE outbox ADD COLUMN idempotency_key TEXT UNIQUE;

CREATE INDEX outbox_person ON outbox (person, id) WHERE person IS NOT NULL;

-- What a member of staff wants to be told. No row: the defaults (a daily digest).
CREATE TABLE notification_settings (
    person TEXT    PRIMARY KEY,
    digest BOOLEAN NOT NULL
);
