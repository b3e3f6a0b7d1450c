package io.s2l.trainer.contract;

import java.util.regex.Pattern;

/** Parsing of the numbers and flags of {@code losses.csv} rows, naming the row on refusal. */
final class CsvValues {

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");
  private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

  private CsvValues() {}

  /** A decimal number; NaN and infinities (as Python writes them) come back as such. */
  static double number(String where, String column, String value) throws ContractViolation {
    if (value != null && DECIMAL.matcher(value).matches()) {
      return Double.parseDouble(value);
    }
    if (value != null && NON_FINITE.matcher(value).matches()) {
      return value.toLowerCase().contains("nan")
          ? Double.NaN
          : value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    throw new ContractViolation(where + column + " '" + value + "' is not a number");
  }

  /** A whole number. */
  static long whole(String where, String column, String value) throws ContractViolation {
    if (value == null || !WHOLE.matcher(value).matches()) {
      throw new ContractViolation(
          where + "column '" + column + "' is not a whole number: '" + value + "'");
    }
    return Long.parseLong(value);
  }

  /** {@code true} or {@code false}. */
  static boolean flag(String where, String column, String value) throws ContractViolation {
    if ("true".equals(value)) {
      return true;
    }
    if ("false".equals(value)) {
      return false;
    }
    throw new ContractViolation(where + column + " must be true or false, is '" + value + "'");
  }
}
