package io.s2l.plots;

/**
 * Text measurement without a font engine: an average glyph is about 0.6 em wide in the sans-serif
 * fonts the SVG asks for, which is close enough for margins and legend boxes.
 */
final class Text {

  private static final double EM_PER_CHAR = 0.6;

  private Text() {}

  static double width(String s, double fontSize) {
    return s == null ? 0 : s.codePointCount(0, s.length()) * fontSize * EM_PER_CHAR;
  }

  /** {@code s} cut to {@code maxChars} code points, ending in an ellipsis when cut. */
  static String clip(String s, int maxChars) {
    if (s.codePointCount(0, s.length()) <= maxChars) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, maxChars - 1)) + "\u2026";
  }

  /** {@code s} clipped to what fits in {@code width} pixels at {@code fontSize}. */
  static String clip(String s, double width, double fontSize) {
    return clip(s, Math.max(2, (int) (width / (fontSize * EM_PER_CHAR))));
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
