-- A claim asks for several kinds at once (kind = ANY (...)); an index led by kind cannot give their
-- jobs in priority order, so the planner read and sorted every queued job of those kinds on each
-- claim. Led by the claim order instead, the scan stops at the first claimable job; the kind is a
-- filter (a worker skips the few jobs of kinds it does not run).
DROP INDEX queue.job_claimable;
CREATE INDEX job_claimable ON queue.job (priority DESC, id) WHERE state = 'queued';
