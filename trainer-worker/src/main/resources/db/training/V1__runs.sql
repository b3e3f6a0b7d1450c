-- One row per trained model; written in the transaction that completes its job, so a run exists
-- exactly when its job succeeded.
CREATE TABLE run (
    id                   bigserial PRIMARY KEY,
    study_id             uuid             NOT NULL,
    job_id               bigint           NOT NULL UNIQUE,
    job_key              text             NOT NULL,
    scale                text             NOT NULL,
    distribution         text             NOT NULL,
    seed                 bigint           NOT NULL,
    params_non_embedding bigint           NOT NULL,
    params_total         bigint           NOT NULL,
    tokens               bigint           NOT NULL,
    flops                double precision NOT NULL, -- 6 N D with N the non-embedding parameters
    steps                bigint           NOT NULL,
    wall_seconds         double precision NOT NULL, -- training only
    tokens_per_second    double precision NOT NULL,
    eval_seconds         double precision NOT NULL,
    final_train_loss     double precision NOT NULL,
    peak_rss_bytes       bigint           NOT NULL,
    worker               text             NOT NULL,
    attempt              integer          NOT NULL,
    created_at           timestamptz      NOT NULL,
    UNIQUE (study_id, job_key)
);

-- Per-example losses: one array per (run, evaluation set), not one row per loss.
CREATE TABLE run_eval (
    run_id    bigint           NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    eval_set  text             NOT NULL,
    mean_loss double precision NOT NULL,
    losses    real[]           NOT NULL,
    PRIMARY KEY (run_id, eval_set)
);
