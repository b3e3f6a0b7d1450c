package io.s2l.stats;

/**
 * The {@link ScaleCorrelation} statistics of B bootstrap resamples at once, each given as
 * multiplicities: c_kb is how often point k was drawn in resample b (sum_k c_kb = n). No resample
 * is materialised; with the n drawn points expanded, every statistic is a weighted one of the
 * original points:
 *
 * <ul>
 *   <li>moments: mean(x) = sum_k c_k x_k / n, S_xy = sum_k c_k x_k y_k - n mean(x) mean(y), hence
 *       Pearson r, R^2 = r^2, slope = S_xy / S_xx and intercept = mean(y) - slope mean(x). The
 *       points are centred on their plain means first, so the one-pass sums lose little;
 *   <li>pair counts: a pair of distinct points (k, l) stands for c_k c_l pairs of the resample,
 *       concordant, discordant or tied as (k, l) is, and the c_k (c_k - 1) / 2 pairs of copies of
 *       one point are tied in x and in y; Kendall tau-b and decision accuracy follow as in {@link
 *       PairCounts}, in exact integer arithmetic;
 *   <li>ranks: twice the average rank of point k, minus 1, is 2 #{drawn with x &lt; x_k} + #{drawn
 *       with x = x_k}, an integer counted over the same pairs; Spearman rho is the weighted Pearson
 *       r of those (affine in the ranks, so rho is unchanged), again exact in integers up to the
 *       final division.
 * </ul>
 *
 * <p>Layout: every loop runs over the B resamples innermost, with the order relation of a pair of
 * points fixed outside it, so the loops are branch-free and long. O(K^2 B) for K points; K is the
 * number of training distributions, each costing a training run per scale and seed, so it is small
 * (10 to a few hundred). Each loop nest is its own small method, so the JIT compiles small pieces
 * once instead of one large method several times: that is most of a first analysis' cost. Zero-
 * variance conventions are those of {@link LinearFit}, {@link Correlation} and {@link
 * DecisionAccuracy}.
 */
final class ResampledPairs {

  // Rows of the result, in ScaleCorrelationBootstrap.STATISTICS order.
  private static final int PEARSON = 0;
  private static final int R2 = 1;
  private static final int SLOPE = 2;
  private static final int INTERCEPT = 3;
  private static final int SPEARMAN = 4;
  private static final int KENDALL = 5;
  private static final int DECISION_ACCURACY = 6;

  private ResampledPairs() {}

  /**
   * @param counts c_kb, one row per point, one column per resample
   * @return the statistics of every resample, [statistic][resample]
   */
  static double[][] statistics(double[] x, double[] y, int[][] counts) {
    int n = x.length;
    int resamples = counts[0].length;
    Pairs pairs = new Pairs(n, resamples);
    for (int k = 0; k < n; k++) {
      pairs.copies(k, counts[k]);
      for (int l = k + 1; l < n; l++) {
        pairs.add(k, l, Samples.compare(x[l], x[k]), Samples.compare(y[l], y[k]), counts);
      }
    }
    double[][] out = new double[7][resamples];
    pairs.finish(counts, out);
    new Moments(x, y, counts).finish(pairs, counts, y, out);
    return out;
  }

  /** Pair counts and twice-ranks of every resample. */
  private static final class Pairs {
    private final int n;
    private final long total; // n (n - 1) / 2
    private final long[] concordantMinusDiscordant;
    private final long[] xTies;
    private final long[] yTies;
    private final long[] jointTies;
    private final int[][] rankX; // 2 #{drawn below} + #{drawn equal}
    private final int[][] rankY;

    Pairs(int n, int resamples) {
      this.n = n;
      total = Samples.pairs(n);
      concordantMinusDiscordant = new long[resamples];
      xTies = new long[resamples];
      yTies = new long[resamples];
      jointTies = new long[resamples];
      rankX = new int[n][resamples];
      rankY = new int[n][resamples];
    }

    /** The c (c - 1) / 2 pairs among copies of point k, tied in both; its copies are equal. */
    void copies(int k, int[] c) {
      long[] xt = xTies;
      long[] yt = yTies;
      long[] jt = jointTies;
      int[] rx = rankX[k];
      int[] ry = rankY[k];
      for (int b = 0; b < c.length; b++) {
        long copies = (long) c[b] * (c[b] - 1) / 2;
        xt[b] += copies;
        yt[b] += copies;
        jt[b] += copies;
        rx[b] += c[b];
        ry[b] += c[b];
      }
    }

    /**
     * Points k and l with sx = sign(x_l - x_k) and sy = sign(y_l - y_k): c_k c_l pairs, and each
     * point's copies below (2 per copy) or equal to (1 per copy) the other's.
     */
    void add(int k, int l, int sx, int sy, int[][] counts) {
      int[] ck = counts[k];
      int[] cl = counts[l];
      int[] rxk = rankX[k];
      int[] rxl = rankX[l];
      int[] ryk = rankY[k];
      int[] ryl = rankY[l];
      long[] cmd = concordantMinusDiscordant;
      long[] xt = xTies;
      long[] yt = yTies;
      long[] jt = jointTies;
      int product = sx * sy;
      int tiedX = sx == 0 ? 1 : 0;
      int tiedY = sy == 0 ? 1 : 0;
      int tiedBoth = tiedX & tiedY;
      for (int b = 0; b < ck.length; b++) {
        long pairs = (long) ck[b] * cl[b];
        cmd[b] += pairs * product;
        xt[b] += pairs * tiedX;
        yt[b] += pairs * tiedY;
        jt[b] += pairs * tiedBoth;
        rxl[b] += (sx + 1) * ck[b];
        rxk[b] += (1 - sx) * cl[b];
        ryl[b] += (sy + 1) * ck[b];
        ryk[b] += (1 - sy) * cl[b];
      }
    }

    /** Kendall, decision accuracy and Spearman into out, NaN where a side is constant. */
    void finish(int[][] counts, double[][] out) {
      int resamples = out[0].length;
      // Twice-ranks minus 1 average n over the drawn points; centre on it.
      long[] sxx = new long[resamples];
      long[] syy = new long[resamples];
      long[] sxy = new long[resamples];
      for (int k = 0; k < n; k++) {
        rankMoments(counts[k], rankX[k], rankY[k], n, sxx, syy, sxy);
      }
      for (int b = 0; b < resamples; b++) {
        long concordant =
            (total - xTies[b] - yTies[b] + jointTies[b] + concordantMinusDiscordant[b]) / 2;
        long countable = total - yTies[b];
        out[DECISION_ACCURACY][b] = countable == 0 ? Double.NaN : (double) concordant / countable;
        boolean constant = xConstant(b) || yConstant(b);
        out[KENDALL][b] =
            constant
                ? Double.NaN
                : PairCounts.tauB(concordantMinusDiscordant[b], total - xTies[b], total - yTies[b]);
        out[SPEARMAN][b] =
            constant ? Double.NaN : clip(sxy[b] / Math.sqrt((double) sxx[b] * syy[b]));
      }
    }

    boolean xConstant(int b) {
      return xTies[b] == total;
    }

    boolean yConstant(int b) {
      return yTies[b] == total;
    }

    private static void rankMoments(
        int[] c, int[] rx, int[] ry, int n, long[] sxx, long[] syy, long[] sxy) {
      for (int b = 0; b < c.length; b++) {
        long dx = rx[b] - n;
        long dy = ry[b] - n;
        sxx[b] += c[b] * dx * dx;
        syy[b] += c[b] * dy * dy;
        sxy[b] += c[b] * dx * dy;
      }
    }
  }

  /** Weighted moments of every resample, on points centred at their plain means. */
  private static final class Moments {
    private final double meanX;
    private final double meanY;
    private final double[] sumX;
    private final double[] sumY;
    private final double[] sumXx;
    private final double[] sumYy;
    private final double[] sumXy;
    private final int n;

    Moments(double[] x, double[] y, int[][] counts) {
      n = x.length;
      meanX = Samples.mean(x);
      meanY = Samples.mean(y);
      int resamples = counts[0].length;
      sumX = new double[resamples];
      sumY = new double[resamples];
      sumXx = new double[resamples];
      sumYy = new double[resamples];
      sumXy = new double[resamples];
      for (int k = 0; k < n; k++) {
        accumulate(counts[k], x[k] - meanX, y[k] - meanY);
      }
    }

    private void accumulate(int[] c, double dx, double dy) {
      double[] sx = sumX;
      double[] sy = sumY;
      double[] sxx = sumXx;
      double[] syy = sumYy;
      double[] sxy = sumXy;
      double xx = dx * dx;
      double yy = dy * dy;
      double xy = dx * dy;
      for (int b = 0; b < c.length; b++) {
        double w = c[b];
        sx[b] += w * dx;
        sy[b] += w * dy;
        sxx[b] += w * xx;
        syy[b] += w * yy;
        sxy[b] += w * xy;
      }
    }

    /** Pearson, R^2, slope and intercept into out, with LinearFit's zero-variance conventions. */
    void finish(Pairs pairs, int[][] counts, double[] y, double[][] out) {
      for (int b = 0; b < sumX.length; b++) {
        if (pairs.xConstant(b) || pairs.yConstant(b)) {
          out[PEARSON][b] = Double.NaN;
          out[R2][b] = Double.NaN;
          // A flat line through a constant y; nothing when x is constant.
          out[SLOPE][b] = pairs.xConstant(b) ? Double.NaN : 0.0;
          out[INTERCEPT][b] = pairs.xConstant(b) ? Double.NaN : y[firstDrawn(counts, b)];
          continue;
        }
        double mx = sumX[b] / n;
        double my = sumY[b] / n;
        double vx = sumXx[b] - sumX[b] * mx;
        double vy = sumYy[b] - sumY[b] * my;
        double cov = sumXy[b] - sumX[b] * my;
        // vx, vy > 0 unless two distinct values differ in the last bits only; then give up.
        double slope = vx > 0 ? cov / vx : Double.NaN;
        double r = vx > 0 && vy > 0 ? clip(cov / (Math.sqrt(vx) * Math.sqrt(vy))) : Double.NaN;
        out[PEARSON][b] = r;
        out[R2][b] = r * r;
        out[SLOPE][b] = slope;
        out[INTERCEPT][b] = (meanY + my) - slope * (meanX + mx);
      }
    }

    private static int firstDrawn(int[][] counts, int b) {
      int k = 0;
      while (counts[k][b] == 0) {
        k++;
      }
      return k;
    }
  }

  private static double clip(double r) {
    return Math.max(-1.0, Math.min(1.0, r));
  }
}
