-- Cooperative cancellation: a cancelled job is terminal; a running one loses its lease at once, so
-- its worker stops at the next heartbeat and its results are refused.
ALTER TABLE queue.job DROP CONSTRAINT job_state_check;
ALTER TABLE queue.job ADD CONSTRAINT job_state_check
    CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'));

-- Priorities: higher first, then oldest first.
ALTER TABLE queue.job ADD COLUMN priority integer NOT NULL DEFAULT 0;
DROP INDEX queue.job_claimable;
CREATE INDEX job_claimable ON queue.job (kind, priority DESC, id) WHERE state = 'queued';

-- The dead-letter view: jobs failed for good, newest first.
CREATE INDEX job_dead_letters ON queue.job (finished_at DESC, id DESC) WHERE state = 'failed';
