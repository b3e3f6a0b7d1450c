package io.s2l.plots;

/**
 * Colours from the Okabe-Ito palette (Okabe and Ito, "Color Universal Design", 2008), which stays
 * distinguishable under the common forms of colour blindness. Yellow comes last: it is the hardest
 * to see on white. After eight series the colours repeat with a dash pattern.
 */
final class Palette {

  static final String BLUE = "#0072B2";
  static final String ORANGE = "#E69F00";
  static final String GREEN = "#009E73";
  static final String VERMILLION = "#D55E00";
  static final String PURPLE = "#CC79A7";
  static final String SKY_BLUE = "#56B4E9";
  static final String BLACK = "#000000";
  static final String YELLOW = "#F0E442";

  /** Neutral ink for reference lines (identity, threshold). */
  static final String REFERENCE = "#666666";

  private static final String[] SERIES = {
    BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY_BLUE, BLACK, YELLOW
  };
  private static final String[] DASHES = {null, "7 3", "2 3", "7 3 2 3"};

  private Palette() {}

  static String color(int series) {
    return SERIES[series % SERIES.length];
  }

  /** A stroke-dasharray for the series, or null for solid. */
  static String dash(int series) {
    return DASHES[(series / SERIES.length) % DASHES.length];
  }
}
