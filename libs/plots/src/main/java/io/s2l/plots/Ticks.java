package io.s2l.plots;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * "Nice" tick values: steps of 1, 2 or 5 times a power of ten on linear axes (Heckbert, "Nice
 * numbers for graph labels", Graphics Gems, 1990), powers of ten on logarithmic axes. Tick values
 * are computed as exact decimals ({@code k * step} in {@link BigDecimal}) and then rounded once to
 * double, so 3 * 0.2 is 0.6, not 0.6000000000000001.
 */
final class Ticks {

  /** Aim for about this many intervals across the range; the nice step gives 3 to 7. */
  private static final int TARGET_INTERVALS = 5;

  /** Show at most this many decade ticks; wider log ranges label every n-th decade. */
  private static final int MAX_DECADES = 8;

  private static final double EPS = 1e-9;

  private Ticks() {}

  /** A tick step of {@code mantissa * 10^exponent}, mantissa 1, 2 or 5. */
  record Step(int mantissa, int exponent) {
    BigDecimal exact() {
      return BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent);
    }

    double value() {
      return exact().doubleValue();
    }

    double at(long k) {
      return BigDecimal.valueOf(k).multiply(exact()).doubleValue();
    }
  }

  /** The smallest 1-2-5 step that splits {@code span} into at most about 5 intervals. */
  static Step niceStep(double span) {
    double raw = span / TARGET_INTERVALS;
    int exponent = (int) Math.floor(Math.log10(raw));
    double fraction = raw / Math.pow(10, exponent);
    if (fraction <= 1 + EPS) {
      return new Step(1, exponent);
    }
    if (fraction <= 2 + EPS) {
      return new Step(2, exponent);
    }
    if (fraction <= 5 + EPS) {
      return new Step(5, exponent);
    }
    return new Step(1, exponent + 1);
  }

  /**
   * Ticks from the nice value at or below {@code lo} to the one at or above {@code hi}, so the axis
   * can be extended to them: 0.013..0.97 gives 0, 0.2, 0.4, 0.6, 0.8, 1.0.
   */
  static List<Double> extended(double lo, double hi, Step step) {
    double s = step.value();
    return range((long) Math.floor(lo / s + EPS), (long) Math.ceil(hi / s - EPS), step);
  }

  /** Ticks at nice values inside [lo, hi]. */
  static List<Double> inside(double lo, double hi, Step step) {
    double s = step.value();
    return range((long) Math.ceil(lo / s - EPS), (long) Math.floor(hi / s + EPS), step);
  }

  private static List<Double> range(long from, long to, Step step) {
    List<Double> ticks = new ArrayList<>();
    for (long k = from; k <= to; k++) {
      ticks.add(step.at(k));
    }
    return ticks;
  }

  /**
   * Major ticks for a logarithmic axis over [lo, hi], lo &gt; 0: the powers of ten inside it
   * (3..5000 gives 10, 100, 1000), every n-th one if there are more than 8. A range holding fewer
   * than two powers of ten falls back to 1-2-5 multiples of powers of ten, and failing that to
   * linear nice ticks, so that at least two ticks are labelled.
   */
  static List<Double> log(double lo, double hi) {
    int first = (int) Math.ceil(Math.log10(lo) - EPS);
    int last = (int) Math.floor(Math.log10(hi) + EPS);
    if (last > first) {
      int every = (last - first) / MAX_DECADES + 1;
      List<Double> decades = new ArrayList<>();
      for (int k = first; k <= last; k += every) {
        decades.add(pow10(k));
      }
      return decades;
    }
    List<Double> multiples = new ArrayList<>();
    for (int k = first - 1; k <= last; k++) {
      for (int m : new int[] {1, 2, 5}) {
        double v = new Step(m, k).value();
        if (v >= lo * (1 - EPS) && v <= hi * (1 + EPS)) {
          multiples.add(v);
        }
      }
    }
    return multiples.size() >= 2 ? multiples : inside(lo, hi, niceStep(hi - lo));
  }

  /**
   * Unlabelled ticks at 2..9 times each power of ten inside [lo, hi], for ranges of 2 to 8 decades.
   */
  static List<Double> logMinor(double lo, double hi) {
    List<Double> minor = new ArrayList<>();
    int first = (int) Math.floor(Math.log10(lo));
    int last = (int) Math.floor(Math.log10(hi));
    if (last - first < 1 || last - first > MAX_DECADES) {
      return minor;
    }
    for (int k = first; k <= last; k++) {
      for (int m = 2; m <= 9; m++) {
        double v = BigDecimal.valueOf(m).scaleByPowerOfTen(k).doubleValue();
        if (v >= lo && v <= hi) {
          minor.add(v);
        }
      }
    }
    return minor;
  }

  /** 10^k rounded correctly (Math.pow only promises 1 ulp). */
  static double pow10(int k) {
    return BigDecimal.ONE.scaleByPowerOfTen(k).doubleValue();
  }
}
