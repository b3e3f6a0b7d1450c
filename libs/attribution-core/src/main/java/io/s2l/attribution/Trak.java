package io.s2l.attribution;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

import io.s2l.stats.Interruption;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Objects;

/**
 * TRAK attribution scores (Park et al., "TRAK: Attributing Model Behavior at Scale", ICML 2023;
 * docs/science.md section 3.3) from the projected features of M trained models:
 *
 * <pre>
 *   tau = [ (1/M) sum_m Phi_t,m (Phi_m^T Phi_m + lambda I)^-1 Phi_m^T ] . diag( (1/M) sum_m q_m )
 * </pre>
 *
 * a t x n matrix, row z = tau(z). The diagonal factor (Q = diag(1 - p_i) of the original) is
 * applied only with {@code useQ}; the small-to-large paper drops it, since softmax saturation
 * zeroes it and lowers the LDS.
 *
 * <p>Memory: per model, k x k for the kernel (float64), t x k for the targets, and chunkRows x (k +
 * t) for one chunk of pool features and its scores, off-heap; plus the t x n result. The n x k pool
 * features are never held: they are streamed twice, once to accumulate Phi^T Phi (float32 {@code
 * ssyrk} per chunk, summed in float64) and once to compute the chunk's scores A_m Phi_chunk^T with
 * A_m = Phi_t,m G_m^-1 / M (one float32 {@code sgemm} per chunk and model, G_m factored and solved
 * in float64; see {@link RegularizedGram}). Chunks of a few thousand rows keep the products large
 * enough for OpenBLAS to run near its peak; OpenBLAS's thread count is {@link OpenBlas#threads}.
 * The off-heap buffers are freed before returning; JavaCPP caps them at {@code
 * -Dorg.bytedeco.javacpp.maxBytes} (default: the maximum heap size).
 */
public final class Trak {

  /**
   * A chunk size that keeps OpenBLAS near its peak for k around 1,000 and t up to a few thousand
   * while holding only 4,096 x (k + t) floats of the pool and its scores.
   */
  public static final int DEFAULT_CHUNK_ROWS = 4_096;

  private Trak() {}

  /**
   * Computes the TRAK scores.
   *
   * @param models the features of each model (checkpoints count as models), at least one; every
   *     model covers the same n pool examples and t targets, in the same order (dimensions may
   *     differ)
   * @param lambda ridge term, finite and &gt;= 0; 0 is TRAK's default and needs full-rank features
   * @param useQ multiply column i by the mean over models of q_i; then every model needs q
   * @param chunkRows pool rows streamed per chunk, at least 1; see {@link #DEFAULT_CHUNK_ROWS}
   * @return tau, targets x pool
   * @throws IllegalArgumentException on inconsistent shapes, useQ with a model lacking q, a bad
   *     lambda or chunkRows, or a result too large for one array
   * @throws RankDeficientFeaturesException if some model's Phi^T Phi + lambda I is not numerically
   *     positive definite
   * @throws java.util.concurrent.CancellationException when the thread is interrupted, before the
   *     next chunk of pool rows ({@link Interruption})
   */
  public static Scores score(
      List<ModelFeatures> models, double lambda, boolean useQ, int chunkRows) {
    int n = validate(models, lambda, useQ, chunkRows);
    int t = models.get(0).targets().rows();
    int m = models.size();
    float[] values = new float[Checks.arrayLength("the score matrix", t, n)];
    float[] q = useQ ? meanQ(models, n) : null;
    NativeFloats[] a = new NativeFloats[m];
    try {
      for (int i = 0; i < m; i++) {
        ModelFeatures model = models.get(i);
        try (RegularizedGram gram = RegularizedGram.factor(model.train(), lambda, chunkRows, i)) {
          a[i] = gram.solveTargets(model.targets(), chunkRows, 1.0 / m);
        }
      }
      if (t > 0) {
        streamPool(models, a, Math.max(1, Math.min(chunkRows, n)), values, q);
      }
    } finally {
      for (NativeFloats matrix : a) {
        if (matrix != null) {
          matrix.close();
        }
      }
    }
    return new Scores(t, n, values);
  }

  /**
   * For each chunk of pool rows, out = sum_m A_m Phi_m,chunk^T (t x count) and its columns scaled
   * by q, copied into the columns [first, first + count) of values.
   */
  private static void streamPool(
      List<ModelFeatures> models, NativeFloats[] a, int chunk, float[] values, float[] q) {
    int n = models.get(0).train().rows();
    int t = models.get(0).targets().rows();
    int maxK = models.stream().mapToInt(f -> f.train().dimension()).max().orElseThrow();
    try (NativeFloats rows = new NativeFloats(Checks.arrayLength("feature chunk", chunk, maxK));
        NativeFloats out = new NativeFloats(Checks.arrayLength("score chunk", t, chunk))) {
      FloatBuffer scores = out.floats();
      for (int first = 0; first < n; first += chunk) {
        Interruption.check();
        int count = Math.min(chunk, n - first);
        for (int i = 0; i < models.size(); i++) {
          FeatureRows train = models.get(i).train();
          int k = train.dimension();
          rows.load(train, first, count);
          cblas_sgemm(
              CblasRowMajor,
              CblasNoTrans,
              CblasTrans,
              t,
              count,
              k,
              1f,
              a[i].pointer(),
              k,
              rows.pointer(),
              k,
              i == 0 ? 0f : 1f,
              out.pointer(),
              count);
        }
        for (int z = 0; z < t; z++) {
          int offset = z * n + first;
          scores.get(z * count, values, offset, count);
          if (q != null) {
            for (int j = 0; j < count; j++) {
              values[offset + j] *= q[first + j];
            }
          }
        }
      }
    }
  }

  /** (1/M) sum_m q_m, accumulated in float64. */
  private static float[] meanQ(List<ModelFeatures> models, int n) {
    double[] sum = new double[n];
    for (ModelFeatures model : models) {
      float[] q = model.q();
      for (int i = 0; i < n; i++) {
        sum[i] += q[i];
      }
    }
    float[] mean = new float[n];
    for (int i = 0; i < n; i++) {
      mean[i] = (float) (sum[i] / models.size());
    }
    return mean;
  }

  /** Checks the arguments; returns the pool size n. */
  private static int validate(
      List<ModelFeatures> models, double lambda, boolean useQ, int chunkRows) {
    Objects.requireNonNull(models, "models");
    if (models.isEmpty()) {
      throw new IllegalArgumentException("at least one model is required");
    }
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
    }
    Checks.positive("chunkRows", chunkRows);
    ModelFeatures first = Objects.requireNonNull(models.get(0), "models[0]");
    int n = first.train().rows();
    int t = first.targets().rows();
    for (int i = 0; i < models.size(); i++) {
      ModelFeatures model = Objects.requireNonNull(models.get(i), "models[" + i + "]");
      if (model.train().rows() != n || model.targets().rows() != t) {
        throw new IllegalArgumentException(
            "model "
                + i
                + " has "
                + model.train().rows()
                + " pool and "
                + model.targets().rows()
                + " target rows, model 0 has "
                + n
                + " and "
                + t
                + "; all models must describe the same examples");
      }
      if (useQ && !model.hasQ()) {
        throw new IllegalArgumentException("useQ is set but model " + i + " has no q");
      }
    }
    return n;
  }
}
