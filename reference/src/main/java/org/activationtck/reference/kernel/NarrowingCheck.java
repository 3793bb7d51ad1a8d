package org.activationtck.reference.kernel;

import org.activationtck.reference.internal.DoubleRounding;

/**
 * The float[] forms of kernels bound for a narrow dtype without rounding to odd in the loop:
 * those kernels return {@link DoubleRounding#toOdd}(r, lo) for the nearest double r and a residual
 * lo, which costs a data-dependent branch per element. Narrowing r itself gives the same float
 * unless r is a float32 rounding boundary, so the vectorized loop computes r and a scalar pass
 * with a predictable branch picks out the rare risky ones for the scalar form.
 *
 * <p>Argument. toOdd(r, lo) is r or the neighbour r' of r towards lo, and r' is odd (last
 * significand bit 1). Rounding to float32 changes value only at a boundary: a float32 midpoint
 * or the overflow threshold 2^128 - 2^103. Every boundary is a double with at most 25
 * significant bits (subnormal float32 midpoints, odd multiples of 2^-150, included), so it is
 * even: r' is never one, and no double lies strictly between r and r'. Hence (float) r' =
 * (float) r unless r is a boundary. At or above 2^-126 the boundaries are exactly the doubles
 * whose 29 fraction bits below float32's 23 are 1 followed by 28 zeros (the overflow threshold
 * included); below 2^-126 float32's grid is fixed and coarser, so every nonzero r there is
 * risky (zeros are returned as they are by rounding); and NaN and the infinities are risky, so a
 * kernel can send any element to the scalar form by writing NaN.
 */
public final class NarrowingCheck {

  private NarrowingCheck() {}

  /** The 29 fraction bits below float32 precision, and their pattern at a float32 midpoint. */
  private static final long BELOW_FLOAT = (1L << 29) - 1;
  private static final long MIDPOINT = 1L << 28;

  /** Bit pattern of 2^-126 (Float.MIN_NORMAL) as a double, and of +Infinity. */
  private static final long FLOAT_MIN_NORMAL_BITS = 0x3810000000000000L;
  private static final long INFINITY_BITS = 0x7ff0000000000000L;

  /** Whether (float) r may differ from (float) toOdd(r, lo) for some lo, or r is NaN or infinite. */
  public static boolean risky(double r) {
    long bits = Double.doubleToRawLongBits(r) & Long.MAX_VALUE;
    // Non-short-circuit: three cheap tests beat a second and third branch.
    return ((bits & BELOW_FLOAT) == MIDPOINT)
        | (bits != 0 & bits < FLOAT_MIN_NORMAL_BITS)
        | (bits >= INFINITY_BITS);
  }
}
