package org.activationtck.interop;

import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Dtype;

/**
 * The grid of a format's values: a value's position on it and distances counted in representable values (steps of the grid). Not to be confused with {@link
 * org.activationtck.spec.format.Ulps}, the error of a result in ulps of the expected value.
 */
public final class FormatGrid {

  private FormatGrid() {}

  /**
   * The number of representable values of {@code t} between {@code a} and {@code b} ({@code 0}
   * when they are equal, {@code +0.0} and {@code -0.0} count as equal, so do two NaNs); {@link
   * Long#MAX_VALUE} when exactly one is NaN. Both must be values of {@code t}.
   */
  public static long distance(double a, double b, Dtype t) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b) ? 0 : Long.MAX_VALUE;
    }
    return Math.abs(ordinal(a, t) - ordinal(b, t));
  }

  /**
   * The position of a value among the values of {@code t}: 0 for both zeros, n for the n-th
   * positive value (the infinity one past the largest finite value), -n for its negation.
   */
  static long ordinal(double v, Dtype t) {
    long magnitude = switch (t) {
      case FLOAT64 -> Double.doubleToRawLongBits(Math.abs(v));
      case FLOAT32 -> Float.floatToRawIntBits((float) Math.abs(v));
      default -> Rounding.toBits16(Math.abs(v), t) & 0x7fff;
    };
    return v < 0 ? -magnitude : magnitude;
  }

  /** Whether a value is in the finite range of {@code t}. */
  static boolean finite(double v) {
    return !Double.isNaN(v) && !Double.isInfinite(v);
  }
}
