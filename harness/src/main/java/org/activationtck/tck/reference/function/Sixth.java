package org.activationtck.tck.reference.function;

import org.activationtck.tck.reference.internal.DoubleRounding;

/**
 * (hi + lo) / 6 rounded once for the dtype, for hard_sigmoid and hard_silu, whose results are
 * rational: (x + 3) / 6 and x (x + 3) / 6. Division by 6 is not exact, so naive code rounds
 * twice.
 *
 * <p>Method: q = hi / 6 rounded, its remainder hi - 6q exact by fma (the remainder of a correctly
 * rounded quotient is representable), then q + (remainder + lo) / 6. The correction is below
 * ulp(q) and carries relative error ~2^-52, so the sum is within 0.5 ulp + 2^-52 ulp of the value,
 * and the computed residual has the right sign whenever the value is not exactly representable
 * (its distance from a midpoint is then far above 2^-52 ulp: the value is a rational with
 * denominator 6 times a power of two). The result goes through {@link DoubleRounding#finish}.
 * {@link #nearest} is the same arithmetic without the residual, straight-line for the
 * vectorized loops; {@link #of} returns exactly it when not rounding to odd.
 */
final class Sixth {

  private Sixth() {}

  /** (hi + lo) / 6 for a double-double hi + lo with |lo| <= ulp(hi). */
  static double of(double hi, double lo, boolean toOdd) {
    double q = hi / 6;
    double remainder = Math.fma(-q, 6, hi);
    double correction = (remainder + lo) / 6;
    double result = q + correction;
    double residual = (q - result) + correction;
    return DoubleRounding.finish(result, residual, toOdd);
  }

  /** {@link #of}(hi, lo, false): the nearest double to (hi + lo) / 6 (within the bound above). */
  static double nearest(double hi, double lo) {
    double q = hi / 6;
    double remainder = Math.fma(-q, 6, hi);
    return q + (remainder + lo) / 6;
  }
}
