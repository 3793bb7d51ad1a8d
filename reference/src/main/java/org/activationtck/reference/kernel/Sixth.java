package org.activationtck.reference.kernel;

import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.FinalRounding;

/**
 * (hi + lo) / 6 rounded once for the dtype, for hard_sigmoid and hard_silu, whose results are
 * rational: (x + 3) / 6 and x (x + 3) / 6. Division by 6 is not exact, so naive code rounds
 * twice.
 *
 * <p>Method: q = hi * fl(1/6), within an ulp of hi / 6 (two roundings of relative 2^-53 each);
 * its remainder hi - 6q is exact by fma (at most 6 ulp(q) in magnitude and a multiple of
 * ulp(q) / 2, so a few bits); then q + (remainder + lo) / 6. The correction is below 1.01 ulp(q)
 * and carries relative error 2^-52 (the sum and the division), so the sum is within
 * 0.5 ulp + 2^-52 ulp of the value: correctly rounded unless the value lies within 2^-52 ulp
 * of a midpoint. For hard_sigmoid's (x + 3) / 6 that distance is |x - (6 mu - 3)| / 6 >=
 * ulp(x) / 6 for a midpoint mu, enough for |x| >= 2^-50; for smaller x it is not proved here,
 * and SixthTest checks arguments within an ulp of such midpoints down to |x| = 2^-60 (the
 * narrow dtypes are proved: see HardSigmoid). The result goes through {@link DoubleRounding#finish}.
 * {@link #nearest} is the same arithmetic without the residual, straight-line for the
 * vectorized loops; {@link #of} returns exactly it when not rounding to odd. (q is a product, not
 * hi / 6: with two divisions per element C2 on JDK 17 kept the steady-state loop scalar, about
 * ten times slower.)
 */
public final class Sixth {

  private Sixth() {}

  /** fl(1/6) = 0x1.5555555555555p-3. */
  private static final double ONE_SIXTH = 1.0 / 6;

  /** (hi + lo) / 6 for a double-double hi + lo with |lo| <= ulp(hi). */
  public static double of(double hi, double lo, FinalRounding rounding) {
    double q = hi * ONE_SIXTH;
    double remainder = Math.fma(-q, 6, hi);
    double correction = (remainder + lo) / 6;
    double result = q + correction;
    double residual = (q - result) + correction;
    return DoubleRounding.finish(result, residual, rounding);
  }

  /** {@link #of}(hi, lo, false): the nearest double to (hi + lo) / 6 (within the bound above). */
  public static double nearest(double hi, double lo) {
    double q = hi * ONE_SIXTH;
    double remainder = Math.fma(-q, 6, hi);
    return q + (remainder + lo) / 6;
  }
}
