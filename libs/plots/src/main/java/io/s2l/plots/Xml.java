package io.s2l.plots;

/** XML text and attribute escaping. */
final class Xml {

  private Xml() {}

  /**
   * Escapes the five XML special characters and replaces code points that XML 1.0 forbids (control
   * characters other than tab, newline and carriage return; lone surrogates; U+FFFE, U+FFFF) with
   * U+FFFD, so that any Java string yields a well-formed document. Null becomes "".
   */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (isXmlChar(cp)) {
            out.appendCodePoint(cp);
          } else {
            out.append('\uFFFD');
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean isXmlChar(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
