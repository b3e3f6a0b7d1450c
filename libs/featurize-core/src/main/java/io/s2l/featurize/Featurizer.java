package io.s2l.featurize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * TRAK features of n examples (Park et al. 2023): row i of {@code Phi} is {@code phi_i = P^T
 * grad_theta f(z_i; theta)}, the per-example gradient of the model output function projected by a
 * {@link BlockProjection} to k dimensions. Examples are streamed {@code chunkSize} at a time: a
 * chunk's {@code (chunk, p)} gradients are computed, projected on the engine and freed before the
 * next chunk, so native memory is bounded by a few {@code chunk x p} arrays plus one block of P and
 * never grows with n; the Java heap holds one {@code chunk x k} chunk of features (plus the n x k
 * result if {@link #featurize(GradientSource)} collects it).
 *
 * <p>Deterministic on CPU: the same model, examples, projection seed and chunk size give the same
 * bits.
 */
public final class Featurizer {

  /** Receives the features chunk by chunk, in order. */
  @FunctionalInterface
  public interface FeatureSink {

    /**
     * @param firstRow index of the first example in this chunk
     * @param rows examples in this chunk
     * @param features {@code rows x k}, row-major; the array is the sink's to keep
     */
    void accept(int firstRow, int rows, float[] features);
  }

  private final BlockProjection projection;
  private final int chunkSize;

  /**
   * @param chunkSize examples per gradient computation, the memory/speed trade-off: native memory
   *     grows as {@code chunkSize x p}
   */
  public Featurizer(BlockProjection projection, int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be at least 1, was " + chunkSize);
    }
    this.projection = projection;
    this.chunkSize = chunkSize;
  }

  /** The n x k feature matrix, row-major. */
  public float[] featurize(GradientSource source) {
    int k = projection.dimension();
    float[] features = new float[Math.multiplyExact(source.size(), k)];
    featurize(
        source, (first, rows, chunk) -> System.arraycopy(chunk, 0, features, first * k, rows * k));
    return features;
  }

  /** Streams the features to {@code sink}, one chunk at a time. */
  public void featurize(GradientSource source, FeatureSink sink) {
    if (source.parameterCount() != projection.parameters()) {
      throw new IllegalArgumentException(
          "gradients have %d parameters but the projection expects %d"
              .formatted(source.parameterCount(), projection.parameters()));
    }
    int n = source.size();
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int from = 0; from < n; from += chunkSize) {
        int to = Math.min(n, from + chunkSize);
        float[] chunk;
        try (NDManager step = manager.newSubManager()) {
          NDArray gradients = source.gradients(step, from, to);
          chunk = projection.project(gradients).toFloatArray();
        }
        sink.accept(from, to - from, chunk);
      }
    }
  }
}
