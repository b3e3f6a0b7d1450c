-- Every run of an attribution study's analysis is kept as a version, like analysis_result.
CREATE TABLE attribution_result (
    study_id    uuid        NOT NULL,
    version     integer     NOT NULL,
    spec        json        NOT NULL,  -- the attribution job payload
    result      json        NOT NULL,  -- LDS per scale, order similarity, settings (served as is)
    computed_at timestamptz NOT NULL,
    PRIMARY KEY (study_id, version)
);

-- The TRAK scores of one scale: targets x pool, row-major little-endian float32. Kept whole for
-- the most helpful and most harmful examples of any target (2.2 MB for 400 x 1,397).
CREATE TABLE attribution_scores (
    study_id uuid    NOT NULL,
    version  integer NOT NULL,
    scale    text    NOT NULL,
    targets  integer NOT NULL,
    pool     integer NOT NULL,
    scores   bytea   NOT NULL,
    PRIMARY KEY (study_id, version, scale),
    FOREIGN KEY (study_id, version) REFERENCES attribution_result (study_id, version) ON DELETE CASCADE
);
