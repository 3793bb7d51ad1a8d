package org.activationtck.reference.internal;

import org.activationtck.spi.API;

/**
 * Ziv's shortcut for the narrow dtypes: a plain double computation is good enough whenever its
 * error bound keeps it away from every place where rounding to float32, float16 or bfloat16
 * changes its answer; only the rest need the double-double path.
 *
 * <p>Argument. Rounding to nearest in a format F is monotone and constant between F's rounding
 * boundaries (its midpoints and the overflow threshold). For float32, float16 and bfloat16 every
 * such boundary is a float32 value or a float32 midpoint (16-bit values and midpoints, subnormal
 * ones included, are float32 values; float32's own midpoints are its boundaries). So if the
 * interval [y - b, y + b] around an approximation y with |y - exact| <= b contains no float32
 * value and lies between two float32 boundaries, every point of it, the exact value included,
 * rounds to the same value in each narrow format as y does: the kernel may return y. About
 * 2^-25 of random inputs fail the test (b relative 2^-48 against a spacing of 2^-25 relative).
 *
 * <p>The test on y's bits, with integer operations only (no conversion to float, no
 * data-dependent branch: a tenth of the cost of comparing float roundings in a hot loop). For a
 * normal double y with exponent e, ulp(y) = 2^(e-52); in y's binade the float32 values and
 * midpoints are the multiples of 2^(e-24), that is of 2^28 ulps, in the significand; below
 * float32's normal range (e < -126) they are multiples of 2^-150, a coarser grid of multiples of
 * 2^28 ulps; the binade's ends (powers of two) are multiples too, and so are the overflow
 * thresholds (float32's a midpoint, float16's 65520 a float32). With |v - y| <= B |y| <
 * B 2^(e+1) = B 2^53 ulps <= K - 1 ulps, v and y round alike in every narrow dtype when the low 28
 * bits m of y's significand lie more than K from 0 and from 2^28: ((m + K) mod 2^28) > 2K. Zero
 * and infinities have m = 0 and fail; NaN is excluded by its exponent; so is a subnormal y, where
 * the bound in ulps does not hold.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NarrowShortcut {

  private static final long LOW_28 = (1L << 28) - 1;
  private static final long EXPONENT = 0x7ff0000000000000L;

  private NarrowShortcut() {}

  /**
   * Whether y may stand for a value within {@code relativeBound * |y|} of it when rounded to any
   * narrow dtype (see the class comment); relativeBound <= 2^-40. Branch-free; false for zero,
   * subnormal, infinite and NaN y.
   */
  public static boolean decides(double y, double relativeBound) {
    return decidesWithin(y, margin(relativeBound));
  }

  /** K of the class comment for a relative bound: the margin, in ulps of y, of {@link #decidesWithin}. */
  public static long margin(double relativeBound) {
    return (long) (relativeBound * 0x1p53) + 2;
  }

  /**
   * {@link #decides}(y, b) for k = {@link #margin}(b): for loops that compute k once (where C2
   * does not see the bound as a constant, the conversion costs about a tenth of a nanosecond per
   * element).
   */
  public static boolean decidesWithin(double y, long k) {
    long bits = Double.doubleToRawLongBits(y);
    long exponent = bits & EXPONENT;
    return (((bits + k) & LOW_28) > 2 * k) & (exponent != EXPONENT) & (exponent != 0);
  }
}
