-- Per example, the model output function of docs/science.md section 3 (the log-odds margin of the
-- correct class) where it is measured (image classifiers); the ground truth of attribution studies.
ALTER TABLE run_eval ADD COLUMN margins real[];

-- The model output function on the featurised examples, beside the features (q_i = 1 - p_i of TRAK
-- is 1 - sigmoid(margin_i)): row i of the features, margin i of this file, little-endian float32.
ALTER TABLE features ADD COLUMN margins_path text;
