package io.s2l.launcher.demo;

/**
 * Undefined statistics arrive as NaN (null in the API's JSON, see {@code io.s2l.api.Undefined});
 * the tables show them as they always did.
 */
final class Numbers {

  private Numbers() {}

  static boolean defined(Double value) {
    return value != null && Double.isFinite(value);
  }

  /** Where a table printed a number without asking whether it was defined: 0, as null read. */
  static double orZero(Double value) {
    return defined(value) ? value : 0.0;
  }
}
