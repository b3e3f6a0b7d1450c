package io.s2l.api.trainer;

import java.time.Instant;
import java.util.List;

/**
 * A registered trainer as {@code GET /api/v1/trainers/{name}} shows it: the registration with its
 * defaults filled in.
 *
 * @param name how studies name it
 * @param command the program and its arguments; the worker appends the spec file's path
 * @param families the model families it trains, in the order lm, mlp, cnn
 * @param gpu whether its runs need a GPU
 * @param memoryBytes memory one run needs
 * @param silenceSeconds longest silence on stdout before a run is killed
 * @param kubernetes the image, GPUs and queue of its Kubernetes Jobs; null when it runs as a
 *     worker's child process
 * @param createdAt when it was registered
 */
public record TrainerView(
    String name,
    List<String> command,
    List<String> families,
    boolean gpu,
    long memoryBytes,
    int silenceSeconds,
    KubernetesTarget kubernetes,
    Instant createdAt) {

  /**
   * Where a trainer runs as a {@code batch/v1} Job.
   *
   * @param image the container image holding the trainer's command
   * @param gpus {@code nvidia.com/gpu} limit of the pod; 0 for none
   * @param queueName Kueue {@code LocalQueue} the Job is admitted through; null without Kueue
   */
  public record KubernetesTarget(String image, int gpus, String queueName) {}
}
