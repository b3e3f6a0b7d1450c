-- A study can be cancelled (terminal): its queued jobs are dequeued, its running jobs stopped.
ALTER TABLE study DROP CONSTRAINT study_status_check;
ALTER TABLE study ADD CONSTRAINT study_status_check
    CHECK (status IN ('QUEUED', 'TRAINING', 'ANALYZING', 'COMPLETED', 'FAILED', 'CANCELLED'));

-- Idempotency-Key of POST /api/v1/studies: the same key with the same body gives the same study;
-- with another body it is refused. Written in the transaction that stores the study.
CREATE TABLE idempotency_key (
    key            text        PRIMARY KEY,
    request_sha256 text        NOT NULL,  -- of the canonical JSON of the submitted definition
    study_id       uuid        NOT NULL REFERENCES study (id),
    created_at     timestamptz NOT NULL
);
