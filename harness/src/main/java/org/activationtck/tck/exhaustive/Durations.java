package org.activationtck.tck.exhaustive;

/** Human-readable durations for progress lines: {@code 45 s}, {@code 3 min 05 s}, {@code 2 h 10 min}. */
final class Durations {

  private Durations() {}

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
