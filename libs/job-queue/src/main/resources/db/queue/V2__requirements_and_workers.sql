-- What a job needs from the worker that runs it; a worker claims only jobs it can run.
ALTER TABLE queue.job ADD COLUMN requires_gpu boolean NOT NULL DEFAULT false;
ALTER TABLE queue.job ADD COLUMN min_memory_bytes bigint NOT NULL DEFAULT 0 CHECK (min_memory_bytes >= 0);

-- Workers advertise themselves: what they can run and when they were last seen polling.
CREATE TABLE queue.worker (
    owner        text        PRIMARY KEY,
    kinds        text[]      NOT NULL,
    gpu          boolean     NOT NULL,
    memory_bytes bigint      NOT NULL,
    started_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL
);
