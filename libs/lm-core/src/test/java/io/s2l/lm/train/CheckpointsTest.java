package io.s2l.lm.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared checkpoint of a job's attempts: an attempt that lost its lease (a zombie) never
 * replaces what a later attempt wrote, and a later attempt resumes from and replaces an earlier
 * one's.
 */
class CheckpointsTest {

  @TempDir Path run;

  private Model model;
  private ResumableAdamW optimizer;

  @BeforeAll
  static void engine() {
    LmEngine.start(1);
  }

  @BeforeEach
  void model() {
    model = Model.newInstance("checkpoints");
    Block block = Linear.builder().setUnits(3).build();
    model.setBlock(block);
    block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 4));
    optimizer = new ResumableAdamW(Tracker.fixed(0.01f), 0f);
  }

  @AfterEach
  void close() {
    model.close();
  }

  @Test
  void aZombieAttemptNeverReplacesTheCheckpointOfALaterAttempt() {
    Checkpoints zombie = Checkpoints.forAttempt(run, 1);
    Checkpoints live = Checkpoints.forAttempt(run, 2);

    setWeights(2f);
    assertThat(live.save(50, model, optimizer)).isTrue();
    setWeights(1f);
    assertThat(zombie.save(30, model, optimizer)).isFalse();

    assertThat(live.latestStep()).contains(50L);
    assertThat(live.latestAttempt()).contains(2);
    // the retry after both resumes from attempt 2's state
    setWeights(0f);
    assertThat(Checkpoints.forAttempt(run, 3).restore(model, optimizer, model.getNDManager()))
        .isEqualTo(50);
    assertThat(weights()).containsOnly(2f);
    assertThat(names()).containsExactlyInAnyOrder("checkpoint.bin", "checkpoint.bin.lock");
  }

  @Test
  void aLaterAttemptResumesFromAnEarlierOnesCheckpointAndReplacesIt() {
    setWeights(1f);
    assertThat(Checkpoints.forAttempt(run, 1).save(30, model, optimizer)).isTrue();

    Checkpoints retry = Checkpoints.forAttempt(run, 2);
    setWeights(0f);
    assertThat(retry.restore(model, optimizer, model.getNDManager())).isEqualTo(30);
    assertThat(weights()).containsOnly(1f);
    setWeights(2f);
    assertThat(retry.save(50, model, optimizer)).isTrue();
    // and its own later checkpoints replace its earlier ones
    assertThat(retry.save(60, model, optimizer)).isTrue();

    assertThat(retry.latestStep()).contains(60L);
    assertThat(retry.latestAttempt()).contains(2);
  }

  @Test
  void aCheckpointOfTheFormatWithoutAttemptIsReadAsAttemptZero() throws IOException {
    Checkpoints first = Checkpoints.forAttempt(run, 1);
    setWeights(3f);
    first.save(40, model, optimizer);
    Path file = run.resolve("checkpoint.bin");
    byte[] current = Files.readAllBytes(file);
    // format 1: int 1, long step, then the same parameters and optimiser state
    ByteArrayOutputStream old = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(old);
    out.writeInt(1);
    out.writeLong(20);
    out.write(Arrays.copyOfRange(current, 16, current.length));
    Files.write(file, old.toByteArray());

    Checkpoints retry = Checkpoints.forAttempt(run, 1);
    assertThat(retry.latestStep()).contains(20L);
    assertThat(retry.latestAttempt()).contains(0);
    setWeights(0f);
    assertThat(retry.restore(model, optimizer, model.getNDManager())).isEqualTo(20);
    assertThat(weights()).containsOnly(3f);
    assertThat(retry.save(25, model, optimizer)).isTrue();
    assertThat(retry.latestStep()).contains(25L);
  }

  private void setWeights(float value) {
    for (var p : model.getBlock().getParameters()) {
      NDArray array = p.getValue().getArray();
      array.muli(0).addi(value);
    }
  }

  private float[] weights() {
    return model.getBlock().getParameters().stream()
        .map(p -> p.getValue().getArray().toFloatArray())
        .reduce(new float[0], CheckpointsTest::concat);
  }

  private static float[] concat(float[] a, float[] b) {
    float[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private List<String> names() {
    try (Stream<Path> files = Files.list(run)) {
      return files.map(p -> p.getFileName().toString()).toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
