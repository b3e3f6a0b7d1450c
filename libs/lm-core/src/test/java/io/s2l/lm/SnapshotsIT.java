package io.s2l.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.s2l.lm.train.CheckpointPolicy;
import io.s2l.lm.train.Checkpoints;
import io.s2l.lm.train.LmTrainer;
import io.s2l.lm.train.TrainedModel;
import io.s2l.study.TrainingJobSpec;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job with snapshots keeps the parameters after steps round(c T / C) beside the final model, and
 * a resumed attempt, in its own directory, still ends with all of them.
 */
class SnapshotsIT {

  @BeforeAll
  static void engine() {
    TransformerLmIT.engine();
  }

  static final class Crash extends RuntimeException {}

  @Test
  void snapshotCIsTheModelAfterStepRoundCTOverC(@TempDir Path tmp) throws IOException {
    TrainingJobSpec job = TransformerLmIT.job(5, 2).withSnapshots(3);
    Path straight = tmp.resolve("straight");
    long steps;
    try (TrainedModel model =
        LmTrainer.train(
            job,
            TransformerLmIT.texts,
            (s, t, l) -> {},
            new CheckpointPolicy(new Checkpoints(straight), 1000))) {
      steps = model.stats().steps();
      new Checkpoints(straight).saveModel(model.model());
    }
    assertThat(steps).isGreaterThan(20);
    long[] at = job.snapshotSteps(steps);
    assertThat(at).containsExactly(Math.round(steps / 3.0), Math.round(2 * steps / 3.0));
    byte[] last = Files.readAllBytes(straight.resolve("model.params"));
    byte[] first = Files.readAllBytes(straight.resolve("checkpoint-1.params"));
    byte[] second = Files.readAllBytes(straight.resolve("checkpoint-2.params"));
    assertThat(first).hasSameSizeAs(last).isNotEqualTo(last).isNotEqualTo(second);
    assertThat(second).hasSameSizeAs(last).isNotEqualTo(last);
    assertThat(straight.resolve("checkpoint-3.params")).doesNotExist();

    // Another job's first attempt, its resumable checkpoint every s_1 steps, dies one step after
    // s_1: its checkpoint holds the parameters after step s_1, which must be snapshot 1.
    Path interrupted = tmp.resolve("interrupted");
    CheckpointPolicy policy = new CheckpointPolicy(Checkpoints.forAttempt(interrupted, 1), at[0]);
    assertThatThrownBy(
            () ->
                LmTrainer.train(
                    job,
                    TransformerLmIT.texts,
                    (s, t, l) -> {
                      if (s == at[0] + 1) {
                        throw new Crash();
                      }
                    },
                    policy))
        .isInstanceOf(Crash.class);
    Path attempt1 = interrupted.resolve("attempt-1");
    assertThat(attempt1.resolve("checkpoint-2.params")).doesNotExist();
    Map<String, float[]> afterS1 = checkpointParameters(interrupted.resolve("checkpoint.bin"));
    Map<String, float[]> snapshot1 = snapshotParameters(straight.resolve("checkpoint-1.params"));
    assertThat(afterS1.keySet()).containsExactlyElementsOf(snapshot1.keySet());
    for (String name : afterS1.keySet()) {
      assertThat(snapshot1.get(name)).as(name).containsExactly(afterS1.get(name));
    }
    assertThat(Files.readAllBytes(attempt1.resolve("checkpoint-1.params"))).isEqualTo(first);

    // The second attempt resumes from that checkpoint, takes over snapshot 1 and ends, in a
    // directory of its own, with every snapshot and the model, the same as the uninterrupted run's.
    Checkpoints retry = Checkpoints.forAttempt(interrupted, 2);
    try (TrainedModel resumed =
        LmTrainer.train(
            job, TransformerLmIT.texts, (s, t, l) -> {}, new CheckpointPolicy(retry, at[0]))) {
      retry.saveModel(resumed.model());
    }
    Path attempt2 = interrupted.resolve("attempt-2");
    assertThat(Files.readAllBytes(attempt2.resolve("checkpoint-1.params"))).isEqualTo(first);
    assertThat(Files.readAllBytes(attempt2.resolve("checkpoint-2.params"))).isEqualTo(second);
    assertThat(Files.readAllBytes(attempt2.resolve("model.params"))).isEqualTo(last);
    assertThat(attempt1.resolve("model.params")).doesNotExist();

    // A resume past a snapshot nobody wrote fails before training.
    Files.delete(attempt1.resolve("checkpoint-1.params"));
    Files.delete(attempt2.resolve("checkpoint-1.params"));
    CheckpointPolicy third = new CheckpointPolicy(Checkpoints.forAttempt(interrupted, 3), at[0]);
    assertThatThrownBy(() -> LmTrainer.train(job, TransformerLmIT.texts, (s, t, l) -> {}, third))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("snapshot 1 of step " + at[0] + " is missing");
    assertThatThrownBy(() -> LmTrainer.train(job, TransformerLmIT.texts, (s, t, l) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checkpoint store");
  }

  /**
   * The parameters of a resumable checkpoint: format (2), attempt, step, then (name, DJL-encoded
   * array)s.
   */
  private static Map<String, float[]> checkpointParameters(Path file) throws IOException {
    Map<String, float[]> parameters = new LinkedHashMap<>();
    try (DataInputStream in =
            new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
        NDManager m = NDManager.newBaseManager()) {
      assertThat(in.readInt()).isEqualTo(2);
      in.readInt();
      in.readLong();
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        parameters.put(name, NDArray.decode(m, bytes).toFloatArray());
      }
    }
    return parameters;
  }

  /** The parameters of a snapshot, loaded into a fresh network in DJL's order. */
  private static Map<String, float[]> snapshotParameters(Path file) throws IOException {
    var network = new io.s2l.lm.model.TransformerLm(TransformerLmIT.TINY);
    Map<String, float[]> parameters = new LinkedHashMap<>();
    try (ai.djl.Model model = ai.djl.Model.newInstance("snapshot");
        DataInputStream in =
            new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      model.setBlock(network);
      network.initialize(
          model.getNDManager(),
          ai.djl.ndarray.types.DataType.FLOAT32,
          new ai.djl.ndarray.types.Shape(1, 32));
      network.loadParameters(model.getNDManager(), in);
      for (var p : network.getParameters()) {
        parameters.put(p.getKey(), p.getValue().getArray().toFloatArray());
      }
    } catch (ai.djl.MalformedModelException e) {
      throw new IOException(e);
    }
    assertThat(parameters.values().stream().mapToInt(a -> a.length).sum()).isGreaterThan(1000);
    assertThat(parameters.values())
        .noneMatch(a -> Arrays.equals(a, new float[a.length]) && a.length > 64);
    return parameters;
  }
}
