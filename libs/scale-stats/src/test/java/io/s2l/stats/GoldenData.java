package io.s2l.stats;

import static org.assertj.core.api.Assertions.withinPercentage;

import org.assertj.core.data.Percentage;

/**
 * Fixed samples shared by the golden tests. The reference values were computed with python 3.11.7,
 * numpy 2.4.6 and scipy 1.17.1 by the script in src/test/resources/golden/README.md, which builds
 * the same samples.
 */
final class GoldenData {

  /** Relative tolerance 1e-9 for deterministic statistics (1e-7 percent). */
  static final Percentage REL_1E9 = withinPercentage(1e-7);

  /** Ties in x (2, 4, 6) and in y (2.5, 4.0, 5.5), including pairs tied in one side only. */
  static final double[] TIES_X = {1, 2, 2, 3, 4, 4, 4, 5, 6, 6};

  static final double[] TIES_Y = {1.5, 1.0, 2.5, 2.5, 4.0, 3.0, 4.0, 5.5, 5.5, 7.0};

  /** Strong negative correlation, no ties. */
  static final double[] NEG_X = {0.12, 0.35, 0.41, 0.77, 0.93, 1.48, 1.61};

  static final double[] NEG_Y = {3.9, 3.1, 3.3, 2.2, 1.7, 0.8, 0.9};

  /** The smallest valid sample. */
  static final double[] N3_X = {2.0, 1.0, 3.0};

  static final double[] N3_Y = {1.0, 3.0, 2.0};

  private GoldenData() {}

  /** x_i = sin(0.37 i) + 0.001 i, i = 0..999. */
  static double[] smoothX() {
    double[] x = new double[1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.sin(i * 0.37) + i * 0.001;
    }
    return x;
  }

  /** y_i = 0.6 x_i + 0.4 sin(0.013 i^2), i = 0..999. */
  static double[] smoothY() {
    double[] x = smoothX();
    double[] y = new double[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = 0.6 * x[i] + 0.4 * Math.sin(i * i * 0.013);
    }
    return y;
  }

  /** x_i = 37 i mod 53, i = 0..999: integers 0..52, about 19 ties each. */
  static double[] tiedX() {
    double[] x = new double[1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i * 37) % 53;
    }
    return x;
  }

  /** y_i = floor((37 i mod 53) / 4) + (11 i mod 7), i = 0..999. */
  static double[] tiedY() {
    double[] y = new double[1000];
    for (int i = 0; i < y.length; i++) {
      y[i] = ((i * 37) % 53) / 4 + (i * 11) % 7;
    }
    return y;
  }
}
