-- Test only: the checkpoint column of feature files (0 = final model, c >= 1 = snapshot c), part of
-- their uniqueness, as the analysis reads it from training.run_feature_files. A no-op once the
-- trainer worker's own migrations have it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = 'training' AND table_name = 'features'
                     AND column_name = 'checkpoint') THEN
        ALTER TABLE features ADD COLUMN checkpoint integer NOT NULL DEFAULT 0;
        ALTER TABLE features DROP CONSTRAINT features_pkey;
        ALTER TABLE features
            ADD PRIMARY KEY (study_id, run_key, examples, dimension, projection_seed, checkpoint);
        CREATE OR REPLACE VIEW run_feature_files AS
        SELECT study_id, run_key, examples, dimension, projection_seed, rows, parameters, path,
               margins_path, checkpoint
        FROM features;
    END IF;
END
$$;
