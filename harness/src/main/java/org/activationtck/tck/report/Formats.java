package org.activationtck.tck.report;

/** Number and text formatting shared by the report writers. */
final class Formats {

  private Formats() {}

  /** ULP figures: integers plain, fractions to 3 significant digits, "inf" for infinity. */
  static String ulps(double u) {
    if (Double.isInfinite(u)) {
      return "inf";
    }
    if (u == Math.rint(u) && u < 1e15) {
      return Long.toString((long) u);
    }
    return String.format("%.3g", u);
  }

  /** Escapes text for XML and HTML content and attributes. */
  static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<': b.append("&lt;"); break;
        case '>': b.append("&gt;"); break;
        case '&': b.append("&amp;"); break;
        case '"': b.append("&quot;"); break;
        case '\'': b.append("&#39;"); break;
        default:
          // XML 1.0 forbids most control characters even escaped: replace them.
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            b.append('?');
          } else {
            b.append(c);
          }
      }
    }
    return b.toString();
  }
}
