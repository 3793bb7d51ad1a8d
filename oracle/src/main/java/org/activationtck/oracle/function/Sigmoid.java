package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
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
 * <p>Thresholds: for x < -{@link #TINY_BELOW} = -4.9 * 10^9 (= -{@link Exp#MAX_ARGUMENT}),
 * sigma(x) < e^x < 10^-2128042961 < 2^-1100 (= 10^-331.1): TINY; the derivative
 * sigma(x) sigma(-x) < e^-|x| is TINY for |x| > 4.9 * 10^9. Between -4.9 * 10^9 and -745 the value is below
 * every format's smallest subnormal but still computed to real digits (the fixtures promise 40):
 * the fixed-point exp turns e^x into a decimal exponent, so e^-2e6 (about 10^-868589) costs what
 * e^-1 does.
 * Large positive x needs no threshold: the kernel returns 1 beyond (d + 2) ln 10 without
 * evaluating e^-x.
 */
public final class Sigmoid implements ElementwiseFunction {

  /** Below -TINY_BELOW the value, and beyond ±TINY_BELOW the derivative, is TINY. */
  static final double TINY_BELOW = 4.9e9;

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
    if (x < -TINY_BELOW) {
      return Real.tiny(false);
    }
    return Real.approx(Logistic.sigmoid(new BigDecimal(x), digits), digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("sigmoid", p);
    }
    if (Double.isInfinite(x)) {
      return Real.POSITIVE_ZERO;
    }
    if (x == 0) {
      return Real.exact(new BigDecimal("0.25"));
    }
    if (Math.abs(x) > TINY_BELOW) {
      return Real.tiny(false);
    }
    BigDecimal bx = new BigDecimal(x);
    BigDecimal s = Logistic.sigmoid(bx, digits + 1);
    BigDecimal c = Logistic.sigmoid(bx.negate(), digits + 1);
    return Real.approx(s.multiply(c, Precision.working(digits)), digits);
  }
}
