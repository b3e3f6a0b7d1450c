package io.s2l.worker.config;

import java.util.Optional;
import java.util.function.IntToLongFunction;

/**
 * The GPU this worker owns. The layout is one worker per GPU: a machine with four GPUs runs four
 * workers, each started with {@code CUDA_VISIBLE_DEVICES} naming its own GPU (the launcher does
 * this, and on Kubernetes the device plugin does it for a pod with an {@code nvidia.com/gpu} limit
 * of 1). External trainers get the same {@code CUDA_VISIBLE_DEVICES}, so a trainer only ever sees
 * the worker's GPU.
 *
 * @param visibleDevices the value of {@code CUDA_VISIBLE_DEVICES} for this worker's trainers; empty
 *     without a GPU
 * @param memoryBytes the GPU's memory, 0 without a GPU or when it cannot be read
 * @param detected GPUs visible to this process, to warn when one worker would leave others idle
 */
public record GpuAssignment(Optional<String> visibleDevices, long memoryBytes, int detected) {

  public static final GpuAssignment NONE = new GpuAssignment(Optional.empty(), 0, 0);

  /**
   * Decides the assignment.
   *
   * @param detected GPUs visible to this process (after its own {@code CUDA_VISIBLE_DEVICES})
   * @param memory memory of a visible GPU by its index among the visible ones
   * @param inherited this process's own {@code CUDA_VISIBLE_DEVICES}, or null
   */
  public static GpuAssignment of(int detected, IntToLongFunction memory, String inherited) {
    if (detected <= 0) {
      return NONE;
    }
    // The first visible GPU is the worker's. With an inherited list such as "2,3" that is "2".
    String device = inherited == null || inherited.isBlank() ? "0" : inherited.split(",")[0].trim();
    return new GpuAssignment(Optional.of(device), Math.max(0, memory.applyAsLong(0)), detected);
  }

  public boolean hasGpu() {
    return visibleDevices.isPresent();
  }
}
