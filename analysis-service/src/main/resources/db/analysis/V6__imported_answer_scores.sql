-- The optional raw answer scores of an import (columns answerLogprobs, answerLabel, answerBytes,
-- answerTokens), from which the proxy metrics of docs/science.md section 2.12 are computed. Laid out
-- as the trainer worker keeps them: per continuation (example-major) its summed log-likelihood in
-- nats, bytes and tokens; per example its number of continuations and the 0-based index of the
-- correct one. NULL where the import did not carry them.
ALTER TABLE imported_losses
    ADD COLUMN answer_logprobs double precision[],
    ADD COLUMN answer_choices int[],
    ADD COLUMN answer_labels int[],
    ADD COLUMN answer_bytes int[],
    ADD COLUMN answer_tokens int[];
