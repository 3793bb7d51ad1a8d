package org.activationtck.oracle.function;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.activationtck.oracle.AxisFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Exp;
import org.activationtck.oracle.internal.Logistic;

/**
 * glu: for x = [a, b] of even length 2n, y_i = a_i * sigmoid(b_i), i < n.
 *
 * <p>Method: a_i is exact; sigmoid(b_i) from {@link Logistic} to relative 10^-(d+1); the product
 * is rounded once at d + 2 digits. Error bound: 10^-(d+1) + 10^-(d+1)/2 < 10^-d.
 *
 * <p>Special cases (catalog glu.nonfinite, glu.zero_sign): NaN in a_i or b_i: NaN. b_i = +Infinity:
 * a_i exactly. b_i = -Infinity: a zero with the sign of a_i, NaN for infinite a_i. a_i = ±Infinity
 * with finite b_i: ±Infinity. a_i = ±0.0: ±0.0. b_i = 0: a_i / 2 exactly. sigmoid(b) is rational
 * only at b = 0, so no other product is exact.
 *
 * <p>Thresholds: b_i < -4.9 * 10^9 gives |a_i| sigmoid(b_i) < 2^1024 e^(-4.9 * 10^9) < 2^-1100: TINY with the
 * sign of a_i. Large positive b_i is handled by Logistic (1 within 10^-(d+2)).
 *
 * @throws IllegalArgumentException for an odd length (catalog glu.odd_length)
 */
public final class Glu implements AxisFunction {

  private static final BigDecimal HALF = new BigDecimal("0.5");

  @Override
  public Real[] value(double[] x, Params p, int digits) {
    if (x.length % 2 != 0) {
      throw new IllegalArgumentException("glu: the length along the axis must be even to split it"
          + " in two halves, got " + x.length);
    }
    int n = x.length / 2;
    Real[] y = new Real[n];
    for (int i = 0; i < n; i++) {
      y[i] = gated(x[i], x[n + i], digits);
    }
    return y;
  }

  private static Real gated(double a, double b, int digits) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Real.NAN;
    }
    boolean negative = Double.doubleToRawLongBits(a) < 0;
    if (b == Double.NEGATIVE_INFINITY) {
      return Double.isInfinite(a) ? Real.NAN : Real.zero(negative);
    }
    if (Double.isInfinite(a)) {
      return Real.infinity(negative);
    }
    if (a == 0) {
      return Real.zero(negative);
    }
    BigDecimal ba = new BigDecimal(a);
    if (b == Double.POSITIVE_INFINITY) {
      return Real.exact(ba);
    }
    if (b == 0) {
      return Real.exact(ba.multiply(HALF));
    }
    BigDecimal bb = new BigDecimal(b);
    if (bb.compareTo(Exp.MAX_ARGUMENT.negate()) < 0) {
      return Real.tiny(negative);
    }
    BigDecimal sigma = Logistic.sigmoid(bb, digits + 1);
    return Real.approx(ba.multiply(sigma, new MathContext(digits + 2, RoundingMode.HALF_EVEN)),
        digits);
  }
}
