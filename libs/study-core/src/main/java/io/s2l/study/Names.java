package io.s2l.study;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rule for the names a study gives its scales and distributions: they become keys of runs, file
 * names, plot labels and SQL values, so they are short and plain, and they never take a prefix s2l
 * uses for the names it generates (a user's {@code random-0} would otherwise be read as the random
 * baseline).
 */
public final class Names {

  /** The longest name. */
  public static final int MAX_LENGTH = 64;

  /** A letter or digit, then letters, digits, '.', '_' or '-'; at most {@link #MAX_LENGTH}. */
  public static final Pattern PATTERN =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

  /** Prefixes of generated distribution names. */
  public static final List<String> RESERVED_PREFIXES =
      List.of(
          "dirichlet-", "without-", "subset-", "random-", "dsdm-", "similarity", "recommended-");

  private Names() {}

  /** Why {@code name} cannot name a scale, or null when it can. */
  public static String scaleProblem(String name) {
    if (name == null || name.isBlank()) {
      return "is required";
    }
    if (name.length() > MAX_LENGTH) {
      return "must have at most " + MAX_LENGTH + " characters, has " + name.length();
    }
    if (!PATTERN.matcher(name).matches()) {
      return "must match " + PATTERN.pattern() + " (letters, digits, '.', '_' and '-')";
    }
    return null;
  }

  /** Why {@code name} cannot name a distribution, or null when it can. */
  public static String distributionProblem(String name) {
    String problem = scaleProblem(name);
    if (problem != null) {
      return problem;
    }
    for (String prefix : RESERVED_PREFIXES) {
      if (name.startsWith(prefix)) {
        return "the prefixes " + String.join(", ", RESERVED_PREFIXES) + " are reserved";
      }
    }
    return null;
  }
}
