package io.s2l.stats;

import java.util.Arrays;

/**
 * A saturating power law in training compute, fitted by bounded least squares (docs/science.md
 * section 2.11):
 *
 * <pre>
 *   L(C) = E + A (C / C0)^(-alpha),     E &gt;= 0, A &gt;= 0, 0 &lt;= alpha &lt;= MAX_ALPHA
 * </pre>
 *
 * minimising RSS = sum_i (L_i - L(C_i))^2 over the points (C_i, L_i). Compute is measured in units
 * of C0, the smallest C_i, so the powers lie in (0, 1] whatever the FLOP counts (10^15 or 10^21),
 * and A is the loss above E at the smallest compute.
 *
 * <p>Method: variable projection. For a fixed alpha the model is linear in (E, A) with regressor
 * u_i = (C_i / C0)^(-alpha), and the bounded two-unknown least-squares problem is solved exactly:
 * the unconstrained solution A = S_uL / S_uu, E = mean(L) - A mean(u) if both are non-negative,
 * else the better of the two faces (E = 0, A = max(0, sum u L / sum u^2)) and (A = 0, E = max(0,
 * mean(L))). The profiled RSS(alpha) is then minimised over [0, MAX_ALPHA]: a grid of step 0.01
 * picks the best point, golden-section search refines it between its two neighbours down to a
 * bracket of 1e-12, and the best of the refined point and the bracket's ends is kept (so a minimum
 * on a bound of alpha is found exactly). A second minimum narrower than the grid step can be
 * missed. Ties in RSS (for instance when A = 0 and alpha has no effect) keep the smallest alpha.
 *
 * @param e the asymptote E, the loss at infinite compute
 * @param a the amplitude A, at compute C0
 * @param alpha the exponent, in [0, MAX_ALPHA]
 * @param computeUnit C0, the smallest compute of the fitted points
 * @param rss the residual sum of squares at the fit
 */
public record ScalingLawFit(double e, double a, double alpha, double computeUnit, double rss) {

  /** The largest exponent allowed; loss-compute exponents of language models are well below it. */
  public static final double MAX_ALPHA = 2.0;

  private static final int GRID = 200;
  private static final double BRACKET = 1e-12;
  private static final double INVERSE_PHI = (Math.sqrt(5) - 1) / 2;

  /**
   * Fits the law to the points (compute[i], loss[i]).
   *
   * @param compute training compute C_i of each point, positive and finite, at least 3 distinct
   * @param loss loss L_i at that compute, finite
   * @throws IllegalArgumentException on length mismatch, fewer than 3 distinct compute values (the
   *     law has 3 parameters), a non-positive compute or non-finite input
   */
  public static ScalingLawFit of(double[] compute, double[] loss) {
    Samples.requirePaired(compute, loss);
    double unit = Double.POSITIVE_INFINITY;
    for (double c : compute) {
      if (!(c > 0)) {
        throw new IllegalArgumentException("compute must be positive, got " + c);
      }
      unit = Math.min(unit, c);
    }
    if (Arrays.stream(compute).distinct().count() < Samples.MIN_POINTS) {
      throw new IllegalArgumentException(
          "at least " + Samples.MIN_POINTS + " distinct compute values are required");
    }
    double[] logX = new double[compute.length];
    for (int i = 0; i < compute.length; i++) {
      logX[i] = Math.log(compute[i] / unit);
    }
    Profile best = Profile.at(0, logX, loss);
    for (int g = 1; g <= GRID; g++) {
      best = better(best, Profile.at(MAX_ALPHA * g / GRID, logX, loss));
    }
    double step = MAX_ALPHA / GRID;
    double low = Math.max(0, best.alpha - step);
    double high = Math.min(MAX_ALPHA, best.alpha + step);
    best = better(best, Profile.at(low, logX, loss));
    best = better(best, Profile.at(high, logX, loss));
    best = better(best, goldenSection(low, high, logX, loss));
    return new ScalingLawFit(best.e, best.a, best.alpha, unit, best.rss);
  }

  /** The predicted loss E + A (C / C0)^(-alpha) at compute C. */
  public double predict(double compute) {
    return e + a * Math.pow(compute / computeUnit, -alpha);
  }

  private static Profile goldenSection(double low, double high, double[] logX, double[] loss) {
    double c = high - INVERSE_PHI * (high - low);
    double d = low + INVERSE_PHI * (high - low);
    Profile fc = Profile.at(c, logX, loss);
    Profile fd = Profile.at(d, logX, loss);
    while (high - low > BRACKET) {
      if (fc.rss <= fd.rss) {
        high = d;
        d = c;
        fd = fc;
        c = high - INVERSE_PHI * (high - low);
        fc = Profile.at(c, logX, loss);
      } else {
        low = c;
        c = d;
        fc = fd;
        d = low + INVERSE_PHI * (high - low);
        fd = Profile.at(d, logX, loss);
      }
    }
    return better(fc, fd);
  }

  /** The lower RSS; on a tie, the smaller alpha. */
  private static Profile better(Profile p, Profile q) {
    if (q.rss < p.rss || (q.rss == p.rss && q.alpha < p.alpha)) {
      return q;
    }
    return p;
  }

  /** The bounded least-squares (E, A) at a fixed alpha, and its RSS. */
  private record Profile(double alpha, double e, double a, double rss) {

    static Profile at(double alpha, double[] logX, double[] loss) {
      int n = loss.length;
      double[] u = new double[n];
      for (int i = 0; i < n; i++) {
        u[i] = Math.exp(-alpha * logX[i]);
      }
      double meanU = Samples.mean(u);
      double meanL = Samples.mean(loss);
      double suu = 0;
      double sul = 0;
      double uu = 0;
      double ul = 0;
      for (int i = 0; i < n; i++) {
        suu += (u[i] - meanU) * (u[i] - meanU);
        sul += (u[i] - meanU) * (loss[i] - meanL);
        uu += u[i] * u[i];
        ul += u[i] * loss[i];
      }
      if (suu > 0) {
        double a = sul / suu;
        double e = meanL - a * meanU;
        if (a >= 0 && e >= 0) {
          return fitted(alpha, e, a, u, loss);
        }
      }
      Profile noAsymptote = fitted(alpha, 0, Math.max(0, ul / uu), u, loss);
      Profile flat = fitted(alpha, Math.max(0, meanL), 0, u, loss);
      return flat.rss <= noAsymptote.rss ? flat : noAsymptote;
    }

    private static Profile fitted(double alpha, double e, double a, double[] u, double[] loss) {
      double rss = 0;
      for (int i = 0; i < u.length; i++) {
        double r = loss[i] - e - a * u[i];
        rss += r * r;
      }
      return new Profile(alpha, e, a, rss);
    }
  }
}
