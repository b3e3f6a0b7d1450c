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
 */
public record TrainingJobSpec(
    String dataset,
    ModelScale scale,
    MixtureSpec distribution,
    long seed,
    Double tokensPerParam,
    List<String> evalSets,
    TrainingSettings training,
    TrainerRef trainer) {

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
        dataset, scale, distribution, seed, tokensPerParam, evalSets, training, trainer);
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
