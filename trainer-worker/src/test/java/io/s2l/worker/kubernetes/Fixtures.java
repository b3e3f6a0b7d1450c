package io.s2l.worker.kubernetes;

import io.s2l.queue.ClaimedJob;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainerRef;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import io.s2l.worker.config.WorkerProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Jobs, trainers and settings the Kubernetes tests share. */
final class Fixtures {

  static final UUID STUDY = UUID.fromString("0b0b9c1e-3f7e-4a53-9d55-6f1f5f1d2a10");
  static final String NAMESPACE = "s2l";

  private Fixtures() {}

  static TrainerRef trainer(int gpus, String queue) {
    return new TrainerRef(
        "pytorch",
        List.of("python3", "-m", "s2l_trainer"),
        List.of("lm"),
        gpus > 0,
        4L << 30,
        600,
        new TrainerRef.KubernetesTarget("s2l/trainer-pytorch:0.1.0", gpus, queue));
  }

  static TrainingJobSpec spec(TrainerRef trainer) {
    return new TrainingJobSpec(
            "builtin",
            new ModelScale("d64-L2", 64, 2, 4, 64),
            new MixtureSpec("mix-3", Map.of("literature", 0.5, "code", 0.5)),
            0,
            20.0,
            List.of("heldout/literature"),
            TrainingSettings.DEFAULTS)
        .withTrainer(trainer);
  }

  static ClaimedJob job(long id, int attempt, String payload) {
    return new ClaimedJob(
        id,
        STUDY,
        KubernetesDispatcher.KIND,
        "d64-L2/mix-3/0",
        payload,
        attempt,
        3,
        "dispatcher-1");
  }

  static WorkerProperties.Kubernetes settings() {
    return new WorkerProperties.Kubernetes(
        true,
        NAMESPACE,
        "s2l-trainer",
        "s2l-artifacts",
        10001,
        10001,
        Duration.ofHours(1),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10));
  }
}
