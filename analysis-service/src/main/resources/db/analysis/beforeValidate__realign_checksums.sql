-- V1's first comment once named docs/science.md by an older file name; only that comment changed.
-- Flyway checksums applied migrations, comments included, so a database migrated before the change
-- holds the old checksum (1432817363) and would refuse to start. This callback, run by Flyway
-- before it validates, moves exactly that row to the new checksum (1326573951); any other
-- difference still fails validation. Nothing happens on a fresh database.
DO $$
BEGIN
  IF to_regclass('analysis.flyway_schema_history') IS NOT NULL THEN
    UPDATE analysis.flyway_schema_history SET checksum = 1326573951
     WHERE version = '1' AND checksum = 1432817363;
  END IF;
END $$;
