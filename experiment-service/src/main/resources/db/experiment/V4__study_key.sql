-- The API key that submitted a study (access.api_key; ownership itself is in access.study_owner).
-- The quota check counts a key's active studies under a lock on every submission: this partial
-- index makes that count read only those studies, however long the key's history.
ALTER TABLE study ADD COLUMN key_id bigint;

CREATE INDEX study_active_by_key ON study (key_id)
    WHERE status IN ('QUEUED', 'TRAINING', 'ANALYZING');
