-- The callback URLs an import named (empty when none) and the key whose callback secret signs
-- its events: read again when its analysis starts and ends, to queue those events.
ALTER TABLE imported_study ADD COLUMN callbacks text[] NOT NULL DEFAULT '{}';
ALTER TABLE imported_study ADD COLUMN callback_key_id bigint;
