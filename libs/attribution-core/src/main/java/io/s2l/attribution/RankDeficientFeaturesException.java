package io.s2l.attribution;

/**
 * Phi^T Phi + lambda I of one model is not (numerically) positive definite, so TRAK's kernel
 * inverse does not exist: with lambda = 0 the projected features are rank-deficient (fewer pool
 * examples than the projection dimension, a duplicated or all-zero feature column), or so close to
 * it that float32 rounding decides the result. The remedy is a ridge lambda &gt; 0, or a smaller
 * projection dimension.
 */
public final class RankDeficientFeaturesException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int model;
  private final int column;

  RankDeficientFeaturesException(int model, int column, double lambda, String detail) {
    super(
        "model "
            + model
            + ": Phi^T Phi + lambda I (lambda = "
            + lambda
            + ") is not positive definite at feature column "
            + column
            + " ("
            + detail
            + "); the features are rank-deficient, use lambda > 0 or a smaller projection");
    this.model = model;
    this.column = column;
  }

  /** Index of the model in the list passed to {@link Trak#score}. */
  public int model() {
    return model;
  }

  /** The feature column (0-based) at which the Cholesky factorisation broke down. */
  public int column() {
    return column;
  }
}
