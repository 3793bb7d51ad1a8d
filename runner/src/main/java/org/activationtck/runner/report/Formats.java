package org.activationtck.runner.report;

/** Number and text formatting shared by the report writers. */
final class Formats {

  private Formats() {}

  /** ULP figures: integers plain, fractions to 3 significant digits, "inf" for infinity, "-" for none (NaN). */
  static String ulps(double u) {
    if (Double.isNaN(u)) {
      return "-";
    }
    if (Double.isInfinite(u)) {
      return "inf";
    }
    if (u == Math.rint(u) && u < 1e15) {
      return Long.toString((long) u);
    }
    return String.format("%.3g", u);
  }

  /**
   * Escapes text for XML and HTML content and attributes. Characters XML 1.0 does not allow even
   * escaped (C0 controls but tab, newline and return; lone surrogates; U+FFFE, U+FFFF) become
   * {@code ?}, so a hostile message can neither break out of markup nor make the file
   * unparseable; {@code ]]>} cannot occur in the output since every {@code >} is escaped.
   */
  static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '<': b.append("&lt;"); break;
        case '>': b.append("&gt;"); break;
        case '&': b.append("&amp;"); break;
        case '"': b.append("&quot;"); break;
        case '\'': b.append("&#39;"); break;
        default:
          b.append(xmlAllowed(c) ? new String(Character.toChars(c)) : "?");
      }
    }
    return b.toString();
  }

  /** Text for a terminal: control characters (ANSI escapes among them) become {@code ?}. */
  static String plain(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      b.append(Character.isISOControl(c) || !xmlAllowed(c) ? "?" : new String(Character.toChars(c)));
    }
    return b.toString();
  }

  // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
  private static boolean xmlAllowed(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
