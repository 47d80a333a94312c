-- Time to meet in working days (median and 90th percentile in the compliance report), and no
-- queue deadline for closed inquiries (their obligations stay for the reports).
ALTER TABLE obligations ADD COLUMN met_working_days INTEGER;
UPDATE inquiries SET next_due_at = NULL, next_requires = NULL, next_unpaused_due_at = NULL,
    queue_key = 9223372036854775807
    WHERE state = 'closed';
