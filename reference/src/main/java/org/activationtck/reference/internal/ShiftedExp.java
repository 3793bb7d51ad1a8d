package org.activationtck.reference.internal;

import org.activationtck.spi.API;

/**
 * e^(sign x_i - shift) as double-doubles written into two arrays, allocation-free, for the fast
 * paths of the axis references (softmax, softmin, log_softmax, glu): their arguments are shifted
 * logits whose difference is rounded, so the exponential must take the difference's low part.
 *
 * <p>Method: d + dl = sign x_i - shift exactly (TwoSum; |dl| <= ulp(d)/2); e^d = h + l by
 * {@link FastExpDoubleDouble#exp} (relative error below its EXP_ERROR = 2^-77 on [-680, 709]);
 * e^(d + dl) = e^d (1 + dl + theta) with |theta| <= dl^2 <= 2^-88 for |d| <= 680 (|dl| <=
 * ulp(680)/2 = 2^-44); h dl + l by one fma (rounding below 2^-53 x 2^-43 = 2^-96 relative; the
 * dropped l dl is below 2^-97), renormalized by FastTwoSum (|h| > |l|, so |lo| <= ulp(hi)/2).
 *
 * <p>Error bound: |hi + lo - e^(sign x_i - shift)| <= {@link #RELATIVE_ERROR} e^(...) with
 * RELATIVE_ERROR = 2^-77 (1 + 2^-8) > 2^-77 + 2^-88 + 2^-95, for differences in [-680, 0].
 * Differences below -680 (terms under 2^-981) give hi = lo = 0: callers bound what that drops
 * from a sum and route such elements' own results to their exact paths. Held against the oracle by
 * ShiftedExpTest.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ShiftedExp {

  /** Relative error bound of hi + lo for differences in [-680, 0] (see the class comment). */
  public static final double RELATIVE_ERROR = 0x1.01p-77;

  /** Below this difference the term is set to 0 (FastExpDoubleDouble's domain ends here). */
  public static final double LOWEST = FastExpDoubleDouble.EXP_LOW;

  private ShiftedExp() {}

  /**
   * Writes e^(sign x_i - shift) to hi[i] + lo[i] for from <= i < to, for sign = 1 or -1 and
   * finite differences sign x_i - shift <= 0 (see the class comment; 0 below {@link #LOWEST}, and
   * also for a NaN difference).
   */
  public static void shifted(double[] x, double sign, double shift, double[] hi, double[] lo,
      int from, int to) {
    for (int i = from; i < to; i++) {
      double v = sign * x[i];
      double d = v - shift;
      double dv = d - v;
      double dl = (v - (d - dv)) + (-shift - dv); // TwoSum error of v - shift
      double h = FastExpDoubleDouble.exp(d, lo, i); // NaN outside [-680, 709]
      double l = Math.fma(h, dl, lo[i]);
      double s = h + l;
      boolean inDomain = d >= LOWEST;
      hi[i] = inDomain ? s : 0;
      lo[i] = inDomain ? l - (s - h) : 0;
    }
  }
}
