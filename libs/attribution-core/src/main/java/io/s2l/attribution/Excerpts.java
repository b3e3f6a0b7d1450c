package io.s2l.attribution;

/**
 * Short forms of texts for people to read beside their scores: whitespace runs collapsed to one
 * space, trimmed, and at most {@link #MAX_CHARS} characters, the last three being "..." when the
 * text was cut.
 */
public final class Excerpts {

  /** The longest excerpt, in UTF-16 characters. */
  public static final int MAX_CHARS = 200;

  private static final String CUT = "...";

  private Excerpts() {}

  public static String of(String text) {
    String collapsed = text.strip().replaceAll("\\s+", " ");
    if (collapsed.length() <= MAX_CHARS) {
      return collapsed;
    }
    int end = MAX_CHARS - CUT.length();
    if (Character.isHighSurrogate(collapsed.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return collapsed.substring(0, end) + CUT;
  }
}
