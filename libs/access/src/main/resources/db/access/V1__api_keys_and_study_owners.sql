-- API keys. Only the SHA-256 of a key is stored: keys are 256 random bits, so a fast hash is as
-- safe as a slow one and costs nothing per request. The prefix lets people tell keys apart.
CREATE TABLE api_key (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner              text        NOT NULL CHECK (length(owner) BETWEEN 1 AND 100),
    name               text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role               text        NOT NULL CHECK (role IN ('READ', 'SUBMIT', 'ADMIN')),
    key_sha256         bytea       NOT NULL UNIQUE,
    prefix             text        NOT NULL,
    max_active_studies integer     CHECK (max_active_studies > 0),  -- null: no limit
    max_jobs_per_day   integer     CHECK (max_jobs_per_day > 0),    -- null: no limit
    created_at         timestamptz NOT NULL,
    revoked_at         timestamptz
);

-- Who owns a study (or an import): its owner's keys and admins see it. Written in the
-- transaction that creates the study.
CREATE TABLE study_owner (
    study_id   uuid        PRIMARY KEY,
    owner      text        NOT NULL,
    key_id     bigint      NOT NULL REFERENCES api_key (id),
    created_at timestamptz NOT NULL
);

CREATE INDEX study_owner_by_owner ON study_owner (owner, created_at);

-- Every job a key asked for (a study's jobs, features, analysis re-runs, imports), written in the
-- transaction that queues them: the daily job quota sums one key's last 24 hours.
CREATE TABLE job_charge (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_id     bigint      NOT NULL REFERENCES api_key (id),
    study_id   uuid        NOT NULL,
    jobs       integer     NOT NULL CHECK (jobs >= 0),
    reason     text        NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE INDEX job_charge_by_key ON job_charge (key_id, created_at) INCLUDE (jobs);
