-- Message templates an administrator has edited on /admin/skabeloner: the text a message of a
-- kind starts from, for one case type or all ('' — a NULL cannot be part of the key), in one
-- language. A template without a row here is the policy's or the built-in one; deleting the
-- row restores that ("gendan standard"). Who saved it last, and when, is kept with it.
CREATE TABLE message_templates (
    kind       TEXT    NOT NULL,
    case_type  TEXT    NOT NULL DEFAULT '',
    lang       TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    changed_by TEXT    NOT NULL,
    changed_at BIGINT  NOT NULL,
    PRIMARY KEY (kind, case_type, lang)
);
