-- Per example of a set with answers (answer and multiple-choice sets), what the proxy metrics of
-- docs/science.md section 2.12 are computed from: the summed log-likelihood of every scored
-- continuation (the answer, or each choice) after the prompt, in nats, with its length in bytes and
-- in tokens. Continuations are example-major: example i owns answer_choices[i] consecutive entries,
-- its correct one at offset answer_labels[i] (0-based). NULL for sets without answers (text,
-- images) and for runs stored before this migration.
ALTER TABLE run_eval
    ADD COLUMN answer_logprobs double precision[],
    ADD COLUMN answer_choices int[],
    ADD COLUMN answer_labels int[],
    ADD COLUMN answer_bytes int[],
    ADD COLUMN answer_tokens int[];

-- The read model of these scores (a contract, see README.md): one row per (run, evaluation set)
-- that has them.
CREATE VIEW run_example_scores AS
SELECT r.study_id,
       r.job_key AS run_key,
       r.scale,
       r.distribution,
       r.seed,
       e.eval_set,
       e.answer_logprobs AS logprobs,
       e.answer_choices AS choices,
       e.answer_labels AS labels,
       e.answer_bytes AS bytes,
       e.answer_tokens AS tokens
FROM run r
JOIN run_eval e ON e.run_id = r.id
WHERE e.answer_logprobs IS NOT NULL;
