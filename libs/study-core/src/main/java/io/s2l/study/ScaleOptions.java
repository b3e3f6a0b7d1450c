package io.s2l.study;

import static io.s2l.study.TrainerLimits.MAX_OPTIONS;
import static io.s2l.study.TrainerLimits.MAX_OPTION_KEY_LENGTH;
import static io.s2l.study.TrainerLimits.MAX_OPTION_VALUE_LENGTH;

import java.util.List;
import java.util.Map;

/**
 * The checks on a scale's trainer and its {@code options}: the name must be one a trainer can have,
 * and options, which go unread into an external trainer's spec, are bounded scalars, and only for a
 * scale such a trainer trains (the built-in trainer has no use for them, so they would be a mistake
 * the user never hears of).
 */
final class ScaleOptions {

  private ScaleOptions() {}

  /**
   * @param at the scale's path, such as {@code scales[2]}
   * @param trainedBy the name of the trainer that trains the scale: its own, else the study's
   */
  static void validate(ModelScale scale, String at, String trainedBy, List<FieldError> errors) {
    if (scale.trainer() != null && !TrainerLimits.validName(scale.trainer())) {
      errors.add(new FieldError(at + ".trainer", nameReason()));
    }
    Map<String, Object> options = scale.options();
    if (options == null || options.isEmpty()) {
      return;
    }
    if (TrainerRef.BUILTIN.equals(trainedBy)) {
      errors.add(
          new FieldError(
              at + ".options",
              "only a scale trained by a registered trainer takes options; this one is trained by"
                  + " the built-in trainer"));
      return;
    }
    if (options.size() > MAX_OPTIONS) {
      errors.add(new FieldError(at + ".options", "at most " + MAX_OPTIONS + " options"));
      return;
    }
    for (Map.Entry<String, Object> option : options.entrySet()) {
      String key = option.getKey();
      if (key == null || key.isEmpty() || key.length() > MAX_OPTION_KEY_LENGTH) {
        errors.add(
            new FieldError(
                at + ".options",
                "option names must have between 1 and " + MAX_OPTION_KEY_LENGTH + " characters"));
        continue;
      }
      String reason = valueProblem(option.getValue());
      if (reason != null) {
        errors.add(new FieldError(at + ".options." + key, reason));
      }
    }
  }

  /** Why a trainer name is refused. */
  static String nameReason() {
    return "must be 'djl' or a registered trainer's name (" + TrainerLimits.NAME.pattern() + ")";
  }

  private static String valueProblem(Object value) {
    if (value instanceof String s) {
      return s.length() > MAX_OPTION_VALUE_LENGTH
          ? "must have at most " + MAX_OPTION_VALUE_LENGTH + " characters"
          : null;
    }
    if (value instanceof Double d && !Double.isFinite(d)
        || value instanceof Float f && !Float.isFinite(f)) {
      return "must be a finite number";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return null;
    }
    return "must be a string, a number or a boolean";
  }
}
