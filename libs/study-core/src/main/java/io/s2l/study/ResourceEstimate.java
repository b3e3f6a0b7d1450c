package io.s2l.study;

/**
 * The memory one training job needs, so the queue hands it only to a worker that has it. A
 * deliberately generous estimate: a base for the JVM and PyTorch, 16 bytes per parameter (weights,
 * gradients and AdamW's two moments in float32), and float32 activations kept for the backward pass
 * (per token and block about 34 d values plus the attention matrix of each head), doubled for
 * allocator slack.
 */
public final class ResourceEstimate {

  /** JVM heap, PyTorch runtime and the corpus held in memory. */
  public static final long BASE_BYTES = 1L << 30;

  private ResourceEstimate() {}

  public static long memoryBytes(TrainingJobSpec job) {
    ModelScale s = job.scale();
    if (!s.languageModelFamily()) {
      // Image classifiers on the built-in sets are tiny next to the runtime itself.
      return BASE_BYTES;
    }
    long batch = job.training().withDefaults().batchSize();
    long tokens = batch * s.context();
    long perBlock = 34L * s.width() + (long) s.heads() * s.context();
    long activations = 4 * tokens * (s.depth() * perBlock + 2L * ModelScale.VOCABULARY);
    return BASE_BYTES + 16 * s.totalParams() + 2 * activations;
  }
}
