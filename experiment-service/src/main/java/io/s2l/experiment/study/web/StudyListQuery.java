package io.s2l.experiment.study.web;

import io.s2l.access.web.BadInputException;
import io.s2l.experiment.study.StudyFilter;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.study.StudyKind;
import io.s2l.study.StudyLimits;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads the filters of {@code GET /api/v1/studies}, refusing each bad one by its name. */
final class StudyListQuery {

  /** The longest owner an API key can have: a longer filter could match nothing. */
  static final int MAX_OWNER_LENGTH = 100;

  private StudyListQuery() {}

  static StudyFilter filter(
      String status,
      String kind,
      String owner,
      String name,
      String submittedAfter,
      String submittedBefore) {
    Instant after = instant("submittedAfter", submittedAfter);
    Instant before = instant("submittedBefore", submittedBefore);
    if (after != null && before != null && !after.isBefore(before)) {
      throw new BadInputException("submittedBefore: must be later than submittedAfter");
    }
    return new StudyFilter(
        status(status),
        kind(kind),
        text("owner", owner, MAX_OWNER_LENGTH),
        text("name", name, StudyLimits.MAX_NAME_LENGTH),
        after,
        before);
  }

  private static StudyStatus status(String value) {
    if (absent(value)) {
      return null;
    }
    try {
      return StudyStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          "status: must be one of " + Arrays.toString(StudyStatus.values()) + ", not " + value);
    }
  }

  private static StudyKind kind(String value) {
    if (absent(value)) {
      return null;
    }
    StudyKind kind = StudyKind.byLabel(value);
    if (kind == null) {
      String kinds =
          Arrays.stream(StudyKind.values()).map(StudyKind::label).collect(Collectors.joining(", "));
      throw new BadInputException("kind: must be one of " + kinds + ", not " + value);
    }
    return kind;
  }

  /** Text compared with stored text: bounded, and without U+0000, which PostgreSQL cannot hold. */
  private static String text(String parameter, String value, int maxLength) {
    if (absent(value)) {
      return null;
    }
    if (value.length() > maxLength) {
      throw new BadInputException(parameter + ": must be at most " + maxLength + " characters");
    }
    if (value.indexOf('\0') >= 0) {
      throw new BadInputException(parameter + ": must not contain the NUL character (U+0000)");
    }
    return value;
  }

  private static Instant instant(String parameter, String value) {
    if (absent(value)) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          parameter + ": must be an ISO-8601 instant such as 2026-01-02T03:04:05Z, not " + value);
    }
  }

  private static boolean absent(String value) {
    return value == null || value.isEmpty();
  }
}
