package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureFileTest {

  @TempDir Path dir;

  @Test
  void roundTripsRowsChunkByChunk() throws IOException {
    float[] values = Dense.gaussian(new Random(3), 1000, 3);
    Path file = dir.resolve("features.f32");
    FeatureFile.write(file, FeatureRows.of(values, 1000, 3));

    assertThat(Files.size(file)).isEqualTo(1000L * 3 * Float.BYTES);
    try (FeatureFile features = FeatureFile.open(file, 3)) {
      assertThat(features.rows()).isEqualTo(1000);
      assertThat(features.dimension()).isEqualTo(3);
      float[] chunk = new float[7 * 3];
      features.read(500, 7, chunk);
      assertThat(chunk).containsExactly(Arrays.copyOfRange(values, 1500, 1521));
      float[] all = new float[values.length];
      features.read(0, 1000, all);
      assertThat(all).containsExactly(values);
    }
  }

  @Test
  void nativeBlocksHoldTheSameFloatsWhetherTheFileIsReadAsItIsOrDecoded() throws IOException {
    float[] values = Dense.gaussian(new Random(5), 40, 6);
    Path file = dir.resolve("native.f32");
    FeatureFile.write(file, FeatureRows.of(values, 40, 6));
    try (FeatureFile features = FeatureFile.open(file, 6);
        NativeFloats direct = new NativeFloats(10 * 6, true);
        NativeFloats decoded = new NativeFloats(10 * 6, false)) {
      direct.load(features, 30, 10);
      decoded.load(features, 30, 10);
      for (int i = 0; i < 10 * 6; i++) {
        assertThat(direct.floats().get(i)).isEqualTo(values[180 + i]);
        assertThat(decoded.floats().get(i)).isEqualTo(values[180 + i]);
      }
    }
  }

  @Test
  void readsLittleEndianFloat32AsNumpyWritesIt() throws IOException {
    // numpy: np.array([[1.5, -2.0], [0.25, 3.0]], dtype='<f4').tofile(path)
    ByteBuffer bytes = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putFloat(1.5f).putFloat(-2f).putFloat(0.25f).putFloat(3f);
    Path file = dir.resolve("numpy.f32");
    Files.write(file, bytes.array());
    try (FeatureFile features = FeatureFile.open(file, 2)) {
      float[] row = new float[2];
      features.read(1, 1, row);
      assertThat(row).containsExactly(0.25f, 3f);
    }
  }

  @Test
  void refusesAFileThatIsNotAWholeNumberOfRows() throws IOException {
    Path file = dir.resolve("odd.f32");
    Files.write(file, new byte[4 * 7]);
    assertThatThrownBy(() -> FeatureFile.open(file, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("28 bytes")
        .hasMessageContaining("not a whole number of rows");
  }

  @Test
  void refusesReadsOutsideTheRows() throws IOException {
    Path file = dir.resolve("small.f32");
    FeatureFile.write(file, FeatureRows.of(new float[6], 3, 2));
    try (FeatureFile features = FeatureFile.open(file, 2)) {
      assertThatThrownBy(() -> features.read(2, 2, new float[4]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("outside [0, 3)");
      assertThatThrownBy(() -> features.read(0, 2, new float[3]))
          .hasMessageContaining("into holds 3 values");
    }
    assertThatThrownBy(() -> FeatureFile.open(file, 0)).hasMessageContaining("dimension");
  }
}
