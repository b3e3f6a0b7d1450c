package io.s2l.plots;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Number formatting. Everything goes through {@link BigDecimal} so that output never shows binary
 * rounding residue (0.1 + 0.2 prints as 0.3) and never depends on the default locale.
 */
final class Num {

  private static final String[] SUFFIXES = {"", "k", "M", "B", "T"};

  private Num() {}

  /** Up to 6 significant digits: plain between 1e-4 and 1e9, otherwise like 1.5e-7. */
  static String compact(double v) {
    return significant(v, 6);
  }

  static String significant(double v, int digits) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "NaN" : v > 0 ? "\u221E" : "-\u221E";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal d = round(v, digits);
    double a = Math.abs(v);
    return a >= 1e-4 && a < 1e9 ? d.toPlainString() : scientific(d);
  }

  /** A pixel coordinate: at most two decimals, which is finer than any screen needs. */
  static String coord(double v) {
    long r = Math.round(v * 100);
    if (r == 0) {
      return "0";
    }
    StringBuilder out = new StringBuilder(12);
    if (r < 0) {
      out.append('-');
      r = -r;
    }
    out.append(r / 100);
    long frac = r % 100;
    if (frac != 0) {
      out.append('.').append(frac / 10);
      if (frac % 10 != 0) {
        out.append(frac % 10);
      }
    }
    return out.toString();
  }

  /**
   * Labels for evenly spaced ticks {@code values} with step {@code mantissa * 10^exponent}: the
   * same number of decimals on every label (0.0, 0.2, ..., 1.0), large values with a k/M/B/T suffix
   * (0, 20k, 40k), tiny or huge ones in scientific notation.
   */
  static List<String> tickLabels(List<Double> values, int exponent) {
    double maxAbs = 0;
    for (double v : values) {
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    List<String> labels = new ArrayList<>(values.size());
    if (maxAbs >= 1e15 || exponent < -6) {
      int digits = Math.max(2, (int) Math.ceil(Math.log10(maxAbs)) - exponent + 1);
      values.forEach(v -> labels.add(significant(v, Math.min(digits, 6))));
      return labels;
    }
    int unit = maxAbs >= 1e12 ? 4 : maxAbs >= 1e9 ? 3 : maxAbs >= 1e6 ? 2 : maxAbs >= 1e4 ? 1 : 0;
    if (3 * unit > exponent + 2) {
      unit = 0; // the step is too fine for a suffix: 100000.1 would become 100.0001k
    }
    int decimals = Math.max(0, 3 * unit - exponent);
    for (double v : values) {
      if (v == 0 && unit > 0) {
        labels.add("0");
        continue;
      }
      BigDecimal scaled = BigDecimal.valueOf(v).movePointLeft(3 * unit);
      labels.add(
          scaled.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString() + SUFFIXES[unit]);
    }
    return labels;
  }

  /**
   * A short label for a single value with a k/M/B/T suffix and up to 6 significant digits: 1, 10,
   * 100, 1k, 2.5M; 0.1, 0.01, 0.001, then 1e-4. Used for logarithmic ticks.
   */
  static String si(double v) {
    double a = Math.abs(v);
    if (v == 0) {
      return "0";
    }
    if (a < 1e-3 || a >= 1e15) {
      return scientific(round(v, 6));
    }
    int unit = 0;
    while (a >= 1000 && unit < SUFFIXES.length - 1) {
      a /= 1000;
      unit++;
    }
    BigDecimal scaled = BigDecimal.valueOf(v).movePointLeft(3 * unit);
    return scaled
            .round(new MathContext(6, RoundingMode.HALF_EVEN))
            .stripTrailingZeros()
            .toPlainString()
        + SUFFIXES[unit];
  }

  private static BigDecimal round(double v, int digits) {
    return BigDecimal.valueOf(v)
        .round(new MathContext(digits, RoundingMode.HALF_EVEN))
        .stripTrailingZeros();
  }

  /** 1.5E-7 as "1.5e-7". */
  private static String scientific(BigDecimal d) {
    int exponent = d.precision() - d.scale() - 1;
    String mantissa = d.movePointLeft(exponent).stripTrailingZeros().toPlainString();
    return mantissa + "e" + exponent;
  }
}
