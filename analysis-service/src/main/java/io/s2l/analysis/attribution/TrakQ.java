package io.s2l.analysis.attribution;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** TRAK's Q term from a model's margins on the pool: {@code q_i = 1 - p_i = 1 / (1 + e^m_i)}. */
final class TrakQ {

  private TrakQ() {}

  static float[] fromMarginsFile(Path file, int expected) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length != 4L * expected) {
      throw new IllegalStateException(
          file + " holds " + bytes.length / 4 + " margins; the pool has " + expected);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] q = new float[expected];
    for (int i = 0; i < expected; i++) {
      q[i] = (float) (1.0 / (1.0 + Math.exp(buffer.getFloat())));
    }
    return q;
  }
}
