package org.activationtck.interop;

import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.Dtype;

/** Distances between values of a format, counted in representable values (ulps). */
public final class Ulps {

  private Ulps() {}

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

  /**
   * The spacing of {@code t} at {@code |v|}: the distance from the largest value of t at or below
   * |v| to the next one up (in the binade of v; the subnormal spacing below the normal range).
   * NaN for NaN and infinities.
   */
  public static double ulp(double v, Dtype t) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.NaN;
    }
    int e = v == 0 ? t.minExponent() : Math.max(Math.getExponent(v), t.minExponent());
    return Math.scalb(1.0, e - (t.precision() - 1));
  }

  /** Whether a value is in the finite range of {@code t}. */
  static boolean finite(double v) {
    return !Double.isNaN(v) && !Double.isInfinite(v);
  }
}
