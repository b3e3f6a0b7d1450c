package io.s2l.study;

import java.util.List;

/** The kinds of queued job, which name the process type that runs them. */
public final class JobKinds {
  /**
   * Train and evaluate one model: payload {@link TrainingJobSpec}, run by trainer-worker (with the
   * built-in trainer, or an external one as its child process).
   */
  public static final String TRAIN = "train";

  /**
   * Train and evaluate one model with an external trainer registered with a container image: the
   * same payload as {@link #TRAIN}, claimed by the Kubernetes dispatcher, which runs it as a Job.
   */
  public static final String TRAIN_KUBERNETES = "train-kubernetes";

  /**
   * Every kind a study's training job can have: whatever counts, lists or looks up a study's models
   * asks for all of them.
   */
  public static final List<String> TRAINING = List.of(TRAIN, TRAIN_KUBERNETES);

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

  /**
   * Deliver one study event to one callback URL: payload the delivery's id ({@code {"delivery":
   * 7}}), or, for an import's event queued by analysis-service, a {@link CallbackEventJob}; run by
   * experiment-service, which signs and posts the event.
   */
  public static final String CALLBACK = "callback";

  private JobKinds() {}

  /** The kind a training job is queued as: by where its trainer runs. */
  public static String training(TrainingJobSpec job) {
    return job.trainer() != null && job.trainer().runsOnKubernetes() ? TRAIN_KUBERNETES : TRAIN;
  }
}
