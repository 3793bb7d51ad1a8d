package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Precision;

/**
 * softsign: x / (1 + |x|).
 *
 * <p>Definition: f(x) = x / (1 + |x|); f'(x) = 1 / (1 + |x|)^2.
 *
 * <p>Method: both are quotients of exact binary values. When the decimal expansion terminates
 * (f(1) = 1/2, f(3) = 3/4, f'(1) = 1/4) the result is returned exact, so that results on a
 * rounding boundary (f(2^k - 1) = 1 - 2^-k) round correctly; otherwise one division at d + 4
 * digits. Error bound: exact or relative 10^-(d+3).
 *
 * <p>Special cases: NaN → NaN; ±Inf → NaN, as every implementation computes it (inf / inf),
 * although the limits are ±1; ±0 → ±0. Derivative: ±Inf → +0.0 (1 / inf), ±0 → 1.
 */
public final class Softsign implements ElementwiseFunction {

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return Real.NAN;
    }
    if (x == 0) {
      return Real.of(x);
    }
    BigDecimal bx = new BigDecimal(x);
    return quotient(bx, BigDecimal.ONE.add(bx.abs()), digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("softsign", p);
    }
    if (Double.isInfinite(x)) {
      return Real.POSITIVE_ZERO;
    }
    BigDecimal d = BigDecimal.ONE.add(new BigDecimal(x).abs());
    return quotient(BigDecimal.ONE, d.multiply(d), digits);
  }

  /** a / b, exact when the expansion terminates, else within relative 10^-(digits+3). */
  static Real quotient(BigDecimal a, BigDecimal b, int digits) {
    try {
      return Real.exact(a.divide(b));
    } catch (ArithmeticException nonTerminating) {
      return Real.approx(a.divide(b, Precision.working(digits)), digits);
    }
  }
}
