package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.oracle.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Exp;
import org.activationtck.oracle.internal.Logistic;
import org.activationtck.oracle.internal.Precision;

/**
 * sigmoid: f(x) = 1 / (1 + e^-x), f'(x) = f(x) f(-x).
 *
 * <p>Method: {@link Logistic} (1/(1 + e^-x) for x > 0, e^x/(1 + e^x) for x < 0, neither
 * cancels). The derivative is the product sigma(x) * sigma(-x) of two such values, each at d + 1
 * digits, so its relative error is below 2 * 10^-(d+1) + rounding < 10^-d.
 *
 * <p>Special cases (every dialect): NaN → NaN; +Inf → 1; -Inf → +0.0; ±0 → 1/2 exactly.
 * Derivative: NaN → NaN; ±Inf → +0.0 (y(1 - y) with y ∈ {0, 1}); ±0 → 1/4 exactly.
 *
 * <p>Thresholds: for |x| > {@link Exp#MAX_ARGUMENT} = 10^6, sigma(x) is 1 within relative
 * e^-(10^6) ~ 10^-434294 (returned as an approximate 1 for every supported digits <= 10^4) or,
 * for x < -10^6, below e^-(10^6) and TINY; the derivative there is below e^-(10^6): TINY.
 */
public final class Sigmoid implements ElementwiseFunction {

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? Real.exact(BigDecimal.ONE) : Real.POSITIVE_ZERO;
    }
    if (x == 0) {
      return Real.exact(new BigDecimal("0.5"));
    }
    BigDecimal bx = new BigDecimal(x);
    if (bx.abs().compareTo(Exp.MAX_ARGUMENT) > 0) {
      return x > 0 ? Real.approx(BigDecimal.ONE, digits) : Real.tiny(false);
    }
    return Real.approx(Logistic.sigmoid(bx, digits), digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (Double.isInfinite(x)) {
      return Real.POSITIVE_ZERO;
    }
    if (x == 0) {
      return Real.exact(new BigDecimal("0.25"));
    }
    BigDecimal bx = new BigDecimal(x);
    if (bx.abs().compareTo(Exp.MAX_ARGUMENT) > 0) {
      return Real.tiny(false);
    }
    BigDecimal s = Logistic.sigmoid(bx, digits + 1);
    BigDecimal c = Logistic.sigmoid(bx.negate(), digits + 1);
    return Real.approx(s.multiply(c, Precision.working(digits)), digits);
  }
}
