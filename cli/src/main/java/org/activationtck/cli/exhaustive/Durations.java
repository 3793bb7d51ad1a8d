package org.activationtck.cli.exhaustive;

/**
 * Human-readable durations and rates for progress lines: {@code 45 s}, {@code 3 min 05 s},
 * {@code 2 h 10 min}; {@code 11.6 M inputs/s}, {@code 41.2 k inputs/s}.
 */
final class Durations {

  private Durations() {}

  static String rate(double perSecond) {
    return perSecond >= 1e6 ? String.format("%.1f M inputs/s", perSecond / 1e6)
        : String.format("%.1f k inputs/s", perSecond / 1e3);
  }

  static String format(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format("%d min %02d s", s / 60, s % 60);
    }
    return String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
  }
}
