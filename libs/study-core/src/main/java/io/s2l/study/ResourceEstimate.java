package io.s2l.study;

/**
 * The memory one training job needs, so the queue hands it only to a worker that has it. A
 * deliberately generous estimate: a base for the JVM and PyTorch, 16 bytes per parameter (weights,
 * gradients and AdamW's two moments in float32), and float32 activations kept for the backward pass
 * (per token and block about 34 d values plus the attention matrix of each head), doubled for
 * allocator slack. A job of an external trainer needs at least what its registration declares. A
 * job that runs as a Kubernetes Job needs nothing of the worker that dispatches it: the cluster's
 * scheduler places its pod by the pod's own GPU limit.
 */
public final class ResourceEstimate {

  /** JVM heap, PyTorch runtime and the corpus held in memory. */
  public static final long BASE_BYTES = 1L << 30;

  private ResourceEstimate() {}

  /** The memory the worker that claims {@code job} must have for it. */
  public static long memoryBytes(TrainingJobSpec job) {
    if (dispatched(job)) {
      return 0;
    }
    long estimate = builtinBytes(job);
    return job.trainer() == null ? estimate : Math.max(estimate, job.trainer().memoryBytes());
  }

  /** Whether only a worker with a GPU may claim {@code job}: its settings or its trainer ask. */
  public static boolean needsGpu(TrainingJobSpec job) {
    if (dispatched(job)) {
      return false;
    }
    return (job.training() != null && TrainingSettings.GPU.equals(job.training().device()))
        || (job.trainer() != null && job.trainer().gpu());
  }

  /** Whether the job runs as a Kubernetes Job, its worker only a dispatcher. */
  private static boolean dispatched(TrainingJobSpec job) {
    return job.trainer() != null && job.trainer().runsOnKubernetes();
  }

  private static long builtinBytes(TrainingJobSpec job) {
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
