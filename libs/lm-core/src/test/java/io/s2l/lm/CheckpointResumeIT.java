package io.s2l.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import io.s2l.lm.eval.Evaluations;
import io.s2l.lm.eval.SequenceScorer;
import io.s2l.lm.train.AttemptSupersededException;
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

  /** Trains {@code job} until its worker dies at {@code step}. */
  private static void crashAt(long step, TrainingJobSpec job, CheckpointPolicy policy) {
    assertThatThrownBy(
            () ->
                LmTrainer.train(
                    job,
                    TransformerLmIT.texts,
                    (s, t, l) -> {
                      if (s == step) {
                        throw new Crash();
                      }
                    },
                    policy))
        .isInstanceOf(Crash.class);
  }

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

    crashAt(37, job, policy);
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

  /**
   * An attempt that finds a later attempt's checkpoint where it would write its own lost its lease:
   * it stops there, leaving that checkpoint as it was.
   */
  @Test
  void aZombieAttemptStopsAtItsFirstCheckpointAfterALaterAttemptWroteOne(@TempDir Path directory)
      throws Exception {
    TrainingJobSpec job = TransformerLmIT.job(5, 3);
    crashAt(25, job, new CheckpointPolicy(Checkpoints.forAttempt(directory, 2), 10));
    byte[] live = Files.readAllBytes(directory.resolve("checkpoint.bin"));
    long[] last = {0};
    assertThatThrownBy(
            () ->
                LmTrainer.train(
                    job,
                    TransformerLmIT.texts,
                    (s, t, l) -> last[0] = s,
                    new CheckpointPolicy(Checkpoints.forAttempt(directory, 1), 10)))
        .isInstanceOf(AttemptSupersededException.class)
        .hasMessageContaining("attempt 1 stops at step 30");
    assertThat(last[0]).isEqualTo(30);
    assertThat(Files.readAllBytes(directory.resolve("checkpoint.bin"))).isEqualTo(live);
  }
}
