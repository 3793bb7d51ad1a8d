package org.activationtck.reference.internal;

import org.activationtck.spi.API;

/**
 * Ziv's test for fast paths of kernels that round to odd (the narrow dtypes, see
 * {@link DoubleRounding}): given an approximation hi + lo of a value f with an absolute error
 * bound, f rounded to odd, or NaN when the bound does not decide it.
 *
 * <p>Why not {@link NarrowShortcut}: that test needs an interval free of float32 values, and
 * fails wherever f lies a whisker off a float32 value, which is common in saturating tails (gelu
 * x (1 - E) for x >= 8.5, tanh_shrink |x| - 1 + 2E for |x| >= 17: every float32 input there);
 * rounding to odd only needs an interval free of doubles.
 *
 * <p>Argument: h = hi + lo rounded to nearest and r = lo - (h - hi), exact (Fast2Sum, |lo| <=
 * |hi|). When |r| > 1.25 err (the factor covering the rounding of err itself), f - h is nonzero
 * with r's sign, and |f - h| <= |r| + err < 2 |r| stays below the spacing towards r (|r| is at
 * most half of it: a quarter of ulp(h) below a power of two), so f lies strictly between h and
 * its neighbour towards r, and its rounding to odd is {@link DoubleRounding#toOdd}(h, r),
 * computed here without branches. It fails only when f lies within about err of a double; it
 * never decides zero or subnormal values.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ToOddShortcut {

  private ToOddShortcut() {}

  /** f rounded to odd, given |hi + lo - f| <= err and |lo| <= |hi|; NaN when undecided. */
  public static double round(double hi, double lo, double err) {
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
