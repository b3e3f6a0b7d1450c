package io.s2l.featurize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The random projection of TRAK (Park et al. 2023, section 3): {@code phi = P^T g} for a {@code p x
 * k} matrix P with independent Rademacher entries {@code +-1/sqrt(k)}, so that {@code E[P P^T] = I}
 * and inner products are preserved in expectation (Johnson-Lindenstrauss; Achlioptas 2003): for
 * fixed a, b, {@code E[<P^T a, P^T b>] = <a, b>} and {@code Var = (|a|^2 |b|^2 + <a, b>^2 - 2 sum_i
 * a_i^2 b_i^2) / k <= 2 |a|^2 |b|^2 / k}. Rademacher rather than Gaussian: one random bit per entry
 * (64 entries per hash), no transcendental functions, the same JL guarantee.
 *
 * <p>P is never materialised. Entry {@code (r, j)} is a pure function of {@code (seed, r, j)}:
 *
 * <pre>
 *   words = ceil(k / 64),  c = r * words + floor(j / 64)
 *   w     = mix64(key + (c + 1) * 0x9E3779B97F4A7C15),  key = mix64(seed)
 *   P[r][j] = (bit (j mod 64) of w == 0 ? +1 : -1) / sqrt(k)
 * </pre>
 *
 * where {@code mix64} is SplitMix64's finaliser (Stafford's variant 13), so that row r's words are
 * items {@code r * words .. r * words + words - 1} of {@code new SplittableRandom(key)}'s {@code
 * nextLong()} stream: a counter-based generator, random access by row. Rows are produced {@value
 * #DEFAULT_BLOCK_ROWS} at a time (a block, regenerated for every batch of gradients, never cached):
 * generating costs {@code p k / 64} hashes per batch against {@code batch x p x k} multiply-adds;
 * on the engine the hashes' bits are expanded into entries by a table lookup there, so a block
 * costs about as much as writing it once. Memory: one block, {@code blockRows x k} floats (4 MiB
 * for k = 256, 16 MiB for k = 1024). The entries, hence the features, depend on {@code (seed, p,
 * k)} only, not on the block size or the batch; sums may round differently.
 *
 * <p>Immutable and thread-safe.
 */
public final class BlockProjection {

  /** Rows of P generated together. */
  public static final int DEFAULT_BLOCK_ROWS = 4096;

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final int parameters;
  private final int dimension;
  private final long seed;
  private final int blockRows;
  private final long key;
  private final int words;
  private final float scale;

  /** A projection from {@code parameters} to {@code dimension} with the default block size. */
  public BlockProjection(int parameters, int dimension, long seed) {
    this(parameters, dimension, seed, DEFAULT_BLOCK_ROWS);
  }

  /**
   * @param parameters p, the length of a gradient
   * @param dimension k, the length of a feature vector
   * @param seed selects P
   * @param blockRows rows of P generated at a time; affects memory and speed, not the entries
   */
  public BlockProjection(int parameters, int dimension, long seed, int blockRows) {
    if (parameters < 1 || dimension < 1 || blockRows < 1) {
      throw new IllegalArgumentException(
          "parameters, dimension and blockRows must be positive, were %d, %d, %d"
              .formatted(parameters, dimension, blockRows));
    }
    this.parameters = parameters;
    this.dimension = dimension;
    this.seed = seed;
    this.blockRows = blockRows;
    this.key = mix64(seed);
    this.words = (dimension + 63) / 64;
    this.scale = (float) (1 / Math.sqrt(dimension));
  }

  public int parameters() {
    return parameters;
  }

  public int dimension() {
    return dimension;
  }

  public long seed() {
    return seed;
  }

  public int blockRows() {
    return blockRows;
  }

  /** Number of blocks, {@code ceil(p / blockRows)}. */
  public int blocks() {
    return (parameters + blockRows - 1) / blockRows;
  }

  /** {@code P[row][column]}, {@code +-1/sqrt(k)}. */
  public float entry(int row, int column) {
    if (row < 0 || row >= parameters || column < 0 || column >= dimension) {
      throw new IndexOutOfBoundsException(
          "(%d, %d) outside %d x %d".formatted(row, column, parameters, dimension));
    }
    long w = word(row, column >>> 6);
    return ((w >>> (column & 63)) & 1L) == 0 ? scale : -scale;
  }

  /** {@code P^T g}, length k. */
  public float[] project(float[] gradient) {
    return project(gradient, 1);
  }

  /**
   * {@code G P} for {@code rows} gradients laid out row-major in {@code gradients} ({@code rows x
   * p}), in Java: the reference for {@link #project(NDArray)} and the path for callers without an
   * engine.
   *
   * @return {@code rows x k}, row-major
   */
  public float[] project(float[] gradients, int rows) {
    if (rows < 0 || (long) rows * parameters != gradients.length) {
      throw new IllegalArgumentException(
          "expected %d x %d = %d values, got %d"
              .formatted(rows, parameters, (long) rows * parameters, gradients.length));
    }
    float[] out = new float[Math.multiplyExact(rows, dimension)];
    float[] block = newBlock();
    for (int b = 0; b < blocks(); b++) {
      int first = b * blockRows;
      int count = fillBlock(b, block);
      for (int e = 0; e < rows; e++) {
        int gOffset = e * parameters + first;
        int oOffset = e * dimension;
        for (int r = 0; r < count; r++) {
          float g = gradients[gOffset + r];
          if (g == 0) {
            continue;
          }
          int sOffset = r * dimension;
          for (int j = 0; j < dimension; j++) {
            out[oOffset + j] += g * block[sOffset + j];
          }
        }
      }
    }
    return out;
  }

  /**
   * {@code G P} on the engine for a {@code (rows, p)} FLOAT32 array, block by block: {@code sum_b
   * G[:, block b] P[block b, :]}. A block is made on the engine from its {@code blockRows x
   * ceil(k/64)} hashed words ({@link #block}): Java computes the words, 1/32 of the block's bytes,
   * and one table lookup expands them into entries. Each block lives in a sub-manager of {@code
   * gradients}' manager freed before the next.
   *
   * @return {@code (rows, k)} in {@code gradients}' manager
   */
  public NDArray project(NDArray gradients) {
    Shape shape = gradients.getShape();
    if (shape.dimension() != 2 || shape.get(1) != parameters) {
      throw new IllegalArgumentException(
          "expected (rows, " + parameters + ") gradients, got " + shape);
    }
    NDManager manager = gradients.getManager();
    NDArray out = manager.zeros(new Shape(shape.get(0), dimension), DataType.FLOAT32);
    ByteBuffer bits = newWordBuffer();
    try (NDManager call = manager.newSubManager()) {
      NDArray signs = signTable(call);
      for (int b = 0; b < blocks(); b++) {
        int first = b * blockRows;
        try (NDManager scratch = call.newSubManager()) {
          NDArray p = block(b, bits, signs, scratch);
          NDArray g = gradients.get(new NDIndex(":, {}:{}", first, first + p.getShape().get(0)));
          g.attach(scratch);
          out.addi(g.matMul(p));
        }
      }
    }
    return out;
  }

  /** A direct buffer for the hashed words of one block. */
  ByteBuffer newWordBuffer() {
    return ByteBuffer.allocateDirect(Math.min(blockRows, parameters) * words * Long.BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * The signs of every byte value: row v of the (256, 8) table holds the entries of bits 0 to 7 of
   * v, {@code +scale} for a 0 bit and {@code -scale} for a 1.
   */
  NDArray signTable(NDManager manager) {
    float[] table = new float[256 * 8];
    for (int v = 0; v < 256; v++) {
      for (int bit = 0; bit < 8; bit++) {
        table[v * 8 + bit] = ((v >>> bit) & 1) == 0 ? scale : -scale;
      }
    }
    return manager.create(table, new Shape(256, 8));
  }

  /**
   * Block {@code b} of P, {@code (rows, k)}, in {@code manager}: the block's words written little-
   * endian into {@code bits}, so that byte i of word w holds entries {@code 64 w + 8 i .. 64 w + 8
   * i + 7}, then every byte looked up in {@code signs}. The same entries as {@link #fillBlock}.
   */
  NDArray block(int b, ByteBuffer bits, NDArray signs, NDManager manager) {
    int first = b * blockRows;
    int count = Math.min(blockRows, parameters - first);
    bits.clear();
    for (int r = 0; r < count; r++) {
      for (int w = 0; w < words; w++) {
        bits.putLong(word(first + r, w));
      }
    }
    bits.flip();
    NDArray bytes =
        manager
            .create(bits, new Shape(count, words * 8L), DataType.UINT8)
            .toType(DataType.INT64, false);
    NDArray p =
        Embedding.embedding(bytes, signs, SparseFormat.DENSE)
            .singletonOrThrow()
            .reshape(count, words * 64L);
    return words * 64 == dimension ? p : p.get(new NDIndex(":, :{}", dimension));
  }

  /** A buffer for one block: {@code min(blockRows, p) x k} floats. */
  float[] newBlock() {
    return new float[Math.multiplyExact(Math.min(blockRows, parameters), dimension)];
  }

  /**
   * Writes block {@code b} of P (rows {@code b * blockRows ...}) row-major into {@code block}.
   *
   * @return the rows in this block, {@code blockRows} except possibly for the last
   */
  int fillBlock(int b, float[] block) {
    int first = b * blockRows;
    int count = Math.min(blockRows, parameters - first);
    int signBit = Float.floatToRawIntBits(scale);
    for (int r = 0; r < count; r++) {
      int offset = r * dimension;
      for (int w = 0; w < words; w++) {
        long bits = word(first + r, w);
        int from = w << 6;
        int to = Math.min(dimension, from + 64);
        for (int j = from; j < to; j++) {
          int negative = (int) (bits >>> (j - from)) & 1;
          block[offset + j] = Float.intBitsToFloat(signBit | (negative << 31));
        }
      }
    }
    return count;
  }

  private long word(int row, int w) {
    long counter = (long) row * words + w;
    return mix64(key + (counter + 1) * GOLDEN_GAMMA);
  }

  /** SplitMix64's finaliser, as in {@link java.util.SplittableRandom}. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
