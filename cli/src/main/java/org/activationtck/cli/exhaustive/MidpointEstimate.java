package org.activationtck.cli.exhaustive;

import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * The distance of a double estimate from the nearest rounding boundary of a narrower format, in
 * ulps of that format, and the error of that distance when the estimate has an absolute error
 * bound: the cheap half of a hard-case search, run at every input.
 *
 * <p>For a = |y| in the format's range, let lo be the largest value of the format at most a and hi
 * the next one (hi - lo is the ulp there: below a power of two, the ulp below, as {@code
 * CaseValues.margin} counts it). The distance is |a - (lo + hi)/2| / (hi - lo), computed exactly in
 * double (lo, hi, their midpoint and a's difference from it are doubles: the formats have at most
 * 24 bits and a is within one of their ulps of lo). When the exact value z is within B of y and
 * lies between the same lo and hi, its distance is within B / (hi - lo) of y's ({@link #error}); a
 * z on the other side of lo or hi is within B of a value of the format, so its distance is near
 * 1/2, never among the hard ones. A zero is 1/2 from every midpoint; magnitudes beyond the largest
 * value, NaN and infinities have no distance ({@link Double#NaN}).
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class MidpointEstimate {

  private MidpointEstimate() {}

  /** The distance of y from the nearest midpoint of t, in ulps of t (see the class comment), or NaN. */
  public static double distance(double y, Dtype t) {
    if (t == Dtype.FLOAT32) {
      double a = Math.abs(y);
      float f = (float) a;
      double diff = Math.abs(a - f);
      float u = Math.ulp(f);
      // Most inputs stop here (a sweep offers every one): f is a's nearest float32 and u its ulp
      // above, so a lies within u/2 of f; at least 2 HARD ulps from the midpoint unless f is a
      // power of two above a (then the ulp below, u/2, counts: the general path below).
      if (diff < u * (0.5 - 2 * HardCaseCollector.HARD) && f != Float.POSITIVE_INFINITY
          && ((Float.floatToRawIntBits(f) & 0x7fffff) != 0 || a >= f)) {
        return 0.5 - diff / u;
      }
    }
    double a = Math.abs(y);
    if (a == 0) {
      return 0.5; // a value of every format
    }
    if (!(a > 0) || a >= overflow(t)) {
      return Double.NaN;
    }
    double lo = floor(a, t);
    double hi = Rounding.next(lo, t, true);
    double ulp = hi - lo;
    if (ulp == Double.POSITIVE_INFINITY) {
      return Double.NaN; // between the largest value and the overflow threshold
    }
    return Math.abs(a - (lo + 0.5 * ulp)) / ulp;
  }

  /**
   * The error of {@link #distance} in ulps of t when y is within {@code bound} of the exact value:
   * bound over the smaller of the ulps at a's two neighbours (so a z across a power of two is
   * covered too), rounded up.
   */
  public static double error(double y, double bound, Dtype t) {
    double a = Math.abs(y);
    double lo = floor(a, t);
    double below = lo > 0 ? lo - Rounding.next(lo, t, false) : Rounding.next(0.0, t, true);
    double ulp = Math.min(below, Rounding.next(lo, t, true) - lo);
    return bound / ulp * (1 + 0x1p-50);
  }

  /** The largest value of t at most a (a >= 0). */
  static double floor(double a, Dtype t) {
    double r = t == Dtype.FLOAT32 ? (float) a : Rounding.round(a, t);
    return r > a ? Rounding.next(r, t, false) : r;
  }

  /** Where the format rounds to infinity: its largest value plus half an ulp. */
  static double overflow(Dtype t) {
    return switch (t) {
      case FLOAT32 -> Float.MAX_VALUE + 0x1p103;
      case FLOAT16 -> 65504 + 16;
      case BFLOAT16 -> 0x1.fep127 + 0x1p119;
      case FLOAT64 -> throw new IllegalArgumentException("float64 has no wider estimate here");
    };
  }
}
