package io.s2l.plots;

import java.util.List;

/**
 * One axis: its domain [lo, hi], whether it is logarithmic, the labelled ticks and the unlabelled
 * minor ticks.
 */
record Axis(
    boolean log,
    double lo,
    double hi,
    List<Double> ticks,
    List<String> labels,
    List<Double> minor) {

  /**
   * A linear axis over {@code range} (which must have positive width). With {@code extend} the
   * domain grows to the nice ticks just outside the data (0.013..0.97 becomes 0..1); without it the
   * domain is the range itself and only ticks inside it are drawn. The step is at least {@code
   * minStep} (1 for counts, so a histogram never labels 0.5 of a sample); 0 for no minimum.
   */
  static Axis linear(Range range, boolean extend, double minStep) {
    Ticks.Step step = Ticks.niceStep(range.hi() - range.lo());
    if (step.value() < minStep) {
      step = Ticks.niceStep(minStep * 5);
    }
    if (!extend) {
      List<Double> ticks = Ticks.inside(range.lo(), range.hi(), step);
      return new Axis(
          false, range.lo(), range.hi(), ticks, Num.tickLabels(ticks, step.exponent()), List.of());
    }
    List<Double> ticks = Ticks.extended(range.lo(), range.hi(), step);
    double lo = ticks.get(0);
    double hi = ticks.get(ticks.size() - 1);
    return new Axis(false, lo, hi, ticks, Num.tickLabels(ticks, step.exponent()), List.of());
  }

  /**
   * A base-10 logarithmic axis over {@code range} (positive, positive width), not extended: decades
   * inside it are labelled 1, 10, 100, 1k, ... and 2..9 times each decade get minor ticks.
   */
  static Axis log(Range range) {
    List<Double> ticks = Ticks.log(range.lo(), range.hi());
    List<String> labels = ticks.stream().map(Num::si).toList();
    List<Double> minor = Ticks.logMinor(range.lo(), range.hi());
    return new Axis(true, range.lo(), range.hi(), ticks, labels, minor);
  }

  /** Where {@code v} lies along the axis: 0 at lo, 1 at hi. */
  double fraction(double v) {
    if (log) {
      return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
    }
    return (v - lo) / (hi - lo);
  }

  String widestLabel() {
    String widest = "";
    for (String label : labels) {
      if (label.length() > widest.length()) {
        widest = label;
      }
    }
    return widest;
  }
}
