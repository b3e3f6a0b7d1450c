-- Every verification of a selection study is kept as a version: per selection (DsDm per proxy
-- scale, the similarity baseline) the reference's verified holdout loss and accuracy against the
-- random baselines, with the gain over random and its interval.
CREATE TABLE selection_result (
    study_id    uuid        NOT NULL,
    version     integer     NOT NULL,
    result      json        NOT NULL,
    computed_at timestamptz NOT NULL,
    PRIMARY KEY (study_id, version)
);
