package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Exp;

/**
 * exponential: f(x) = e^x, f'(x) = e^x.
 *
 * <p>Special cases: NaN → NaN; +Inf → +Inf; -Inf → +0.0; ±0 → 1 exactly.
 * Thresholds: beyond |x| = {@link Exp#MAX_ARGUMENT} = 4.9 * 10^9 the result is HUGE (> 2^1100) or
 * TINY (< 2^-1100), which round to +Infinity and +0.0 in every format.
 */
public final class Exponential implements ElementwiseFunction {

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? Real.POSITIVE_INFINITY : Real.POSITIVE_ZERO;
    }
    if (x == 0) {
      return Real.exact(BigDecimal.ONE);
    }
    BigDecimal bx = new BigDecimal(x);
    if (bx.abs().compareTo(Exp.MAX_ARGUMENT) > 0) {
      return x > 0 ? Real.huge(false) : Real.tiny(false);
    }
    return Real.approx(Exp.exp(bx, digits), digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("exponential", p);
    }
    return value(x, p, digits);
  }
}
