package org.activationtck.tck.reference.internal;

import org.activationtck.spec.API;

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
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NarrowShortcut {

  private NarrowShortcut() {}

  /**
   * Whether y may stand for a value within {@code relativeBound * |y|} of it when rounded to any
   * narrow dtype (see the class comment). False for zero, subnormal, infinite and NaN y.
   */
  public static boolean decides(double y, double relativeBound) {
    double a = Math.abs(y);
    if (!(a >= Double.MIN_NORMAL) || a == Double.POSITIVE_INFINITY) {
      return false;
    }
    // Widened by 2^-52 |y|: the roundings of y - b and y + b (at most ulp(y)/2 <= 2^-53 |y|
    // each) then never shrink the interval below [y - bound, y + bound].
    double b = a * (relativeBound + 0x1p-52);
    float f = (float) (y - b);
    // Both ends round to f (no float32 boundary inside), and f lies outside [y - b, y + b] (no
    // float32 value inside, which would be a 16-bit boundary); f - y is exact (Sterbenz: f is
    // y's float32 rounding or a neighbour of it). Each test is true for almost every input, so
    // its branch predicts well; the earlier form (f < lo) | (f > hi) asked two coin-flip
    // questions, and C2 compiled each to a branch (~13 ns per element in mispredictions).
    return (Float.floatToRawIntBits(f) == Float.floatToRawIntBits((float) (y + b)))
        & (Math.abs(f - y) > b);
  }
}
