package io.s2l.experiment.trainer.web;

import io.s2l.api.trainer.TrainerView;
import io.s2l.experiment.trainer.RegisteredTrainer;
import io.s2l.study.TrainerRef;

/** A registered trainer as the API shows it: the registration with its defaults filled in. */
final class TrainerViews {

  private TrainerViews() {}

  static TrainerView of(RegisteredTrainer trainer) {
    TrainerRef t = trainer.definition();
    TrainerRef.KubernetesTarget k = t.kubernetes();
    return new TrainerView(
        t.name(),
        t.command(),
        t.families(),
        t.gpu(),
        t.memoryBytes(),
        t.silenceSeconds(),
        k == null ? null : new TrainerView.KubernetesTarget(k.image(), k.gpus(), k.queueName()),
        trainer.createdAt());
  }
}
