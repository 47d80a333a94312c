-- A message that carries a status link (an acknowledgment, the web form's confirmation, a new
-- link) holds the link's token in clear here from the moment it is queued until it is sent or
-- given up on (then it is set to NULL): the citizen's text is composed at delivery and needs
-- the token, but the event log is kept forever and only the token's SHA-256 is in
-- status_links, so a copy of the database opens no status page once its messages have gone.
ALTER TABLE outbox ADD COLUMN status_token TEXT;
