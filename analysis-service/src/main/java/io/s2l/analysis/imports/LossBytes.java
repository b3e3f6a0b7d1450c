package io.s2l.analysis.imports;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The storage format of imported arrays: little-endian float32, and one byte per boolean. */
public final class LossBytes {
  private LossBytes() {}

  public static byte[] fromFloats(float[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer.array();
  }

  public static float[] toFloats(byte[] bytes) {
    float[] values = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }

  public static byte[] fromBooleans(boolean[] values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) (values[i] ? 1 : 0);
    }
    return bytes;
  }

  public static boolean[] toBooleans(byte[] bytes) {
    boolean[] values = new boolean[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      values[i] = bytes[i] != 0;
    }
    return values;
  }
}
