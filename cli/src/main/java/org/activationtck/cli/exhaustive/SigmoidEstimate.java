package org.activationtck.cli.exhaustive;

import org.activationtck.spi.API;

/**
 * sigma(x) = 1/(1 + e^-x) in plain double, with a proven relative error bound of 2^-50, for the
 * first tier of {@link Float32Truth}.
 *
 * <p>Formula: with a = |x| and e = StrictMath.exp(-a), y = 1/(1 + e) for x >= 0 and
 * y = e/(1 + e) for x < 0 (no cancellation: every term is positive). StrictMath.exp is fdlibm's
 * e_exp.c, whose error analysis bounds the error below 1 ulp; it is a different code path from
 * the HotSpot Math.exp intrinsic that the reference's float32 kernel uses, so the sweep of the
 * reference does not compare one computation with itself.
 *
 * <p>Bound. Let E = e^-a exactly, and write each rounding as a factor (1 + d) with |d| <= u =
 * 2^-53 (round to nearest, normal results).
 * <ul>
 *   <li>e = E (1 + d1) with |d1| <= 2u (under 1 ulp, and an ulp of a normal double is at most 2u
 *       of it). E is normal for a <= 700 (E >= e^-700 > 2^-1010).
 *   <li>s = (1 + e)(1 + d2): 1 + e = (1 + E)(1 + d1 E/(1 + E)), and E/(1 + E) <= 1/2, so the
 *       sum's relative error is within (1 + u)(1 + u) - 1.
 *   <li>y = n/s (1 + d3) with n = 1 or n = e.
 * </ul>
 * For x >= 0: y = sigma(x) (1 + d3)/((1 + d1')(1 + d2)) with |d1'|, |d2|, |d3| <= u: relative
 * error at most 3u/(1 - 2u) < 3.001 u. For x < 0 the numerator adds |d1| <= 2u: at most 5u/(1 -
 * 2u) < 5.001 u. Relative to y instead of the exact value that is at most 5.001 u/(1 - 5.001 u)
 * < 5.002 u = 0.6253 * 2^-50 < 2^-50. For x > 700 (+Infinity included), e = 0 or a subnormal
 * within 2^-1074 of E: 1 + e is then 1 exactly or within u, and the same 3u bound holds. For
 * x < -700, where e may be subnormal and the relative bound fails, the result is below
 * e^-700 < 2^-1009: the estimate is +0.0 (negligible, see {@link FastEstimate}). NaN has no
 * estimate (NaN): the next tier decides.
 *
 * <p>Stateless, thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SigmoidEstimate implements FastEstimate {

  /** Below this x, e^-|x| may be subnormal: the estimate is +0.0 (sigma(x) < 2^-1009). */
  static final double LOWEST = -700;

  /** The derived bound, 5.002 * 2^-53, rounded up to a power of two (see the class comment). */
  static final double BOUND = 0x1p-50;

  @Override
  public double estimate(double x) {
    if (x != x) {
      return x;
    }
    if (x < LOWEST) {
      return 0.0;
    }
    double a = Math.abs(x);
    double e = StrictMath.exp(-a);
    return (x >= 0 ? 1 : e) / (1 + e);
  }

  @Override
  public double relativeBound() {
    return BOUND;
  }
}
