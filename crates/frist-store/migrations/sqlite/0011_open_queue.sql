-- Queues: open inquiries without a deadline get the key just below closed ones' (the largest
-- integer), so "open only" and "closed only" are ranges of queue_key on the existing indexes.
UPDATE inquiries SET queue_key = 9223372036854775806
    WHERE queue_key = 9223372036854775807 AND state <> 'closed';
