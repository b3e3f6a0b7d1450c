package io.s2l.study;

/** The kinds of queued job, which name the process type that runs them. */
public final class JobKinds {
  /** Train and evaluate one model: payload {@link TrainingJobSpec}, run by trainer-worker. */
  public static final String TRAIN = "train";

  /**
   * Analyse a study whose models are trained: payload {@link AnalysisJobSpec}, run by
   * analysis-service.
   */
  public static final String ANALYZE = "analyze";

  /**
   * Project one trained model's per-example gradients: payload {@link FeaturizeJobSpec}, run by
   * trainer-worker.
   */
  public static final String FEATURIZE = "featurize";

  /**
   * Compute TRAK scores and their LDS for an attribution study whose models are trained and
   * featurised: payload {@link AttributionJobSpec}, run by analysis-service.
   */
  public static final String ATTRIBUTE = "attribute";

  private JobKinds() {}
}
