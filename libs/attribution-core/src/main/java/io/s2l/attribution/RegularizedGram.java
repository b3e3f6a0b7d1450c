package io.s2l.attribution;

import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.CblasUpper;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrf;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrs;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas.cblas_ssyrk;

import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.DoublePointer;

/**
 * The Cholesky factor of one model's regularised kernel G = Phi^T Phi + lambda I (k x k), and
 * solves with it. Precision: each chunk's Phi_c^T Phi_c is a float32 {@code ssyrk} (the features
 * are float32), the chunks are summed in float64, and G is factored ({@code dpotrf}) and solved
 * ({@code dpotrs}) in float64, so that rounding does not grow with the number of chunks and the
 * inverse does not lose the digits float32 would.
 *
 * <p>Layout: the row-major upper triangle that {@code ssyrk} fills is, read column-major, the lower
 * triangle, and a row-major t x k matrix is a column-major k x t one; so G is factored as a
 * column-major lower triangle and the targets' features are solved in place, with no transposes.
 */
final class RegularizedGram implements AutoCloseable {

  /**
   * Smallest accepted L_jj^2 / G_jj: the share of feature column j not explained by the columns
   * before it. Below it, column j lies in the span of the others up to float32 rounding of the Gram
   * matrix (about 1e-7 relative), and the solve would return rounding noise.
   */
  static final double MIN_RELATIVE_PIVOT = 1e-6;

  private final DoublePointer factor;
  private final int k;

  private RegularizedGram(DoublePointer factor, int k) {
    this.factor = factor;
    this.k = k;
  }

  /**
   * Accumulates Phi^T Phi chunk by chunk, adds lambda I and factors it.
   *
   * @param model index reported in a failure
   * @throws RankDeficientFeaturesException if G is not numerically positive definite
   */
  static RegularizedGram factor(FeatureRows train, double lambda, int chunkRows, int model) {
    int k = train.dimension();
    int kk = Checks.arrayLength("Phi^T Phi", k, k);
    double[] gram = accumulate(train, chunkRows, k, kk);
    double[] diagonal = new double[k];
    for (int j = 0; j < k; j++) {
      gram[j * k + j] += lambda;
      diagonal[j] = gram[j * k + j];
    }
    DoublePointer factor = new DoublePointer(kk);
    try {
      factor.asBuffer().put(0, gram);
      int info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, (byte) 'L', k, factor, k);
      if (info < 0) {
        throw new IllegalStateException("dpotrf rejected argument " + -info);
      }
      if (info > 0) {
        throw new RankDeficientFeaturesException(
            model, info - 1, lambda, "leading minor " + info + " is not positive");
      }
      DoubleBuffer l = factor.asBuffer();
      for (int j = 0; j < k; j++) {
        double pivot = l.get(j * k + j);
        double relative = pivot * pivot / diagonal[j];
        if (!(relative >= MIN_RELATIVE_PIVOT)) {
          throw new RankDeficientFeaturesException(
              model,
              j,
              lambda,
              "pivot^2 / diagonal = " + relative + " < " + MIN_RELATIVE_PIVOT + ", numerically");
        }
      }
      return new RegularizedGram(factor, k);
    } catch (RuntimeException e) {
      factor.close();
      throw e;
    }
  }

  /** sum over chunks of float32 Phi_c^T Phi_c, in float64, upper triangle, row-major k x k. */
  private static double[] accumulate(FeatureRows train, int chunkRows, int k, int kk) {
    double[] gram = new double[kk];
    int chunk = Math.max(1, Math.min(chunkRows, train.rows()));
    float[] partial = new float[kk];
    try (NativeFloats rows = new NativeFloats(Checks.arrayLength("feature chunk", chunk, k));
        NativeFloats product = new NativeFloats(kk)) {
      for (int first = 0; first < train.rows(); first += chunk) {
        int count = Math.min(chunk, train.rows() - first);
        rows.load(train, first, count);
        cblas_ssyrk(
            CblasRowMajor,
            CblasUpper,
            CblasTrans,
            k,
            count,
            1f,
            rows.pointer(),
            k,
            0f,
            product.pointer(),
            k);
        product.floats().get(0, partial);
        for (int i = 0; i < k; i++) {
          for (int j = i; j < k; j++) {
            gram[i * k + j] += partial[i * k + j];
          }
        }
      }
    }
    return gram;
  }

  /**
   * A = scale * Phi_t G^-1 (t x k, row-major float32, in native memory), Phi_t the targets'
   * features: the per-model half of TRAK's tau = Phi_t G^-1 Phi^T. The caller closes the result.
   */
  NativeFloats solveTargets(FeatureRows targets, int chunkRows, double scale) {
    if (targets.dimension() != k) {
      throw new IllegalArgumentException(
          "targets have dimension " + targets.dimension() + ", the kernel " + k);
    }
    int t = targets.rows();
    int length = Checks.arrayLength("target features", t, k);
    int chunk = Math.max(1, Math.min(chunkRows, t));
    float[] floats = new float[Checks.arrayLength("target chunk", chunk, k)];
    double[] doubles = new double[floats.length];
    NativeFloats a = new NativeFloats(length);
    try (DoublePointer solution = new DoublePointer(Math.max(1, length))) {
      DoubleBuffer b = solution.asBuffer();
      for (int first = 0; first < t; first += chunk) {
        int count = Math.min(chunk, t - first);
        targets.read(first, count, floats);
        for (int i = 0; i < count * k; i++) {
          doubles[i] = floats[i];
        }
        b.put(first * k, doubles, 0, count * k);
      }
      if (t > 0) {
        int info = LAPACKE_dpotrs(LAPACK_COL_MAJOR, (byte) 'L', k, t, factor, k, solution, k);
        if (info != 0) {
          throw new IllegalStateException("dpotrs failed with info " + info);
        }
      }
      for (int first = 0; first < t; first += chunk) {
        int count = Math.min(chunk, t - first);
        b.get(first * k, doubles, 0, count * k);
        for (int i = 0; i < count * k; i++) {
          floats[i] = (float) (scale * doubles[i]);
        }
        a.floats().put(first * k, floats, 0, count * k);
      }
      return a;
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
  }

  int dimension() {
    return k;
  }

  @Override
  public void close() {
    factor.close();
  }
}
