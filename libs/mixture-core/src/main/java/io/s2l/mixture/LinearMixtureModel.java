package io.s2l.mixture;

/**
 * Least squares {@code loss = sum_d beta_d w_d}. The weights of a mixture sum to one, so this is
 * the general affine model (an intercept would be collinear with them); {@code beta_d} is the loss
 * predicted for training on domain d alone. Solved by the normal equations with a tiny ridge (1e-9
 * of the mean diagonal) so that a domain no mixture used does not make them singular.
 */
public final class LinearMixtureModel implements MixtureModel {

  private final double[] beta;

  private LinearMixtureModel(double[] beta) {
    this.beta = beta;
  }

  public static LinearMixtureModel fit(double[][] weights, double[] losses) {
    Samples.check(weights, losses);
    int k = weights[0].length;
    double[][] gram = new double[k][k];
    double[] rhs = new double[k];
    for (int i = 0; i < weights.length; i++) {
      for (int a = 0; a < k; a++) {
        rhs[a] += weights[i][a] * losses[i];
        for (int b = 0; b < k; b++) {
          gram[a][b] += weights[i][a] * weights[i][b];
        }
      }
    }
    double trace = 0;
    for (int a = 0; a < k; a++) {
      trace += gram[a][a];
    }
    for (int a = 0; a < k; a++) {
      gram[a][a] += 1e-9 * trace / k;
    }
    return new LinearMixtureModel(Cholesky.solve(gram, rhs));
  }

  /** The coefficients, one per domain. */
  public double[] coefficients() {
    return beta.clone();
  }

  @Override
  public double predict(double[] weights) {
    if (weights.length != beta.length) {
      throw new IllegalArgumentException(
          "a mixture of " + weights.length + " domains; the model has " + beta.length);
    }
    double y = 0;
    for (int d = 0; d < beta.length; d++) {
      y += beta[d] * weights[d];
    }
    return y;
  }

  @Override
  public String name() {
    return "linear";
  }
}
