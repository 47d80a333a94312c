-- The lead dashboard counts open inquiries per caseworker by their nearest unpaused deadline.
-- This index holds exactly those columns, so the count reads the index and never the rows
-- (whose projection makes a table scan slow at a million inquiries).
CREATE INDEX inquiries_workload ON inquiries (caseworker, state, next_unpaused_due_at);
