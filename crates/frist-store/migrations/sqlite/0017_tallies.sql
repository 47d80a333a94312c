-- Counts kept with the rows they count (issue 12), so that the lead dashboard and the public
-- results page read a few thousand tally rows instead of every obligation and every open inquiry.
-- Triggers keep them in the writing transaction, whichever code path writes the rows (an event's
-- projection, a bulk import, a migration). `tally.rs` reads them, and a test holds them equal to
-- the counts the rows themselves give.
--
-- On PostgreSQL the triggers add change rows that are folded into these tables later (concurrent
-- writers would otherwise queue on the same counter row); here, with one writer, they update the
-- counters directly, and the change tables stay empty so that both backends read alike.

-- Obligations by the month they fall due in, by each dimension a report groups by, by their
-- state apart from time (class: 0 open, 1 met on time, 2 met late, 4 paused, 5 waived) and by
-- their time to meet (-1: none). Unit and case type '' stand for none.
CREATE TABLE obligation_tally (
    month            TEXT    NOT NULL,
    goal             TEXT    NOT NULL,
    channel          TEXT    NOT NULL,
    unit             TEXT    NOT NULL,
    case_type        TEXT    NOT NULL,
    class            INTEGER NOT NULL,
    met_working_days INTEGER NOT NULL,
    n                INTEGER NOT NULL,
    PRIMARY KEY (month, goal, channel, unit, case_type, class, met_working_days)
) WITHOUT ROWID;

CREATE TABLE obligation_tally_changes (
    month            TEXT    NOT NULL,
    goal             TEXT    NOT NULL,
    channel          TEXT    NOT NULL,
    unit             TEXT    NOT NULL,
    case_type        TEXT    NOT NULL,
    class            INTEGER NOT NULL,
    met_working_days INTEGER NOT NULL,
    n                INTEGER NOT NULL
);

-- The open ones (class 0) again, by the hour they fall due in (due_at / 3600 s): whether an open
-- obligation is breached or pending depends on "now", and all but the current hour's are told
-- apart by these counts.
CREATE TABLE open_obligation_tally (
    hour      INTEGER NOT NULL,
    goal      TEXT    NOT NULL,
    channel   TEXT    NOT NULL,
    unit      TEXT    NOT NULL,
    case_type TEXT    NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (hour, goal, channel, unit, case_type)
) WITHOUT ROWID;

CREATE TABLE open_obligation_tally_changes (
    hour      INTEGER NOT NULL,
    goal      TEXT    NOT NULL,
    channel   TEXT    NOT NULL,
    unit      TEXT    NOT NULL,
    case_type TEXT    NOT NULL,
    n         INTEGER NOT NULL
);

-- Open inquiries by caseworker ('' for none) and the hour of their nearest unpaused deadline
-- (9223372036854775807 for none): the dashboard's open, breached, due-today and at-risk counts.
CREATE TABLE open_inquiry_tally (
    caseworker TEXT    NOT NULL,
    hour       INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (caseworker, hour)
) WITHOUT ROWID;

CREATE TABLE open_inquiry_tally_changes (
    caseworker TEXT    NOT NULL,
    hour       INTEGER NOT NULL,
    n          INTEGER NOT NULL
);

-- The current hour's open obligations and open inquiries, counted exactly from the rows.
CREATE INDEX obligations_open ON obligations (due_at, goal, channel, unit, case_type)
    WHERE met_at IS NULL AND NOT waived AND NOT paused;
CREATE INDEX inquiries_open_due ON inquiries (next_unpaused_due_at, caseworker)
    WHERE state <> 'closed';

INSERT INTO obligation_tally
SELECT substr(due_date, 1, 7), goal, channel, COALESCE(unit, ''), COALESCE(case_type, ''),
       CASE WHEN waived THEN 5 WHEN met_at IS NOT NULL AND met_at <= due_at THEN 1
            WHEN met_at IS NOT NULL THEN 2 WHEN paused THEN 4 ELSE 0 END,
       COALESCE(met_working_days, -1), COUNT(*)
FROM obligations GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO open_obligation_tally
SELECT due_at / 3600000000000, goal, channel, COALESCE(unit, ''), COALESCE(case_type, ''), COUNT(*)
FROM obligations WHERE met_at IS NULL AND NOT waived AND NOT paused GROUP BY 1, 2, 3, 4, 5;

INSERT INTO open_inquiry_tally
SELECT COALESCE(caseworker, ''), COALESCE(next_unpaused_due_at / 3600000000000, 9223372036854775807),
       COUNT(*)
FROM inquiries WHERE state <> 'closed' GROUP BY 1, 2;

CREATE TRIGGER obligation_tally_insert AFTER INSERT ON obligations
BEGIN
    INSERT INTO obligation_tally VALUES (
        substr(NEW.due_date, 1, 7), NEW.goal, NEW.channel, COALESCE(NEW.unit, ''),
        COALESCE(NEW.case_type, ''),
        CASE WHEN NEW.waived THEN 5 WHEN NEW.met_at IS NOT NULL AND NEW.met_at <= NEW.due_at THEN 1
             WHEN NEW.met_at IS NOT NULL THEN 2 WHEN NEW.paused THEN 4 ELSE 0 END,
        COALESCE(NEW.met_working_days, -1), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO open_obligation_tally
    SELECT NEW.due_at / 3600000000000, NEW.goal, NEW.channel, COALESCE(NEW.unit, ''),
           COALESCE(NEW.case_type, ''), 1
    WHERE NEW.met_at IS NULL AND NOT NEW.waived AND NOT NEW.paused
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER obligation_tally_delete AFTER DELETE ON obligations
BEGIN
    UPDATE obligation_tally SET n = n - 1
    WHERE month = substr(OLD.due_date, 1, 7) AND goal = OLD.goal AND channel = OLD.channel
      AND unit = COALESCE(OLD.unit, '') AND case_type = COALESCE(OLD.case_type, '')
      AND class = CASE WHEN OLD.waived THEN 5
                       WHEN OLD.met_at IS NOT NULL AND OLD.met_at <= OLD.due_at THEN 1
                       WHEN OLD.met_at IS NOT NULL THEN 2 WHEN OLD.paused THEN 4 ELSE 0 END
      AND met_working_days = COALESCE(OLD.met_working_days, -1);
    UPDATE open_obligation_tally SET n = n - 1
    WHERE OLD.met_at IS NULL AND NOT OLD.waived AND NOT OLD.paused
      AND hour = OLD.due_at / 3600000000000 AND goal = OLD.goal AND channel = OLD.channel
      AND unit = COALESCE(OLD.unit, '') AND case_type = COALESCE(OLD.case_type, '');
END;

CREATE TRIGGER obligation_tally_update AFTER UPDATE ON obligations
BEGIN
    UPDATE obligation_tally SET n = n - 1
    WHERE month = substr(OLD.due_date, 1, 7) AND goal = OLD.goal AND channel = OLD.channel
      AND unit = COALESCE(OLD.unit, '') AND case_type = COALESCE(OLD.case_type, '')
      AND class = CASE WHEN OLD.waived THEN 5
                       WHEN OLD.met_at IS NOT NULL AND OLD.met_at <= OLD.due_at THEN 1
                       WHEN OLD.met_at IS NOT NULL THEN 2 WHEN OLD.paused THEN 4 ELSE 0 END
      AND met_working_days = COALESCE(OLD.met_working_days, -1);
    UPDATE open_obligation_tally SET n = n - 1
    WHERE OLD.met_at IS NULL AND NOT OLD.waived AND NOT OLD.paused
      AND hour = OLD.due_at / 3600000000000 AND goal = OLD.goal AND channel = OLD.channel
      AND unit = COALESCE(OLD.unit, '') AND case_type = COALESCE(OLD.case_type, '');
    INSERT INTO obligation_tally VALUES (
        substr(NEW.due_date, 1, 7), NEW.goal, NEW.channel, COALESCE(NEW.unit, ''),
        COALESCE(NEW.case_type, ''),
        CASE WHEN NEW.waived THEN 5 WHEN NEW.met_at IS NOT NULL AND NEW.met_at <= NEW.due_at THEN 1
             WHEN NEW.met_at IS NOT NULL THEN 2 WHEN NEW.paused THEN 4 ELSE 0 END,
        COALESCE(NEW.met_working_days, -1), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO open_obligation_tally
    SELECT NEW.due_at / 3600000000000, NEW.goal, NEW.channel, COALESCE(NEW.unit, ''),
           COALESCE(NEW.case_type, ''), 1
    WHERE NEW.met_at IS NULL AND NOT NEW.waived AND NOT NEW.paused
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER open_inquiry_tally_insert AFTER INSERT ON inquiries WHEN NEW.state <> 'closed'
BEGIN
    INSERT INTO open_inquiry_tally VALUES (
        COALESCE(NEW.caseworker, ''),
        COALESCE(NEW.next_unpaused_due_at / 3600000000000, 9223372036854775807), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER open_inquiry_tally_delete AFTER DELETE ON inquiries WHEN OLD.state <> 'closed'
BEGIN
    UPDATE open_inquiry_tally SET n = n - 1
    WHERE caseworker = COALESCE(OLD.caseworker, '')
      AND hour = COALESCE(OLD.next_unpaused_due_at / 3600000000000, 9223372036854775807);
END;

-- Every event rewrites its inquiry's row; only a change of what is counted touches the tally.
CREATE TRIGGER open_inquiry_tally_update AFTER UPDATE ON inquiries
WHEN OLD.state IS NOT NEW.state OR OLD.caseworker IS NOT NEW.caseworker
  OR OLD.next_unpaused_due_at IS NOT NEW.next_unpaused_due_at
BEGIN
    UPDATE open_inquiry_tally SET n = n - 1
    WHERE OLD.state <> 'closed' AND caseworker = COALESCE(OLD.caseworker, '')
      AND hour = COALESCE(OLD.next_unpaused_due_at / 3600000000000, 9223372036854775807);
    INSERT INTO open_inquiry_tally
    SELECT COALESCE(NEW.caseworker, ''),
           COALESCE(NEW.next_unpaused_due_at / 3600000000000, 9223372036854775807), 1
    WHERE NEW.state <> 'closed'
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
