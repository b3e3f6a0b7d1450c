-- V5's first comment once named docs/science.md by an older file name; only that comment changed.
-- Flyway checksums applied migrations, comments included, so a database migrated before the change
-- holds the old checksum (-550266294) and would refuse to start. This callback, run by Flyway
-- before it validates, moves exactly that row to the new checksum (870865212); any other
-- difference still fails validation. Nothing happens on a fresh database.
DO $$
BEGIN
  IF to_regclass('training.flyway_schema_history') IS NOT NULL THEN
    UPDATE training.flyway_schema_history SET checksum = 870865212
     WHERE version = '5' AND checksum = -550266294;
  END IF;
END $$;
