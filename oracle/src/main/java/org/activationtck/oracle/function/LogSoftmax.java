package org.activationtck.oracle.function;

import java.math.BigDecimal;
import java.util.Arrays;
import org.activationtck.oracle.AxisFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Log1p;
import org.activationtck.oracle.internal.Precision;
import org.activationtck.oracle.internal.ShiftedExpSum;
import org.activationtck.oracle.internal.SoftmaxInput;

/**
 * log_softmax: y_i = x_i - log(sum_j e^(x_j)) along the axis.
 *
 * <p>Method: with m = max x and s = sum_{j != argmax} e^(x_j - m) >= 0 (from
 * {@link ShiftedExpSum}, relative to s itself, not to 1 + s),
 * y_i = (x_i - m) - log1p(s). Both terms are <= 0, so their sum has no cancellation. At the
 * maximum x_i - m = 0 and y_i = -log1p(s) exactly: the catastrophic cancellation of the textbook
 * form x_i - logsumexp(x) (two nearly equal large operands) never occurs, and a tiny s gives a
 * tiny, correctly signed, relatively accurate result.
 *
 * <p>Error bound: s to relative 10^-(d+3), log1p(s) then to 10^-(d+3) plus the propagated
 * 10^-(d+3) (d log1p(s)/ds * s / log1p(s) <= 1 for s >= 0); x_i - m is exact and rounded once to
 * d + 3 digits, the sum once more: in all below 4 * 10^-(d+3) < 10^-d.
 *
 * <p>Special cases (catalog log_softmax.*): NaN or +Infinity anywhere, or no finite element: all
 * NaN; -Infinity elements: -Infinity. s = 0 (one finite element equal to the maximum, the rest
 * -Infinity) gives exactly +0.0 there. s below 2^-1100 (all others more than {@link
 * org.activationtck.oracle.internal.Exp#MAX_ARGUMENT} = 4.9 * 10^9 below the maximum): the
 * maximum's value is TINY negative (rounds to -0.0), and for the others |x_i - m| > 4.9 * 10^9
 * dwarfs log1p(s) < 2^-1100, so x_i - m alone is within relative 10^-2000000000. Spreads below
 * that give the maximum's value its digits (-log1p(s) = -s (1 - s/2), s = 10^-2128000000 at
 * most).
 *
 * <p>Ties and the contract exception. x_i - m is often a rounding tie of the output format (a
 * difference of two floats needs one more bit), and only log1p(s) > 0 decides which way the true
 * value rounds. When log1p(s) >= 10^-(scale(x_i - m) + TIE_MARGIN) the difference is formed
 * exactly, at most about 9,000 digits, and its true accuracy claimed ({@link #nearMidpointSafe}).
 * Below that (spreads from about 17,000 up, and the TINY case above) carrying log1p(s) would
 * cost up to 434,000 digits or be impossible, so the result is one-sided ({@link Real#beside}):
 * strictly below x_i - m, by less than |x_i - m| 10^-digits (L < 10^-(scale + 6410) <=
 * |x_i - m| 10^-6410, and digits never exceed 6400), which is exactly what the truth is.
 */
public final class LogSoftmax implements AxisFunction {

  /** Digits carried by s, log1p(s) and the rounded difference beyond the request (bound above). */
  private static final int EXTRA = 3;

  /** Decimal places beyond d's own and beyond any decimal rounding the oracle does (6400). */
  static final int TIE_MARGIN = 6410;

  @Override
  public Real[] value(double[] x, Params p, int digits) {
    SoftmaxInput in = new SoftmaxInput(x);
    Real[] y = new Real[x.length];
    if (in.undefined) {
      Arrays.fill(y, Real.NAN);
      return y;
    }
    int w = digits + EXTRA;
    BigDecimal s = ShiftedExpSum.sumExcept(in.finite, in.argmax, in.max, w);
    BigDecimal log1p = s == null || s.signum() == 0 ? s : Log1p.log1p(s, w);
    for (int i = 0; i < x.length; i++) {
      if (in.finite[i] == null) {
        y[i] = Real.NEGATIVE_INFINITY;
        continue;
      }
      BigDecimal d = in.finite[i].subtract(in.max);
      if (d.signum() == 0) {
        if (s == null) {
          y[i] = Real.tiny(true);
        } else if (s.signum() == 0) {
          y[i] = Real.POSITIVE_ZERO;
        } else {
          y[i] = Real.approx(log1p.negate(), digits);
        }
      } else if (s == null || Precision.exponent10(log1p) < -(Math.max(d.scale(), 0) + TIE_MARGIN)) {
        y[i] = Real.beside(d, -1, digits); // d - log1p(s), log1p(s) < |d| 10^-6410
      } else {
        y[i] = nearMidpointSafe(d, log1p, w);
      }
    }
    return y;
  }

  /**
   * d - L for exact d < 0 and L = log1p(s) > 0 within relative 10^-w, with the accuracy claim
   * the exact difference really has. x_i - m is a difference of two doubles and may be a rounding
   * tie of the output format (it can need one bit more than the format has); the correction L can
   * be as small as e^-(10^6) relative to it, and only an interval narrower than L decides which
   * way the tie breaks. So the difference is formed exactly and its true relative error,
   * |dL| / |d - L| < 10^-w * 10^(e_L + 1) / 10^(e_v) = 10^-(w + e_v - e_L - 1) with e = floor(log10
   * |.|), is claimed; e_v >= e_L because both terms have the same sign, so the claim is at least
   * w - 1 >= digits + 2 digits.
   */

  private static Real nearMidpointSafe(BigDecimal d, BigDecimal log1p, int w) {
    BigDecimal v = d.subtract(log1p);
    long claimed = w + Precision.exponent10(v) - Precision.exponent10(log1p) - 1;
    return Real.approx(v, (int) Math.min(claimed, Integer.MAX_VALUE / 2));
  }
}