-- Every run of a study's analysis is kept as a version; the API serves the latest unless asked.
-- The result is one JSON document (the served form), because it is read whole and never queried
-- by its parts; the spec is kept so that a re-run analyses the same study structure.
CREATE TABLE analysis_result (
    study_id    uuid        NOT NULL,
    version     integer     NOT NULL,
    spec        json        NOT NULL,  -- the analysis job payload: structure, source, options
    result      json        NOT NULL,  -- json, not jsonb: keeps the served key order
    computed_at timestamptz NOT NULL,
    PRIMARY KEY (study_id, version)
);

-- The first version's table is replaced by analysis_result.
DROP TABLE scale_correlation;

-- Results trained elsewhere and imported (POST /api/v1/imports). One row per import; it is a
-- study in every other respect (same id space, same analysis).
CREATE TABLE imported_study (
    id              uuid        PRIMARY KEY,
    name            text        NOT NULL,
    reference_scale text        NOT NULL,
    rows            bigint      NOT NULL,
    sha256          text        NOT NULL,  -- of the uploaded body
    created_at      timestamptz NOT NULL
);

-- One row per (scale, distribution, seed): the run's accounting as imported.
CREATE TABLE imported_run (
    study_id     uuid   NOT NULL REFERENCES imported_study (id) ON DELETE CASCADE,
    scale        text   NOT NULL,
    distribution text   NOT NULL,
    seed         bigint NOT NULL,
    params       bigint NOT NULL,
    tokens       bigint NOT NULL,
    PRIMARY KEY (study_id, scale, distribution, seed)
);

-- Example ids of each evaluation set, in the order of the loss arrays; chance is set for
-- evaluation sets with accuracy.
CREATE TABLE imported_eval_set (
    study_id    uuid             NOT NULL REFERENCES imported_study (id) ON DELETE CASCADE,
    eval_set    text             NOT NULL,
    example_ids text[]           NOT NULL,
    chance      double precision,
    PRIMARY KEY (study_id, eval_set)
);

-- Per-example losses, one array per (run, evaluation set), as little-endian float32 bytes:
-- 4 bytes a loss, written and read without per-element boxing. correct is one byte per example
-- (0 or 1) where the set has accuracy.
CREATE TABLE imported_losses (
    study_id     uuid   NOT NULL REFERENCES imported_study (id) ON DELETE CASCADE,
    scale        text   NOT NULL,
    distribution text   NOT NULL,
    seed         bigint NOT NULL,
    eval_set     text   NOT NULL,
    losses       bytea  NOT NULL,
    correct      bytea,
    PRIMARY KEY (study_id, scale, distribution, seed, eval_set)
);
