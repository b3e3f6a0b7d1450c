-- What the quotas read stays a few rows per key however many requests a key made: a key's charges
-- are counted into these totals, under the key's lock, by the key's next quota check, and their
-- rows deleted (docs/access.md). For a key with a quota, job_charge holds only the charges
-- committed since its last check; a key without one is never checked, and its charges stay rows.

-- Jobs and FLOPs charged to a key, by the UTC hour of the database's clock they were charged in;
-- hours older than the daily window are deleted when the key's charges are next counted.
CREATE TABLE usage_hour (
    key_id bigint           NOT NULL REFERENCES api_key (id),
    hour   timestamptz      NOT NULL,
    jobs   bigint           NOT NULL CHECK (jobs >= 0),
    flops  double precision NOT NULL CHECK (flops >= 0),
    PRIMARY KEY (key_id, hour)
);

-- The bytes a key stores: its counted charges' storage, of every day (nothing a key stores can be
-- deleted today).
CREATE TABLE stored_bytes (
    key_id bigint PRIMARY KEY REFERENCES api_key (id),
    bytes  bigint NOT NULL CHECK (bytes >= 0)
);

-- The charges not yet counted are read and deleted by key.
DROP INDEX job_charge_by_key;
DROP INDEX job_charge_storage_by_key;
CREATE INDEX job_charge_by_key ON job_charge (key_id);
