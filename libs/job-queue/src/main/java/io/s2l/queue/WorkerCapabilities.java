package io.s2l.queue;

/**
 * What a worker can run: whether it has a GPU, and how much memory one job may use. It claims only
 * jobs whose requirements fit. The GPU count and memory are advertised for operators (and capacity
 * planning); claims look only at {@code gpu} and {@code memoryBytes}.
 *
 * @param gpu whether a GPU is available
 * @param memoryBytes memory available to one job
 * @param gpus GPUs this worker owns (normally one: one worker per GPU)
 * @param gpuMemoryBytes memory of each of those GPUs, 0 without a GPU
 */
public record WorkerCapabilities(boolean gpu, long memoryBytes, int gpus, long gpuMemoryBytes) {

  /** No GPU, no memory limit: claims every CPU job. */
  public static final WorkerCapabilities ANY_CPU = new WorkerCapabilities(false, Long.MAX_VALUE);

  /** A worker with one GPU of unknown memory when {@code gpu}, none otherwise. */
  public WorkerCapabilities(boolean gpu, long memoryBytes) {
    this(gpu, memoryBytes, gpu ? 1 : 0, 0);
  }

  public WorkerCapabilities {
    if (gpus < 0 || gpuMemoryBytes < 0 || gpu != gpus > 0) {
      throw new IllegalArgumentException(
          "gpu must be true exactly when gpus > 0, and counts non-negative: " + gpus);
    }
  }
}
