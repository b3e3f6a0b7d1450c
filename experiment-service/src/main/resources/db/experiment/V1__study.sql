-- Studies as submitted and as expanded. Jobs live in the queue (schema queue), keyed by study id.
CREATE TABLE study (
    id              uuid PRIMARY KEY,
    name            text        NOT NULL,
    status          text        NOT NULL
                    CHECK (status IN ('QUEUED', 'TRAINING', 'ANALYZING', 'COMPLETED', 'FAILED')),
    definition      jsonb       NOT NULL,  -- the submitted study, verbatim
    plan            jsonb       NOT NULL,  -- resolved distributions and evaluation sets
    reference_scale text        NOT NULL,
    jobs_total      integer     NOT NULL,
    failure         text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0
);

-- The progress tracker visits studies that are still moving.
CREATE INDEX study_active ON study (created_at) WHERE status IN ('QUEUED', 'TRAINING', 'ANALYZING');
