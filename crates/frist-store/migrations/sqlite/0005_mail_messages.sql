-- E-mail as it arrived: the exact bytes of every message (IMAP or .eml import) and what became
-- of it. Nothing a citizen sent is dropped: a message that could not be understood is kept here
-- as `flagged` for a person, with the reason.
--
-- `message_id` is the Message-ID without angle brackets, or `sha256:<hex of the bytes>` for a
-- message without one. One message id makes at most one inquiry: a second, different copy
-- (e.g. the same mail delivered to two mailboxes) is stored as `duplicate` of the first; an
-- identical copy (same bytes) is not stored again at all.
-- outcome: inquiry   — it made the new inquiry `inquiry_id`;
--          reply     — it was added to the inquiry `inquiry_id` as a `message_received` event;
--          duplicate — a copy of a message already stored (`inquiry_id` is the original's);
--          flagged   — kept for a person (`flag_reason`); `inquiry_id` is set when the message
--                      belongs to an inquiry it could not be added to.
-- The raw bytes come last so that lists (flagged mail) never read them.
CREATE TABLE mail_messages (
    id                INTEGER PRIMARY KEY,
    message_id        TEXT    NOT NULL,
    sha256            TEXT    NOT NULL UNIQUE,   -- hex of the raw bytes
    source            TEXT    NOT NULL,          -- "imap:ADDRESS/FOLDER" or "file:PATH"
    received_at       INTEGER NOT NULL,          -- when Frist got it
    outcome           TEXT    NOT NULL
        CHECK (outcome IN ('inquiry', 'reply', 'duplicate', 'flagged')),
    inquiry_id        INTEGER REFERENCES inquiries (id),
    flag_reason       TEXT,
    subject           TEXT    NOT NULL,          -- CPR numbers masked
    from_address      TEXT,
    absent_caseworker TEXT,                      -- the absent owner of the personal mailbox
    auto_reply_due    INTEGER NOT NULL DEFAULT 0, -- an absence auto-reply is to be sent
    raw               BLOB    NOT NULL
);

CREATE UNIQUE INDEX mail_messages_message_id ON mail_messages (message_id)
    WHERE outcome <> 'duplicate';
CREATE INDEX mail_messages_inquiry ON mail_messages (inquiry_id) WHERE inquiry_id IS NOT NULL;
CREATE INDEX mail_messages_flagged ON mail_messages (id) WHERE outcome = 'flagged';
CREATE INDEX mail_messages_auto_reply ON mail_messages (id) WHERE auto_reply_due = 1;

-- The bytes are the record of what was received: never changed.
CREATE TRIGGER mail_messages_raw_is_immutable
    BEFORE UPDATE OF raw, sha256, message_id ON mail_messages
BEGIN
    SELECT RAISE(ABORT, 'a received message is never changed');
END;
