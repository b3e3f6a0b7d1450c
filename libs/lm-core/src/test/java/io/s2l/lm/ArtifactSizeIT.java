package io.s2l.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2l.lm.train.CheckpointPolicy;
import io.s2l.lm.train.Checkpoints;
import io.s2l.lm.train.LmTrainer;
import io.s2l.lm.train.TrainedModel;
import io.s2l.study.StorageEstimate;
import io.s2l.study.TrainingJobSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage estimate of a trained model bounds the files a real one leaves: its parameters, its
 * snapshots and its checkpoint (measured while training, as it is at its largest).
 */
class ArtifactSizeIT {

  @BeforeAll
  static void engine() {
    TransformerLmIT.engine();
  }

  static final class Crash extends RuntimeException {}

  @Test
  void theEstimateBoundsTheParametersSnapshotsAndCheckpointOfATinyModel(@TempDir Path directory)
      throws IOException {
    TrainingJobSpec job = TransformerLmIT.job(5, 3).withSnapshots(3);
    CheckpointPolicy policy = new CheckpointPolicy(new Checkpoints(directory), 10);
    assertThatThrownBy(
            () ->
                LmTrainer.train(
                    job,
                    TransformerLmIT.texts,
                    (s, t, l) -> {
                      if (s == 37) {
                        throw new Crash();
                      }
                    },
                    policy))
        .isInstanceOf(Crash.class);
    long checkpoint = Files.size(directory.resolve("checkpoint.bin"));
    try (TrainedModel model =
        LmTrainer.train(job, TransformerLmIT.texts, (s, t, l) -> {}, policy)) {
      new Checkpoints(directory).saveModel(model.model());
    }
    long params =
        Files.size(directory.resolve("model.params"))
            + Files.size(directory.resolve("checkpoint-1.params"))
            + Files.size(directory.resolve("checkpoint-2.params"));
    long left;
    try (Stream<Path> files = Files.list(directory)) {
      left = files.mapToLong(ArtifactSizeIT::size).sum();
    }
    long estimate = StorageEstimate.trainedModel(job.scale(), 3, null);
    assertThat(params + checkpoint).isLessThanOrEqualTo(estimate).isGreaterThan(estimate / 2);
    assertThat(left).isLessThanOrEqualTo(estimate);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
