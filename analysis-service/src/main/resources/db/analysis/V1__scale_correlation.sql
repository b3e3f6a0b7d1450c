-- Aggregate scale correlation per (study, proxy scale, evaluation set); docs/science.md section 2.
CREATE TABLE scale_correlation (
    study_id          uuid             NOT NULL,
    proxy_scale       text             NOT NULL,
    eval_set          text             NOT NULL,
    reference_scale   text             NOT NULL,
    distributions     text[]           NOT NULL,  -- names, in the order of the loss arrays
    pearson_r         double precision,           -- NULL where undefined (zero variance)
    r2                double precision,
    slope             double precision,
    intercept         double precision,
    spearman          double precision,
    kendall           double precision,
    decision_accuracy double precision,
    proxy_params      bigint           NOT NULL,
    reference_params  bigint           NOT NULL,
    proxy_flops       double precision NOT NULL,
    reference_flops   double precision NOT NULL,
    compute_ratio     double precision NOT NULL,
    proxy_losses      float8[]         NOT NULL,  -- seed-averaged, in distribution order
    reference_losses  float8[]         NOT NULL,
    computed_at       timestamptz      NOT NULL,
    PRIMARY KEY (study_id, proxy_scale, eval_set)
);
