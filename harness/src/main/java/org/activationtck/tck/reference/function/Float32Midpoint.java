package org.activationtck.tck.reference.function;

/**
 * Guards the float32 contract of the references against double rounding: (float) of a correctly
 * rounded double is wrong exactly when the double lands on a float32 rounding midpoint while the
 * true value lies off it. Given the double q and the sign of the residual v - q, this nudges q one
 * ulp toward v in that case, so that (float) q rounds the right way.
 *
 * <p>Error: q moves toward v, so |q' - v| = ulp(q) - |q - v| <= 1 ulp: the float64 contract
 * (within 1 ulp) still holds.
 */
final class Float32Midpoint {

  private Float32Midpoint() {}

  /**
   * @param q a double within half an ulp of the true value v (or equal to it)
   * @param residual a double with the sign of v - q (0 when q is exact)
   */
  static double fix(double q, double residual) {
    if (residual == 0 || q == 0 || Double.isInfinite(q) || Double.isNaN(q)) {
      return q;
    }
    float f = (float) q;
    if (f == q || Float.isInfinite(f)) {
      return q;                               // a float32 value, or beyond float32's range
    }
    double neighbour = q > f ? Math.nextUp(f) : Math.nextDown(f);
    // f and its neighbour are float32, so their sum and half are exact in double.
    if (((double) f + neighbour) * 0.5 != q) {
      return q;
    }
    return residual > 0 ? Math.nextUp(q) : Math.nextDown(q);
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
