package io.s2l.worker.training;

import io.s2l.lm.eval.EvalResult;
import io.s2l.lm.train.TrainingStats;
import io.s2l.queue.ClaimedJob;
import io.s2l.study.TrainingJobSpec;
import java.util.Map;

/**
 * What one training job produced: its accounting, its per-example losses per evaluation set, and
 * where its model is, relative to the artifact store's root.
 */
public record RunRecord(
    ClaimedJob job,
    TrainingJobSpec spec,
    TrainingStats stats,
    double evalSeconds,
    long peakRssBytes,
    Map<String, EvalResult> losses,
    String modelPath) {}
