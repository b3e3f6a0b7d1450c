-- Uploaded datasets belong to the owner of the key that uploaded them: only that owner's keys (and
-- admins) list them and train or evaluate on them. Uploads from before keys existed have none and
-- are seen by admins only.
ALTER TABLE dataset ADD COLUMN owner text;

CREATE INDEX dataset_by_owner ON dataset (owner, created_at);
