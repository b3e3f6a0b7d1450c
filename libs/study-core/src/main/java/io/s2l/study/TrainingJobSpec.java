package io.s2l.study;

import java.util.List;

/**
 * Everything a worker needs to train and evaluate one model: the payload of one queued job.
 *
 * @param dataset corpus the mixture's domains come from
 * @param scale the model size
 * @param distribution the training mixture
 * @param seed initialisation and sampling seed
 * @param tokensPerParam token budget per non-embedding parameter
 * @param evalSets evaluation sets to measure per-example loss on
 * @param training optimiser settings, defaults filled in
 * @param trainer the external trainer that trains this model; null for the built-in DJL trainer
 * @param snapshots C, for an attribution study's pool model with several checkpoints: besides the
 *     final model, keep the parameters after steps {@code round(c T / C)} for c = 1 .. C - 1 (T the
 *     training steps) as checkpoint c ({@link #snapshotSteps}); null for the final model only
 */
public record TrainingJobSpec(
    String dataset,
    ModelScale scale,
    MixtureSpec distribution,
    long seed,
    Double tokensPerParam,
    List<String> evalSets,
    TrainingSettings training,
    TrainerRef trainer,
    Integer snapshots) {

  /** A job without snapshots. */
  public TrainingJobSpec(
      String dataset,
      ModelScale scale,
      MixtureSpec distribution,
      long seed,
      Double tokensPerParam,
      List<String> evalSets,
      TrainingSettings training,
      TrainerRef trainer) {
    this(dataset, scale, distribution, seed, tokensPerParam, evalSets, training, trainer, null);
  }

  /** A job for the built-in DJL trainer. */
  public TrainingJobSpec(
      String dataset,
      ModelScale scale,
      MixtureSpec distribution,
      long seed,
      Double tokensPerParam,
      List<String> evalSets,
      TrainingSettings training) {
    this(dataset, scale, distribution, seed, tokensPerParam, evalSets, training, null);
  }

  /** This job, trained by {@code trainer} (null: the built-in trainer). */
  public TrainingJobSpec withTrainer(TrainerRef trainer) {
    return new TrainingJobSpec(
        dataset, scale, distribution, seed, tokensPerParam, evalSets, training, trainer, snapshots);
  }

  /** This job, keeping {@code snapshots} checkpoints (null: the final model only). */
  public TrainingJobSpec withSnapshots(Integer snapshots) {
    return new TrainingJobSpec(
        dataset, scale, distribution, seed, tokensPerParam, evalSets, training, trainer, snapshots);
  }

  /**
   * The steps after which checkpoints 1 .. C - 1 are kept, in order: {@code round(c T / C)}, at
   * least 1; empty without snapshots. Checkpoint C is the final model.
   *
   * @param totalSteps T, the steps of the whole training run
   */
  public long[] snapshotSteps(long totalSteps) {
    if (snapshots == null || snapshots <= 1) {
      return new long[0];
    }
    long[] steps = new long[snapshots - 1];
    for (int c = 1; c < snapshots; c++) {
      steps[c - 1] = Math.max(1, Math.round((double) c * totalSteps / snapshots));
    }
    return steps;
  }

  /** Training tokens: {@code tokensPerParam x nonEmbeddingParams}, rounded up. */
  public long tokenBudget() {
    if (tokensPerParam == null) {
      throw new IllegalStateException("a job without tokensPerParam has no token budget");
    }
    return (long) Math.ceil(tokensPerParam * scale.nonEmbeddingParams());
  }

  /** A key unique within a study, stable across retries. */
  public String key() {
    return scale.name() + "/" + distribution.name() + "/" + seed;
  }
}
