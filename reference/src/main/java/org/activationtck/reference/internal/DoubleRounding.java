package org.activationtck.reference.internal;

import org.activationtck.spi.API;

/**
 * The last step of every reference kernel that computes more than a double: turning hi + lo (hi
 * the nearest double to the value, lo the remainder or just its sign) into the double the caller
 * receives, for the dtype the caller will round it to.
 *
 * <p>Why two answers: the TCK narrows the double result once more to float32, float16 or
 * bfloat16. A double that lands exactly on a rounding midpoint of the narrow format while the true
 * value lies off it then ties to even, possibly the wrong way: sigma(1.5 * 2^-22) = 0.5 + 1.5 *
 * 2^-24 - 1e-21 rounds to the float32 midpoint 0.5 + 1.5 * 2^-24 in double. So
 * <ul>
 *   <li>float64: hi, the nearest double (0.5 ulp);
 *   <li>narrower: hi + lo rounded <em>to odd</em> ({@link #toOdd}): a value rounded to odd in a
 *       format with at least two more bits than the target never lies on a target midpoint
 *       unless the true value does, so rounding it to the target is correct (Boldo and Melquiond,
 *       "Emulation of FMA and correctly rounded sums: proved algorithms using rounding to odd",
 *       IEEE TC 2008). A double has 53 bits, float32 24: the condition holds for every narrow
 *       dtype, subnormal results of the narrow formats included (their doubles are normal).
 *       Off the exact value it costs float64 up to 1 ulp, which is why float64 does not use it.
 * </ul>
 * Kernels that only know the nearest double and the sign of the remainder pass that sign as lo.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DoubleRounding {

  private DoubleRounding() {}

  /**
   * The result for a value hi + lo, hi the nearest double: hi for {@link FinalRounding#NEAREST}
   * (float64), else {@link #toOdd}(hi, lo).
   */
  public static double finish(double hi, double lo, FinalRounding rounding) {
    return rounding.toOdd() ? toOdd(hi, lo) : hi;
  }

  /**
   * (nh + nl) / (dh + dl) rounded once for the dtype ({@link #finish}), for double-doubles with
   * |nl| <= ulp(nh), |dl| <= ulp(dh) and dh != 0: q = nh / dh, then one correction (nh - q dh
   * exact by fma, plus the low parts) gives the quotient to about 2^-104 relative. A zero or
   * infinite q is returned as it is.
   */
  public static double quotient(double nh, double nl, double dh, double dl, FinalRounding rounding) {
    double q = nh / dh;
    if (q == 0 || Double.isInfinite(q) || q != q) {
      return q;
    }
    double c = (Math.fma(-q, dh, nh) + nl - q * dl) / dh;
    double r = q + c;
    return finish(r, c - (r - q), rounding);
  }

  /**
   * hi + lo rounded to odd, given hi the nearest double (or a double with hi + lo on the same side
   * of every neighbour) and the sign of lo: hi when lo = 0 or hi's last significand bit is 1, else
   * the neighbour of hi towards lo. Infinite, NaN and zero hi are returned as they are.
   */
  public static double toOdd(double hi, double lo) {
    if (lo == 0 || lo != lo || hi == 0 || Double.isInfinite(hi) || hi != hi
        || (Double.doubleToRawLongBits(hi) & 1L) != 0) {
      return hi;
    }
    return lo > 0 ? Math.nextUp(hi) : Math.nextDown(hi);
  }

  /**
   * (h + l) * 2^-scale rounded once to nearest (ties to even), for a double-double h + l
   * (|l| <= ulp(h)) whose scaled value may be subnormal, where Math.scalb(h + l, -scale) would
   * round twice. Method: r = scalb(h, -scale) rounds h to the subnormal grid; r * 2^scale is
   * exact, and so is h minus it (Sterbenz), so rem = (h - r 2^scale) + l is the remainder to
   * about 2^-100; r moves one step towards it when |rem| exceeds half the grid spacing 2^(-1074 +
   * scale) (and on an exact tie when r is odd). Narrow dtypes need no rounding to odd here: a
   * subnormal double is zero in all of them. scale >= 0; results that stay normal are h's rounding.
   */
  public static double scaleDown(double h, double l, int scale) {
    double r = Math.scalb(h, -scale);
    if (Math.abs(r) >= Double.MIN_NORMAL || l != l || Double.isInfinite(h)) {
      return Math.scalb(h + l, -scale);
    }
    double rem = (h - Math.scalb(r, scale)) + l;
    double half = Math.scalb(Double.MIN_VALUE, scale - 1);
    double a = Math.abs(rem);
    boolean odd = (Double.doubleToRawLongBits(r) & 1L) != 0;
    if (a > half || (a == half && odd)) {
      return rem > 0 ? Math.nextUp(r) : Math.nextDown(r);
    }
    return r;
  }

  /**
   * x/2 + c x^2 rounded, for |x| < 2^-60 and any 0 < c < 1: c x^2 is below a quarter ulp of x/2,
   * so it only breaks ties, toward +Infinity (subnormal x), or acts as the sticky bit of the
   * rounding to odd. ±0 keep their sign.
   */
  public static double halfPlusSquare(double x, FinalRounding rounding) {
    double h = x * 0.5;
    if (h * 2 == x) {
      // exact: the true value lies just above h (a sticky bit for rounding to odd)
      return DoubleRounding.finish(h, 1, rounding);
    }
    return Math.copySign((x + Double.MIN_VALUE) * 0.5, x);
  }

  /**
   * 1/2 + c x + r rounded, for |x| < 2^-60, 0 < c < 2 and |r| < |c x| / 2 (a derivative f'(x) =
   * 1/2 + f''(0) x + O(x^2) near 0): |c x + r| < 2^-58, below half an ulp of 1/2 on either side
   * (2^-55 below it, 2^-54 above), so the nearest double is 1/2 and the sign of x, which is the
   * sign of c x + r, is the sticky bit of the rounding to odd. x = ±0 gives 1/2 exactly.
   */
  public static double halfPlusLinear(double x, FinalRounding rounding) {
    return finish(0.5, x, rounding);
  }
}
