-- What each run was trained on, kept with the run: the training job spec the worker read (dataset,
-- model scale, distribution, seed, token budget, evaluation sets, optimiser settings), and the
-- distribution's mixture weights or explicit subset of training documents as columns of their own.
-- Other services used to recover these from the queue's job payloads; they read the views below.
ALTER TABLE run ADD COLUMN trained_on jsonb;

-- Runs stored before this column existed get it from the payload of the job that produced them,
-- read here once. A run is written in the transaction that completes its job, and jobs are never
-- deleted, so every run finds its job. A new database may not have the queue yet, nor any run.
DO $$
BEGIN
    IF to_regclass('queue.job') IS NOT NULL THEN
        UPDATE run r SET trained_on = j.payload FROM queue.job j WHERE j.id = r.job_id;
    END IF;
    IF EXISTS (SELECT 1 FROM run WHERE trained_on IS NULL) THEN
        RAISE EXCEPTION 'some runs have no training job left to say what they were trained on';
    END IF;
END
$$;

ALTER TABLE run ALTER COLUMN trained_on SET NOT NULL;

-- Derived by the database from trained_on, so old and new rows cannot disagree. A JSON null (a
-- mixture has no subset, a subset no weights) is stored as SQL NULL.
ALTER TABLE run
    ADD COLUMN dataset text GENERATED ALWAYS AS (trained_on ->> 'dataset') STORED,
    ADD COLUMN mixture_weights jsonb
        GENERATED ALWAYS AS (NULLIF(trained_on #> '{distribution,weights}', 'null')) STORED,
    ADD COLUMN subset jsonb
        GENERATED ALWAYS AS (NULLIF(trained_on #> '{distribution,subset}', 'null')) STORED;

-- The read model other services use (a contract, see README.md): one row per run ...
CREATE VIEW run_summary AS
SELECT r.study_id,
       r.job_key AS run_key,
       r.scale,
       r.distribution,
       r.seed,
       r.dataset,
       r.mixture_weights,
       CASE WHEN r.subset IS NOT NULL THEN
           ARRAY(SELECT s.id FROM jsonb_array_elements_text(r.subset) WITH ORDINALITY AS s (id, n)
                 ORDER BY s.n)
       END AS subset,
       r.trained_on,
       r.params_non_embedding,
       r.params_total,
       r.tokens,
       r.flops,
       r.steps,
       r.wall_seconds,
       r.tokens_per_second,
       r.eval_seconds,
       r.final_train_loss,
       r.peak_rss_bytes,
       r.worker,
       r.attempt,
       r.created_at
FROM run r;

-- ... one row per (run, evaluation set) with its per-example results ...
CREATE VIEW run_example_losses AS
SELECT r.study_id,
       r.job_key AS run_key,
       r.scale,
       r.distribution,
       r.seed,
       r.params_non_embedding,
       r.flops,
       e.eval_set,
       e.mean_loss,
       e.losses,
       e.correct,
       e.chance,
       e.margins
FROM run r
JOIN run_eval e ON e.run_id = r.id;

-- ... and one row per feature file (paths relative to the artifact store's root).
CREATE VIEW run_feature_files AS
SELECT study_id, run_key, examples, dimension, projection_seed, rows, parameters, path, margins_path
FROM features;
