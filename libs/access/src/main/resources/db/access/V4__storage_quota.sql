-- A storage budget per key, in bytes (docs/access.md): what the key holds, not a daily amount.
ALTER TABLE api_key ADD COLUMN max_storage_bytes bigint
    CHECK (max_storage_bytes > 0);  -- null: no limit

-- Every charge and reservation carries the bytes it stores: a dataset's file, or the estimated
-- artifacts of a study. Charges made before this column count 0. Nothing is deleted today (no
-- study or dataset can be), so a key holds the sum of its charges' bytes.
ALTER TABLE job_charge ADD COLUMN storage_bytes bigint NOT NULL DEFAULT 0
    CHECK (storage_bytes >= 0);
ALTER TABLE quota_reservation ADD COLUMN storage_bytes bigint NOT NULL DEFAULT 0
    CHECK (storage_bytes >= 0);

-- A dataset upload is charged without a study.
ALTER TABLE job_charge ALTER COLUMN study_id DROP NOT NULL;
ALTER TABLE quota_reservation ALTER COLUMN study_id DROP NOT NULL;

-- The storage quota sums all of one key's charges that stored bytes.
CREATE INDEX job_charge_storage_by_key ON job_charge (key_id) INCLUDE (storage_bytes)
    WHERE storage_bytes > 0;
