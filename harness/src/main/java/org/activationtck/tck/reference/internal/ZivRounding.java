package org.activationtck.tck.reference.internal;

import org.activationtck.spec.API;

/**
 * Ziv's rounding test for double-double fast paths: given an approximation hi + lo of a value f
 * with a proved absolute error bound, either the result f rounds to for the caller's dtype, or
 * NaN when the bound does not decide it (the caller then runs its accurate path). Both tests fail
 * only when f lies within about err of a midpoint (nearest) or of a double (to odd).
 *
 * <p>float64 (to nearest): rounding to nearest is monotone, so if hi + (lo - e) and hi + (lo + e)
 * round to the same double, every point between them does, f included. The bound err is
 * widened to e = 1.25 err + 2^-50 |lo| before use: the roundings of lo - e and lo + e (at most
 * 2^-53 of |lo| + e each) then cannot pull either end inside [hi + lo - err, hi + lo + err].
 *
 * <p>Narrow dtypes (rounding to odd, see {@link DoubleRounding}): h = hi + lo rounded to
 * nearest and r = lo - (h - hi), exact (Fast2Sum, |lo| <= |hi|). When |r| > 1.25 err (the factor
 * covering the rounding of err itself), f - h is nonzero with r's sign, and |f - h| <= |r| + err
 * stays below the spacing towards r (|r| is at most half of it: a quarter of ulp(h) below a power
 * of two), so f lies strictly between h and its neighbour towards r, and its rounding to odd is
 * {@link DoubleRounding#toOdd}(h, r), computed here without branches.
 *
 * <p>Callers use it away from zero and overflow (a zero result's sign is not decided here); the
 * to-odd test never decides zero or subnormal values.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ZivRounding {

  private ZivRounding() {}

  /**
   * f rounded for the dtype (to nearest when {@code toOdd} is false, else to odd), given
   * |hi + lo - f| <= err and |lo| <= ulp(hi); NaN when the bound does not decide it.
   */
  public static double round(double hi, double lo, double err, boolean toOdd) {
    return toOdd ? toOdd(hi, lo, err) : nearest(hi, lo, err);
  }

  /** The nearest double to f, or NaN when [hi + lo - err, hi + lo + err] straddles a midpoint. */
  public static double nearest(double hi, double lo, double err) {
    double e = 1.25 * err + 0x1p-50 * Math.abs(lo);
    double down = hi + (lo - e);
    double up = hi + (lo + e);
    return down == up ? down : Double.NaN;
  }

  /** f rounded to odd, or NaN when f may be the double nearest to hi + lo. */
  public static double toOdd(double hi, double lo, double err) {
    double h = hi + lo;
    double r = lo - (h - hi);
    boolean decided = Math.abs(r) > 1.25 * err & Math.abs(h) >= Double.MIN_NORMAL;
    // DoubleRounding.toOdd(h, r) without its branch on the last bit (a coin flip for random
    // inputs): an even h moves one step in its encoding, up in magnitude when r has h's sign.
    long bits = Double.doubleToRawLongBits(h);
    long step = ((Double.doubleToRawLongBits(r) ^ bits) >> 63) | 1;
    double odd = Double.longBitsToDouble(bits + (~bits & 1) * step);
    return decided ? odd : Double.NaN;
  }
}
