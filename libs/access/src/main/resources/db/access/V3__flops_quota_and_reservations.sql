-- A daily compute budget per key, in floating-point operations (docs/access.md): estimates reach
-- 1e22 and more, past bigint, and are estimates anyway, so double precision.
ALTER TABLE api_key ADD COLUMN max_flops_per_day double precision
    CHECK (max_flops_per_day > 0 AND max_flops_per_day < 'Infinity');  -- null: no limit

-- Every charge carries the estimated FLOPs of its jobs; charges made before this column count 0.
ALTER TABLE job_charge ADD COLUMN flops double precision NOT NULL DEFAULT 0 CHECK (flops >= 0);

-- The daily quotas sum one key's charges of the last 24 hours from this index alone.
DROP INDEX job_charge_by_key;
CREATE INDEX job_charge_by_key ON job_charge (key_id, created_at) INCLUDE (jobs, flops);

-- The active-studies quota lists one key's studies.
CREATE INDEX study_owner_by_key ON study_owner (key_id);

-- A place held in a key's quotas by a request being stored. It is made and committed in a short
-- transaction of its own before the request's transaction, which turns it into a job_charge row
-- (deleting it) when it commits; a failed request deletes it, and one that crashed leaves it to
-- expire. Only the short transaction takes the key's lock, so one key's requests are not queued
-- behind each other while they are stored.
CREATE TABLE quota_reservation (
    id            bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_id        bigint           NOT NULL REFERENCES api_key (id),
    study_id      uuid             NOT NULL,
    jobs          integer          NOT NULL CHECK (jobs >= 0),
    flops         double precision NOT NULL CHECK (flops >= 0),
    creates_study boolean          NOT NULL,
    expires_at    timestamptz      NOT NULL
);

CREATE INDEX quota_reservation_by_key ON quota_reservation (key_id, expires_at);
