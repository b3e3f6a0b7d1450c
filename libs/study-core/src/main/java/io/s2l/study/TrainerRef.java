package io.s2l.study;

import java.util.List;

/**
 * A registered external trainer as a training job carries it: a snapshot taken when the study was
 * submitted, so re-registering a trainer never changes a study already queued. A job without one
 * trains with the built-in DJL trainer. The program's side of the exchange is
 * docs/trainer-contract.md.
 *
 * @param name the registered name
 * @param command the program and its arguments; the worker appends the spec file's path
 * @param families the model families it trains ({@code lm}, {@code mlp}, {@code cnn})
 * @param gpu whether it needs a GPU: its jobs are claimed only by GPU workers
 * @param memoryBytes memory one run needs; only a worker with at least this much claims it
 * @param silenceSeconds longest time without a progress line on stdout before the run is killed
 * @param kubernetes where to run it on a cluster instead of as a child of the worker; null runs it
 *     as a child process
 */
public record TrainerRef(
    String name,
    List<String> command,
    List<String> families,
    boolean gpu,
    long memoryBytes,
    int silenceSeconds,
    KubernetesTarget kubernetes) {

  /** The name studies use for the built-in DJL trainer. */
  public static final String BUILTIN = "djl";

  /**
   * A trainer run as a {@code batch/v1} Job.
   *
   * @param image the container image holding the trainer's command
   * @param gpus {@code nvidia.com/gpu} limit of the pod; 0 for none
   * @param queueName Kueue {@code LocalQueue} the Job is admitted through; null without Kueue
   */
  public record KubernetesTarget(String image, int gpus, String queueName) {}

  public boolean runsOnKubernetes() {
    return kubernetes != null;
  }
}
