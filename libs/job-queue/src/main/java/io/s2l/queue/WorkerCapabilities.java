package io.s2l.queue;

/**
 * What a worker can run: whether it has a GPU, and how much memory one job may use. It claims only
 * jobs whose requirements fit.
 *
 * @param gpu whether a GPU is available
 * @param memoryBytes memory available to one job
 */
public record WorkerCapabilities(boolean gpu, long memoryBytes) {

  /** No GPU, no memory limit: claims every CPU job. */
  public static final WorkerCapabilities ANY_CPU = new WorkerCapabilities(false, Long.MAX_VALUE);
}
