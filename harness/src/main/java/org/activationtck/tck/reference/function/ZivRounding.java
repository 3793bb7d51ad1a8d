package org.activationtck.tck.reference.function;

/**
 * The rounding step of the axis references' fast paths: Ziv's test on a double-double r + rl
 * known to lie within err of the exact value, and rounding to odd once the test passed. Small and
 * branch-free, so the JIT inlines them into the per-element loops.
 */
final class ZivRounding {

  private ZivRounding() {}

  /**
   * Whether every value in [r + rl - err, r + rl + err] rounds to r (to nearest), and, when
   * {@code toOdd}, also lies strictly on rl's side of r (|rl| > err), so that r and the sign of rl
   * determine the rounding to odd. r is the nearest double to r + rl. Floating addition r + t
   * rounds to nearest, so r + t == r says t lies in r's rounding interval, binade edges included;
   * the callers' err carries a margin of at least 2^-100 |r| for the rounding of rl +- err
   * (2^-106 |r| at most). NaN and infinite r or err fail.
   */
  static boolean decides(double r, double rl, double err, boolean toOdd) {
    return (r + (rl + err) == r) & (r + (rl - err) == r) & (!toOdd | Math.abs(rl) > err);
  }

  /**
   * r rounded to odd towards rl, for a nonzero finite r, rl != 0 and r + rl strictly between r
   * and its neighbour: r when its last significand bit is 1, else the neighbour on rl's side (the
   * integer representation moves away from zero when rl has r's sign).
   */
  static double toOdd(double r, double rl) {
    long bits = Double.doubleToRawLongBits(r);
    long step = (rl > 0) == (r > 0) ? 1 : -1;
    return Double.longBitsToDouble(bits + ((bits & 1) == 0 ? step : 0));
  }
}
