-- Counts kept with the rows they count (issue 12), so that the lead dashboard and the public
-- results page read a few thousand tally rows instead of every obligation and every open inquiry.
-- See the SQLite migration of the same number for what each table counts.
--
-- Here the triggers only append change rows, grouped per statement: many writers commit at once
-- on PostgreSQL, and counters updated in place would make them queue on the same rows (and could
-- deadlock, each holding one counter the other needs). `tally.rs` folds the changes into the
-- tallies under an advisory lock, and reads tallies and changes together, so a count is exact
-- whether or not its changes have been folded yet.

CREATE TABLE obligation_tally (
    month            TEXT    NOT NULL,
    goal             TEXT    NOT NULL,
    channel          TEXT    NOT NULL,
    unit             TEXT    NOT NULL,
    case_type        TEXT    NOT NULL,
    class            INTEGER NOT NULL,
    met_working_days BIGINT  NOT NULL,
    n                BIGINT  NOT NULL,
    PRIMARY KEY (month, goal, channel, unit, case_type, class, met_working_days)
);

CREATE TABLE obligation_tally_changes (
    month            TEXT    NOT NULL,
    goal             TEXT    NOT NULL,
    channel          TEXT    NOT NULL,
    unit             TEXT    NOT NULL,
    case_type        TEXT    NOT NULL,
    class            INTEGER NOT NULL,
    met_working_days BIGINT  NOT NULL,
    n                BIGINT  NOT NULL
);

CREATE TABLE open_obligation_tally (
    hour      BIGINT NOT NULL,
    goal      TEXT   NOT NULL,
    channel   TEXT   NOT NULL,
    unit      TEXT   NOT NULL,
    case_type TEXT   NOT NULL,
    n         BIGINT NOT NULL,
    PRIMARY KEY (hour, goal, channel, unit, case_type)
);

CREATE TABLE open_obligation_tally_changes (
    hour      BIGINT NOT NULL,
    goal      TEXT   NOT NULL,
    channel   TEXT   NOT NULL,
    unit      TEXT   NOT NULL,
    case_type TEXT   NOT NULL,
    n         BIGINT NOT NULL
);

CREATE TABLE open_inquiry_tally (
    caseworker TEXT   NOT NULL,
    hour       BIGINT NOT NULL,
    n          BIGINT NOT NULL,
    PRIMARY KEY (caseworker, hour)
);

CREATE TABLE open_inquiry_tally_changes (
    caseworker TEXT   NOT NULL,
    hour       BIGINT NOT NULL,
    n          BIGINT NOT NULL
);

CREATE INDEX obligations_open ON obligations (due_at) INCLUDE (goal, channel, unit, case_type)
    WHERE met_at IS NULL AND NOT waived AND NOT paused;
CREATE INDEX inquiries_open_due ON inquiries (next_unpaused_due_at) INCLUDE (caseworker)
    WHERE state <> 'closed';

-- The keys of a set of obligation rows, with a count each.
CREATE FUNCTION obligation_class(waived BOOLEAN, met_at BIGINT, due_at BIGINT, paused BOOLEAN)
RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN waived THEN 5 WHEN met_at IS NOT NULL AND met_at <= due_at THEN 1
                WHEN met_at IS NOT NULL THEN 2 WHEN paused THEN 4 ELSE 0 END
$$;

INSERT INTO obligation_tally
SELECT substr(due_date, 1, 7), goal, channel, COALESCE(unit, ''), COALESCE(case_type, ''),
       obligation_class(waived, met_at, due_at, paused), COALESCE(met_working_days, -1), COUNT(*)
FROM obligations GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO open_obligation_tally
SELECT due_at / 3600000000000, goal, channel, COALESCE(unit, ''), COALESCE(case_type, ''), COUNT(*)
FROM obligations WHERE met_at IS NULL AND NOT waived AND NOT paused GROUP BY 1, 2, 3, 4, 5;

INSERT INTO open_inquiry_tally
SELECT COALESCE(caseworker, ''), COALESCE(next_unpaused_due_at / 3600000000000, 9223372036854775807),
       COUNT(*)
FROM inquiries WHERE state <> 'closed' GROUP BY 1, 2;

-- A statement's rows as change rows: removed ones count -1, added ones 1, and a key whose
-- removals and additions cancel out (an event that changed nothing counted) adds nothing. One
-- trigger per operation, since a trigger with transition tables may have only one.
CREATE FUNCTION obligation_tally_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO obligation_tally_changes
        SELECT substr(due_date, 1, 7), goal, channel, COALESCE(unit, ''), COALESCE(case_type, ''),
               obligation_class(waived, met_at, due_at, paused), COALESCE(met_working_days, -1), SUM(sign)
        FROM (SELECT *, 1 AS sign FROM new_rows) AS r
        GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING SUM(sign) <> 0;
        INSERT INTO open_obligation_tally_changes
        SELECT due_at / 3600000000000, goal, channel, COALESCE(unit, ''), COALESCE(case_type, ''), SUM(sign)
        FROM (SELECT *, 1 AS sign FROM new_rows) AS r WHERE met_at IS NULL AND NOT waived AND NOT paused
        GROUP BY 1, 2, 3, 4, 5 HAVING SUM(sign) <> 0;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO obligation_tally_changes
        SELECT substr(due_date, 1, 7), goal, channel, COALESCE(unit, ''), COALESCE(case_type, ''),
               obligation_class(waived, met_at, due_at, paused), COALESCE(met_working_days, -1), SUM(sign)
        FROM (SELECT *, -1 AS sign FROM old_rows) AS r
        GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING SUM(sign) <> 0;
        INSERT INTO open_obligation_tally_changes
        SELECT due_at / 3600000000000, goal, channel, COALESCE(unit, ''), COALESCE(case_type, ''), SUM(sign)
        FROM (SELECT *, -1 AS sign FROM old_rows) AS r WHERE met_at IS NULL AND NOT waived AND NOT paused
        GROUP BY 1, 2, 3, 4, 5 HAVING SUM(sign) <> 0;
    ELSE
        INSERT INTO obligation_tally_changes
        SELECT substr(due_date, 1, 7), goal, channel, COALESCE(unit, ''), COALESCE(case_type, ''),
               obligation_class(waived, met_at, due_at, paused), COALESCE(met_working_days, -1), SUM(sign)
        FROM (SELECT *, -1 AS sign FROM old_rows UNION ALL SELECT *, 1 FROM new_rows) AS r
        GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING SUM(sign) <> 0;
        INSERT INTO open_obligation_tally_changes
        SELECT due_at / 3600000000000, goal, channel, COALESCE(unit, ''), COALESCE(case_type, ''), SUM(sign)
        FROM (SELECT *, -1 AS sign FROM old_rows UNION ALL SELECT *, 1 FROM new_rows) AS r WHERE met_at IS NULL AND NOT waived AND NOT paused
        GROUP BY 1, 2, 3, 4, 5 HAVING SUM(sign) <> 0;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER obligation_tally_changed_insert AFTER INSERT ON obligations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION obligation_tally_changed();
CREATE TRIGGER obligation_tally_changed_delete AFTER DELETE ON obligations
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION obligation_tally_changed();
CREATE TRIGGER obligation_tally_changed_update AFTER UPDATE ON obligations
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION obligation_tally_changed();

CREATE FUNCTION open_inquiry_tally_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO open_inquiry_tally_changes
        SELECT COALESCE(caseworker, ''),
               COALESCE(next_unpaused_due_at / 3600000000000, 9223372036854775807), SUM(sign)
        FROM (SELECT *, 1 AS sign FROM new_rows) AS r WHERE state <> 'closed'
        GROUP BY 1, 2 HAVING SUM(sign) <> 0;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO open_inquiry_tally_changes
        SELECT COALESCE(caseworker, ''),
               COALESCE(next_unpaused_due_at / 3600000000000, 9223372036854775807), SUM(sign)
        FROM (SELECT *, -1 AS sign FROM old_rows) AS r WHERE state <> 'closed'
        GROUP BY 1, 2 HAVING SUM(sign) <> 0;
    ELSE
        INSERT INTO open_inquiry_tally_changes
        SELECT COALESCE(caseworker, ''),
               COALESCE(next_unpaused_due_at / 3600000000000, 9223372036854775807), SUM(sign)
        FROM (SELECT *, -1 AS sign FROM old_rows UNION ALL SELECT *, 1 FROM new_rows) AS r WHERE state <> 'closed'
        GROUP BY 1, 2 HAVING SUM(sign) <> 0;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER open_inquiry_tally_changed_insert AFTER INSERT ON inquiries
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION open_inquiry_tally_changed();
CREATE TRIGGER open_inquiry_tally_changed_delete AFTER DELETE ON inquiries
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION open_inquiry_tally_changed();
CREATE TRIGGER open_inquiry_tally_changed_update AFTER UPDATE ON inquiries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION open_inquiry_tally_changed();
