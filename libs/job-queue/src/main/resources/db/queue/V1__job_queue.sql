-- The job queue: one table, claimed with FOR UPDATE SKIP LOCKED (the db-scheduler / River pattern).
-- Every timestamp is written by the application from its injected Clock, never by now(), so that
-- tests can move time.
CREATE SCHEMA IF NOT EXISTS queue;

CREATE TABLE queue.job (
    id               bigserial PRIMARY KEY,
    study_id         uuid        NOT NULL,
    kind             text        NOT NULL,           -- what runs it: 'train', 'analyze'
    job_key          text        NOT NULL,           -- unique within (study, kind), stable across retries
    payload          jsonb       NOT NULL,
    state            text        NOT NULL DEFAULT 'queued'
                     CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
    attempt          integer     NOT NULL DEFAULT 0, -- raised by every claim; the fencing token
    max_attempts     integer     NOT NULL CHECK (max_attempts >= 1),
    run_after        timestamptz NOT NULL,           -- not claimable before (retry backoff)
    lease_owner      text,
    lease_expires_at timestamptz,
    progress         double precision NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
    last_error       text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    UNIQUE (study_id, kind, job_key)
);

-- The claim query scans only queued jobs of the asked kinds in id order: a partial index keeps it
-- small however many finished jobs the table holds.
CREATE INDEX job_claimable ON queue.job (kind, id) WHERE state = 'queued';
-- Rescue looks for running jobs whose lease ran out.
CREATE INDEX job_running_lease ON queue.job (lease_expires_at) WHERE state = 'running';
-- Progress of a study: counts by state.
CREATE INDEX job_study_state ON queue.job (study_id, state);
