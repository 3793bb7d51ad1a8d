package org.activationtck.tck.reference.function;

import org.activationtck.tck.reference.internal.DoubleRounding;

/**
 * The float[] forms of kernels bound for a narrow dtype without rounding to odd in the loop:
 * those kernels return {@link DoubleRounding#toOdd}(r, lo) for the nearest double r and a residual
 * lo, which costs a data-dependent branch per element. Narrowing r itself gives the same float
 * unless r is a float32 rounding boundary, so the loop computes r and marks only those.
 *
 * <p>Argument. toOdd(r, lo) is r or the neighbour r' of r towards lo, and r' is odd (last
 * significand bit 1). Rounding to float32 changes value only at a boundary: a float32 midpoint
 * or the overflow threshold 2^128 - 2^103. Every boundary is a double with at most 25
 * significant bits (subnormal float32 midpoints, odd multiples of 2^-150, included), so it is
 * even: r' is never one, and no double lies strictly between r and r'. Hence (float) r' =
 * (float) r unless r is a boundary. Test: r is a normal-range boundary iff it has 25 significant
 * bits but not 24, seen from Veltkamp's splitting (c = r (2^s + 1), r - (c - (c - r)) is zero
 * iff r fits 53 - s bits; exact unless c overflows, which |r| > 2^994 makes NaN and so marked);
 * below 2^-126 float32's grid is fixed and coarser, so every nonzero r there is marked (the
 * zeros are returned as they are by toOdd). Marked elements are rare: a result with exactly 25
 * significant bits, or a nonzero one below 2^-126.
 */
final class NarrowingCheck {

  private NarrowingCheck() {}

  private static final double SPLIT_24 = 0x1p29 + 1;
  private static final double SPLIT_25 = 0x1p28 + 1;

  /**
   * r, or -Infinity or NaN if r may narrow differently from its rounding to odd or if also = 1
   * (a caller's own reason to redo the element); also is 0 or 1.
   */
  static double mark(double r, double also) {
    double a = Math.abs(r);
    double c24 = a * SPLIT_24;
    double off24 = a - (c24 - (c24 - a));
    double c25 = a * SPLIT_25;
    double off25 = a - (c25 - (c25 - a));
    double boundary = (1 - Step.positive(Math.abs(off25))) * Step.positive(Math.abs(off24));
    double tiny = Step.positive(0x1p-126 - a) * Step.positive(a);
    double marked = Math.max(Math.max(boundary, tiny), also);
    // marked = 0: r + (-0.0) is r, either zero included; marked = 1: r - Infinity.
    return r + marked * -0x1p1023 * 0x1p1023;
  }
}
