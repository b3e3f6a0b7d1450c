package io.s2l.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import io.s2l.lm.eval.Evaluations;
import io.s2l.lm.eval.SequenceScorer;
import io.s2l.lm.train.CheckpointPolicy;
import io.s2l.lm.train.Checkpoints;
import io.s2l.lm.train.LmTrainer;
import io.s2l.lm.train.TrainedModel;
import io.s2l.study.TrainingJobSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run interrupted after a checkpoint and resumed ends exactly where an uninterrupted run ends.
 */
class CheckpointResumeIT {

  @BeforeAll
  static void engine() {
    TransformerLmIT.engine();
  }

  static final class Crash extends RuntimeException {}

  private static float[] evaluate(TrainedModel model) {
    try (NDManager m = model.model().getNDManager().newSubManager()) {
      return Evaluations.text(new SequenceScorer(model.network(), m, 16), TransformerLmIT.heldout)
          .losses();
    }
  }

  @Test
  void aResumedRunEqualsAnUninterruptedOneBitForBit(@TempDir Path directory) {
    TrainingJobSpec job = TransformerLmIT.job(5, 3);
    float[] straight;
    long steps;
    try (TrainedModel model = LmTrainer.train(job, TransformerLmIT.texts, (s, t, l) -> {})) {
      straight = evaluate(model);
      steps = model.stats().steps();
    }
    assertThat(steps).isGreaterThan(40);
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
    assertThat(Files.exists(directory.resolve("checkpoint.bin"))).isTrue();

    long[] firstStep = {0};
    try (TrainedModel resumed =
        LmTrainer.train(
            job,
            TransformerLmIT.texts,
            (s, t, l) -> {
              if (firstStep[0] == 0) {
                firstStep[0] = s;
              }
            },
            policy)) {
      assertThat(firstStep[0]).isEqualTo(31); // resumed after the checkpoint of step 30
      assertThat(evaluate(resumed)).containsExactly(straight);
    }
  }
}
