package io.s2l.attribution;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * A float32 block of native memory handed to OpenBLAS, freed on {@link #close}. Rows of a {@link
 * FeatureRows} are loaded into it with as few copies as the source allows: a {@link FeatureFile}
 * reads its bytes straight into the block where the CPU is little-endian (the file is little-endian
 * float32, the native layout on x86-64 and aarch64; a big-endian CPU decodes it through a Java
 * array instead), an in-memory source is copied once, anything else through a Java array.
 */
final class NativeFloats implements AutoCloseable {

  /**
   * Whether a feature file's bytes are this CPU's float32 layout, so they can be read as they are.
   */
  static final boolean FILE_LAYOUT_IS_NATIVE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

  private final FloatPointer pointer;
  private final ByteBuffer bytes;
  private final FloatBuffer floats;
  private float[] scratch;

  private final boolean fileLayoutIsNative;

  NativeFloats(int length) {
    this(length, FILE_LAYOUT_IS_NATIVE);
  }

  /** As above; {@code fileLayoutIsNative} false decodes feature files as a big-endian CPU must. */
  NativeFloats(int length, boolean fileLayoutIsNative) {
    this.fileLayoutIsNative = fileLayoutIsNative;
    pointer = new FloatPointer(Math.max(1, length));
    bytes = pointer.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    floats = pointer.asBuffer();
  }

  FloatPointer pointer() {
    return pointer;
  }

  /** A view of the whole block; absolute gets and puts only (its position is never relied on). */
  FloatBuffer floats() {
    return floats;
  }

  /** Loads rows [firstRow, firstRow + count) of source into the start of the block, row-major. */
  void load(FeatureRows source, int firstRow, int count) {
    int length = count * source.dimension();
    if (source instanceof FeatureFile file && fileLayoutIsNative) {
      file.readInto(firstRow, count, bytes);
    } else if (source instanceof ArrayFeatureRows array) {
      pointer.put(array.values(), firstRow * source.dimension(), length);
    } else {
      if (scratch == null || scratch.length < length) {
        scratch = new float[length];
      }
      source.read(firstRow, count, scratch);
      pointer.put(scratch, 0, length);
    }
  }

  @Override
  public void close() {
    pointer.close();
  }
}
