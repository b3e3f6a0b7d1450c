package io.s2l.stats;

/**
 * The null level of a squared correlation (docs/science.md section 2.10): the distribution of r^2
 * between two independent samples of K points, when at least one is normal. Then
 *
 * <pre>
 *   r^2 ~ Beta(1/2, (K - 2) / 2)        E[r^2] = 1 / (K - 1)
 * </pre>
 *
 * equivalently t = r sqrt(nu / (1 - r^2)) follows Student's t with nu = K - 2 degrees of freedom.
 * With sin(theta) = r, cos^2(theta) = 1 - r^2 = 1 - c, the closed forms of P(|t| &lt;= t_c) for
 * integer nu (Abramowitz and Stegun 26.7.3, 26.7.4) give the distribution function of r^2 at c:
 *
 * <pre>
 *   nu even:      F(c) = sqrt(c) sum_{i=0}^{nu/2 - 1} [(2i - 1)!! / (2i)!!] (1 - c)^i
 *   nu odd:       F(c) = (2/pi) ( asin(sqrt(c))
 *                         + sqrt(c (1 - c)) sum_{i=0}^{(nu - 3)/2} [(2i)!! / (2i + 1)!!] (1 - c)^i )
 * </pre>
 *
 * (the odd sum is empty for nu = 1), a finite sum of positive terms with no special function beyond
 * asin. Quantiles invert F by bisection to the last bit.
 */
public final class NullR2 {

  private NullR2() {}

  /**
   * E[r^2] = 1 / (K - 1).
   *
   * @param distributions K, at least 3
   */
  public static double mean(int distributions) {
    requireK(distributions);
    return 1.0 / (distributions - 1);
  }

  /**
   * P(r^2 &lt;= c), equal to {@code scipy.stats.beta.cdf(c, 0.5, (K - 2) / 2)}.
   *
   * @param distributions K, at least 3
   * @param c a value in [0, 1]
   */
  public static double cdf(int distributions, double c) {
    requireK(distributions);
    if (!(c >= 0 && c <= 1)) {
      throw new IllegalArgumentException("r^2 must be in [0, 1], got " + c);
    }
    int nu = distributions - 2;
    double q = 1 - c;
    double term = 1;
    double sum = 0;
    if (nu % 2 == 0) {
      for (int i = 0; i < nu / 2; i++) {
        sum += term;
        term *= q * (2 * i + 1) / (2 * i + 2);
      }
      return Math.min(1.0, Math.sqrt(c) * sum);
    }
    for (int i = 0; i < (nu - 1) / 2; i++) {
      sum += term;
      term *= q * (2 * i + 2) / (2 * i + 3);
    }
    double value = 2 / Math.PI * (Math.asin(Math.sqrt(c)) + Math.sqrt(c * q) * sum);
    return Math.min(1.0, value);
  }

  /**
   * The p-quantile of r^2 under no relation, equal to {@code scipy.stats.beta.ppf(p, 0.5, (K - 2) /
   * 2)}: the smallest c with F(c) &gt;= p, found by bisection on [0, 1] until the bracket cannot
   * shrink further in double precision.
   *
   * @param distributions K, at least 3
   * @param p a probability in (0, 1)
   */
  public static double quantile(int distributions, double p) {
    requireK(distributions);
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1), got " + p);
    }
    double low = 0;
    double high = 1;
    while (true) {
      double mid = low + (high - low) / 2;
      if (mid <= low || mid >= high) {
        return high;
      }
      if (cdf(distributions, mid) >= p) {
        high = mid;
      } else {
        low = mid;
      }
    }
  }

  private static void requireK(int distributions) {
    if (distributions < 3) {
      throw new IllegalArgumentException(
          "the null level needs at least 3 distributions, got " + distributions);
    }
  }
}
