package org.activationtck.oracle.function;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.activationtck.oracle.AxisFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Exp;
import org.activationtck.oracle.internal.ShiftedExpSum;
import org.activationtck.oracle.internal.SoftmaxInput;

/**
 * softmax: y_i = e^(x_i) / sum_j e^(x_j) along the axis (the {@code axis} parameter selects the
 * vector and plays no part here).
 *
 * <p>Method: with m = max x (exact) and s = sum_{j != argmax} e^(x_j - m) from
 * {@link ShiftedExpSum}, y_i = e^(x_i - m) / (1 + s). 1 + s is rounded to d + 4 digits; s >= 0 so
 * there is no cancellation anywhere.
 *
 * <p>Error bound: s and e^(x_i - m) carry relative 10^-(d+2) each, the sum 1 + s and the
 * division one rounding each at d + 2 + DIVISION_GUARD digits (0.5 * 10^-(d+3) each), so y_i is
 * within 2.2 * 10^-(d+2) < 10^-d. When s is below 2^-1100 (every other element more than
 * {@link Exp#MAX_ARGUMENT} below the maximum) 1 + s is taken as 1: relative error below 2^-1100.
 *
 * <p>Special cases (catalog softmax.nonfinite.*): a NaN or +Infinity element, or no finite
 * element, makes every output NaN; -Infinity elements give +0.0. Exact results: when all finite
 * elements are equal each is 1/k for k finite elements (exact when 1/k terminates in decimal,
 * otherwise approximate: 1/k is then not dyadic, hence never a rounding tie); by
 * Lindemann–Weierstrass no other output is rational.
 *
 * <p>Thresholds: x_i - m < -{@link Exp#MAX_ARGUMENT} = -4.9 * 10^9 gives e^(x_i - m) / (1 + s) <
 * e^(-4.9 * 10^9) < 2^-1100: TINY (beyond the decimal exponents the oracle carries).
 */
public final class Softmax implements AxisFunction {

  /** Digits carried by the sum and the numerator beyond the request (bound above). */
  private static final int EXTRA = 2;

  /** Guard digits of the final division. */
  private static final int DIVISION_GUARD = 2;

  @Override
  public Real[] value(double[] x, Params p, int digits) {
    SoftmaxInput in = new SoftmaxInput(x);
    Real[] y = new Real[x.length];
    if (in.undefined) {
      java.util.Arrays.fill(y, Real.NAN);
      return y;
    }
    if (in.allEqual) {
      Real share = reciprocal(in.count, digits);
      for (int i = 0; i < x.length; i++) {
        y[i] = in.finite[i] == null ? Real.POSITIVE_ZERO : share;
      }
      return y;
    }
    BigDecimal s = ShiftedExpSum.sumExcept(in.finite, in.argmax, in.max, digits + EXTRA);
    MathContext mc = new MathContext(digits + EXTRA + DIVISION_GUARD, RoundingMode.HALF_EVEN);
    // rounded, not exact: s can be 10^-2128000000, and an exact 1 + s would carry every decimal
    BigDecimal denominator = s == null ? BigDecimal.ONE : BigDecimal.ONE.add(s, mc);
    for (int i = 0; i < x.length; i++) {
      if (in.finite[i] == null) {
        y[i] = Real.POSITIVE_ZERO;
        continue;
      }
      BigDecimal d = in.finite[i].subtract(in.max);
      if (d.compareTo(Exp.MAX_ARGUMENT.negate()) < 0) {
        y[i] = Real.tiny(false);
        continue;
      }
      BigDecimal numerator = ShiftedExpSum.expShift(d, digits + EXTRA);
      y[i] = Real.approx(numerator.divide(denominator, mc), digits);
    }
    return y;
  }

  /** 1/k: exact when it terminates in decimal (k = 2^a 5^b), else within 10^-digits. */
  static Real reciprocal(int k, int digits) {
    BigDecimal bk = BigDecimal.valueOf(k);
    try {
      return Real.exact(BigDecimal.ONE.divide(bk));
    } catch (ArithmeticException nonTerminating) {
      return Real.approx(BigDecimal.ONE.divide(bk,
          new MathContext(digits + DIVISION_GUARD, RoundingMode.HALF_EVEN)), digits);
    }
  }
}
