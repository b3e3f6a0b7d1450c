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

  /**
   * Fit regressions of target loss on mixture weights over a study's proxy runs, recommend the best
   * mixture per proxy scale and queue the reference models that verify them: payload {@link
   * VerifyJobSpec}, run by analysis-service.
   */
  public static final String RECOMMEND = "recommend";

  /**
   * Measure the reference models trained on a study's selections or recommended mixtures against
   * its baselines: payload {@link VerifyJobSpec}, run by analysis-service.
   */
  public static final String VERIFY = "verify";

  private JobKinds() {}
}
