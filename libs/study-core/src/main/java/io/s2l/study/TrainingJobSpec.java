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
 */
public record TrainingJobSpec(
    String dataset,
    ModelScale scale,
    MixtureSpec distribution,
    long seed,
    Double tokensPerParam,
    List<String> evalSets,
    TrainingSettings training) {

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
