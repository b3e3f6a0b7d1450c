package io.s2l.experiment.trainer.web;

import io.s2l.experiment.trainer.RegisteredTrainer;
import io.s2l.study.TrainerRef;
import java.time.Instant;
import java.util.List;

/**
 * A registered trainer as the API shows it: the registration with its defaults filled in.
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
record TrainerView(
    String name,
    List<String> command,
    List<String> families,
    boolean gpu,
    long memoryBytes,
    int silenceSeconds,
    TrainerRef.KubernetesTarget kubernetes,
    Instant createdAt) {

  static TrainerView of(RegisteredTrainer trainer) {
    TrainerRef t = trainer.definition();
    return new TrainerView(
        t.name(),
        t.command(),
        t.families(),
        t.gpu(),
        t.memoryBytes(),
        t.silenceSeconds(),
        t.kubernetes(),
        trainer.createdAt());
  }
}
