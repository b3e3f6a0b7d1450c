-- Projected per-example gradients (TRAK features) of trained models, kept in the artifact store as
-- row-major little-endian float32 (rows x dimension); one row per (model, examples, k, seed).
CREATE TABLE features (
    study_id        uuid        NOT NULL,
    run_key         text        NOT NULL,  -- the model's training job key
    examples        text        NOT NULL CHECK (examples IN ('train', 'test')),
    dimension       integer     NOT NULL,
    projection_seed bigint      NOT NULL,
    rows            integer     NOT NULL,
    parameters      bigint      NOT NULL,  -- p, before projection
    path            text        NOT NULL,  -- relative to the artifact store's root
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (study_id, run_key, examples, dimension, projection_seed)
);
