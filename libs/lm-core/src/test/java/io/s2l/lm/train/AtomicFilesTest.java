package io.s2l.lm.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void aWriteThatDiesHalfwayLeavesThePreviousFileWholeAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("model.params");
    AtomicFiles.write(file, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    file,
                    out -> {
                      out.write(new byte[1 << 20]);
                      throw new IOException("disk gone");
                    }))
        .hasMessage("disk gone");

    assertThat(Files.readString(file)).isEqualTo("first");
    assertThat(names()).containsExactly("model.params");
  }

  @Test
  void aWriteReplacesTheFileWholeAndLeavesOnlyIt() throws IOException {
    Path file = dir.resolve("sub").resolve("features.f32");
    AtomicFiles.write(file, out -> out.write(new byte[] {1, 2}));
    AtomicFiles.write(file, out -> out.write(new byte[] {3, 4, 5}));
    assertThat(Files.readAllBytes(file)).containsExactly(3, 4, 5);
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void temporaryFilesACrashLeftAreDeletedByTheirPrefixOnly() throws IOException {
    Path file = dir.resolve("checkpoint.bin");
    Files.writeString(file, "checkpoint of step 40");
    // what a process killed between creating and renaming its temporary files leaves
    Path crashed = AtomicFiles.temporaryFor(file);
    Files.writeString(crashed, "half a checkpoint");
    Path other = AtomicFiles.temporaryFor(dir.resolve("features-train-k8-seed1-attempt1.f32"));

    assertThat(AtomicFiles.deleteTemporaries(dir, "checkpoint.bin.")).isEqualTo(1);

    assertThat(crashed).doesNotExist();
    assertThat(other).exists();
    assertThat(Files.readString(file)).isEqualTo("checkpoint of step 40");
    assertThat(AtomicFiles.deleteTemporaries(dir.resolve("absent"), "")).isZero();
  }

  @Test
  void theNextAttemptOfAJobDeletesTheTemporaryFilesEarlierAttemptsLeft() throws IOException {
    Files.writeString(dir.resolve("checkpoint.bin"), "step 40");
    Path checkpoint = AtomicFiles.temporaryFor(dir.resolve("checkpoint.bin"));
    Path model = AtomicFiles.temporaryFor(dir.resolve("attempt-2").resolve("model.params"));
    Path earlierModel = AtomicFiles.temporaryFor(dir.resolve("attempt-1").resolve("model.params"));

    Checkpoints store = Checkpoints.forAttempt(dir, 2);

    assertThat(store.attemptDirectory()).isEqualTo(dir.resolve("attempt-2"));
    assertThat(checkpoint).doesNotExist();
    assertThat(model).doesNotExist();
    // an earlier attempt's directory is its own: whatever it holds, nobody reads it
    assertThat(earlierModel).exists();
    assertThat(Files.readString(dir.resolve("checkpoint.bin"))).isEqualTo("step 40");
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
