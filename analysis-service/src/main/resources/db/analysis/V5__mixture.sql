-- Every mixture recommendation of a study is kept as a version: the regressions' recommended
-- mixtures (per proxy scale and model) and the random baselines, then, once the reference models
-- trained on them are measured, their verification.
CREATE TABLE mixture_result (
    study_id       uuid        NOT NULL,
    version        integer     NOT NULL,
    recommendation json        NOT NULL,
    verification   json,                  -- null until the reference models are measured
    computed_at    timestamptz NOT NULL,
    verified_at    timestamptz,
    PRIMARY KEY (study_id, version)
);
