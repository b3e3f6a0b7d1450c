-- Multiple-choice evaluation sets also record, per example, whether the model chose right, and the
-- set's chance accuracy. NULL for sets without accuracy.
ALTER TABLE run_eval ADD COLUMN correct boolean[];
ALTER TABLE run_eval ADD COLUMN chance double precision;
