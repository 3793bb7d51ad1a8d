package org.activationtck.oracle.function;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import org.activationtck.oracle.AxisFunction;
import org.activationtck.oracle.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Log1p;
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
 * -Infinity) gives exactly +0.0 there. s below 2^-1100 (all others more than 10^6 below the
 * maximum): the maximum's value is TINY negative (rounds to -0.0), and for the others
 * |x_i - m| > 10^6 dwarfs log1p(s) < 2^-1100, so x_i - m alone is within relative 10^-400000.
 */
public final class LogSoftmax implements AxisFunction {

  /** Digits carried by s, log1p(s) and the rounded difference beyond the request (bound above). */
  private static final int EXTRA = 3;

  @Override
  public Real[] value(double[] x, Params p, int digits) {
    SoftmaxInput in = new SoftmaxInput(x);
    Real[] y = new Real[x.length];
    if (in.undefined) {
      Arrays.fill(y, Real.NAN);
      return y;
    }
    int w = digits + EXTRA;
    MathContext mc = new MathContext(w, RoundingMode.HALF_EVEN);
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
      } else if (s == null) {
        y[i] = Real.approx(d.round(mc), digits);
      } else {
        y[i] = Real.approx(d.round(mc).subtract(log1p, mc), digits);
      }
    }
    return y;
  }
}
