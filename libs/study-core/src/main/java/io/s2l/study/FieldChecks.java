package io.s2l.study;

import java.util.List;

/** The bounds checks the spec records share, each adding a {@link FieldError} naming the field. */
final class FieldChecks {

  private FieldChecks() {}

  /** A required integer in [min, max]. */
  static void range(List<FieldError> errors, String field, Integer value, int min, int max) {
    range(errors, field, value, min, max, false);
  }

  /** An integer in [min, max]; absent is fine when {@code optional}. */
  static void range(
      List<FieldError> errors, String field, Integer value, int min, int max, boolean optional) {
    if (value == null) {
      if (!optional) {
        errors.add(new FieldError(field, "is required"));
      }
    } else if (value < min || value > max) {
      errors.add(new FieldError(field, "must be between " + min + " and " + max));
    }
  }

  /** Optional number in (min, max], or [min, max] when {@code minInclusive}. */
  static void between(
      List<FieldError> errors,
      String field,
      Double value,
      double min,
      double max,
      boolean minInclusive) {
    if (value == null) {
      return;
    }
    boolean low = minInclusive ? value >= min : value > min;
    if (!(low && value <= max)) {
      errors.add(
          new FieldError(
              field, "must be " + (minInclusive ? ">= " : "> ") + min + " and <= " + max));
    }
  }
}
