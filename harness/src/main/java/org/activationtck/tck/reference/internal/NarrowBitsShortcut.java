package org.activationtck.tck.reference.internal;

import org.activationtck.spec.API;

/**
 * The test of {@link NarrowShortcut} on the double's bits, with integer operations only (no
 * conversion to float, about a tenth of the cost in a hot loop): whether every value within a
 * relative bound of y rounds in float32, float16 and bfloat16 as y does.
 *
 * <p>Argument. Every rounding boundary of the narrow dtypes is a float32 value or a float32
 * midpoint (see {@link NarrowShortcut}). For a normal double y with exponent e, ulp(y) = 2^(e-52),
 * and in y's binade those boundaries are the multiples of 2^(e-24), that is of 2^28 ulps, in the
 * double's significand; below float32's normal range (e < -126) they are multiples of 2^-150, a
 * coarser grid of multiples of 2^28 ulps; the binade's ends (powers of two) are multiples too,
 * and so are the overflow thresholds (float32: a midpoint; float16: 65520 a float32). With
 * |v - y| <= B |y| < B 2^(e+1) = B 2^53 ulps <= K - 1 ulps, v and y round alike in every narrow
 * dtype when the low 28 bits m of y's significand bits lie more than K from 0 and from 2^28 (no
 * boundary in [y - (K - 1) ulp, y + (K - 1) ulp], and rounding is monotone): ((m + K) mod 2^28) >
 * 2K. Zero and infinities have m = 0 and fail; NaN is excluded by its exponent; a subnormal y
 * (ulps of 2^-1074) is excluded too, as the bound in ulps does not hold there.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NarrowBitsShortcut {

  private static final long LOW_28 = (1L << 28) - 1;
  private static final long EXPONENT = 0x7ff0000000000000L;

  private NarrowBitsShortcut() {}

  /**
   * Whether y may stand for a value within {@code relativeBound * |y|} of it when rounded to any
   * narrow dtype; relativeBound <= 2^-40. Branch-free; false for zero, subnormal, infinite and
   * NaN y.
   */
  public static boolean decides(double y, double relativeBound) {
    long bits = Double.doubleToRawLongBits(y);
    long k = (long) (relativeBound * 0x1p53) + 2;
    long exponent = bits & EXPONENT;
    return (((bits + k) & LOW_28) > 2 * k) & (exponent != EXPONENT) & (exponent != 0);
  }
}
