package io.s2l.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2l.attribution.FeatureFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's files are what attribution-core's FeatureFile reads. */
class FeatureFileWriterTest {

  @TempDir Path dir;

  @Test
  void chunksWrittenInOrderReadBackAsOneMatrix() throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    float[] all = new float[23 * 7];
    for (int i = 0; i < all.length; i++) {
      all[i] = (float) random.nextGaussian();
    }
    Path file = dir.resolve("features.f32");
    try (FeatureFileWriter writer = FeatureFileWriter.create(file, 23, 7)) {
      for (int first = 0; first < 23; first += 5) {
        int rows = Math.min(5, 23 - first);
        float[] chunk = java.util.Arrays.copyOfRange(all, first * 7, (first + rows) * 7);
        writer.accept(first, rows, chunk);
        assertThat(file).doesNotExist();
      }
      writer.commit();
    }
    assertThat(Files.size(file)).isEqualTo(23L * 7 * 4);
    try (FeatureFile features = FeatureFile.open(file, 7)) {
      assertThat(features.rows()).isEqualTo(23);
      float[] read = new float[all.length];
      features.read(0, 23, read);
      assertThat(read).containsExactly(all);
    }
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
  }

  @Test
  void rowsOutOfOrderOrMissingAreRefusedAndNothingIsLeftBehind() throws Exception {
    Path file = dir.resolve("f.f32");
    try (FeatureFileWriter writer = FeatureFileWriter.create(file, 4, 2)) {
      writer.accept(0, 2, new float[4]);
      assertThatThrownBy(() -> writer.accept(3, 1, new float[2]))
          .hasMessageContaining("rows 3..3 arrived after 2 of 4 rows");
      assertThatThrownBy(writer::commit).hasMessageContaining("2 of 4 rows written");
    }
    assertThat(file).doesNotExist();
    try (var listing = Files.list(dir)) {
      assertThat(listing).isEmpty();
    }
    assertThatThrownBy(() -> FeatureFileWriter.create(file, 1, 0))
        .hasMessageContaining("dimension >= 1");
  }
}
