-- Which checkpoint of the model was featurised: 0 the final model (model.params), c >= 1 snapshot c
-- (checkpoint-<c>.params beside it, kept by a language model's training for TRAK's ensemble over
-- checkpoints). Rows written before this column are the final model's.
ALTER TABLE features ADD COLUMN checkpoint integer NOT NULL DEFAULT 0 CHECK (checkpoint >= 0);
ALTER TABLE features DROP CONSTRAINT features_pkey;
ALTER TABLE features
    ADD PRIMARY KEY (study_id, run_key, examples, dimension, projection_seed, checkpoint);

-- The view keeps its columns and gains the checkpoint as its last.
CREATE OR REPLACE VIEW run_feature_files AS
SELECT study_id, run_key, examples, dimension, projection_seed, rows, parameters, path, margins_path,
       checkpoint
FROM features;
