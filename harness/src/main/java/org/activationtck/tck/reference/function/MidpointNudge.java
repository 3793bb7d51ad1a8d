package org.activationtck.tck.reference.function;

/**
 * Guards the references against double rounding in the narrower formats: the TCK rounds the
 * float64 result once more to float32, float16 or bfloat16, which goes wrong exactly when the
 * double lands on a rounding midpoint of that format while the true value lies off it. Given the
 * double q and the sign of the residual v - q, {@link #fix} nudges q one ulp toward v when q is a
 * midpoint of any of the three formats, so that the second rounding goes the right way.
 *
 * <p>Error: q moves toward v, so |q' - v| = ulp(q) - |q - v| <= 1 ulp: the float64 contract
 * (within 1 ulp) still holds. A format in which q is representable is unaffected: v, q and q'
 * all round to q there, one float64 ulp being far below half of its ulp.
 */
final class MidpointNudge {

  private MidpointNudge() {}

  /** Significand bits and minimum normal exponent of float32, float16 and bfloat16. */
  private static final int[][] NARROW_FORMATS = {{24, -126}, {11, -14}, {8, -126}};

  /**
   * @param q a double within half an ulp of the true value v (or equal to it)
   * @param residual a double with the sign of v - q (0 when q is exact)
   */
  static double fix(double q, double residual) {
    if (residual == 0 || q == 0 || Double.isInfinite(q) || Double.isNaN(q)) {
      return q;
    }
    for (int[] format : NARROW_FORMATS) {
      if (isMidpoint(q, format[0], format[1])) {
        return residual > 0 ? Math.nextUp(q) : Math.nextDown(q);
      }
    }
    return q;
  }

  /**
   * Whether q lies halfway between two neighbours of a format with p significand bits and
   * minimum normal exponent emin: with the format's quantum 2^k at q (k = max(e, emin) - p + 1),
   * q / 2^(k-1) is an odd integer. Doubles above the format's range are not checked (they
   * overflow there whatever the nudge).
   */
  private static boolean isMidpoint(double q, int p, int emin) {
    int e = Math.getExponent(q);
    int k = Math.max(e, emin) - p + 1;
    double t = Math.scalb(Math.abs(q), 1 - k);     // exact: a power-of-two scaling
    return t < 0x1p53 && t == Math.rint(t) && t % 2 == 1;
  }

  /** The rounding error of a + b: a + b = s + err(a, b, s) exactly (Knuth's TwoSum). */
  static double twoSumError(double a, double b, double s) {
    double bv = s - a;
    double av = s - bv;
    return (a - av) + (b - bv);
  }

  /**
   * (hi + lo) / 6 for a double-double hi + lo with |lo| <= ulp(hi): q = hi / 6 rounded, its
   * remainder hi - 6q exact by fma (the remainder of a correctly rounded quotient is
   * representable), then q + (remainder + lo) / 6. The correction is below ulp(q) and carries
   * relative error ~2^-52, so the sum is within 0.5 ulp + 2^-52 ulp of the value, and the
   * computed residual has the right sign whenever the value is not exactly representable (its
   * distance from a float32 midpoint is then far above 2^-52 ulp; see the callers).
   */
  static double sixth(double hi, double lo) {
    double q = hi / 6;
    double remainder = Math.fma(-q, 6, hi);
    double correction = (remainder + lo) / 6;
    double result = q + correction;
    double residual = (q - result) + correction;
    return fix(result, residual);
  }
}
