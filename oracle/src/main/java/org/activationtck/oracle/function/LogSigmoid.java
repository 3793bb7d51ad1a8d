package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Exp;
import org.activationtck.oracle.internal.Log1pExp;

/**
 * log_sigmoid: ln(sigma(x)) = -softplus(-x).
 *
 * <p>Definition: f(x) = -ln(1 + e^-x); f'(x) = sigma(-x) = 1 / (1 + e^x).
 *
 * <p>Method: {@link Log1pExp} at -x, negated (no cancellation). Error bound: relative 10^-digits.
 *
 * <p>Thresholds: for -x > (d + 2) ln 10 the result is x within relative 10^-(d+2) (returned as an
 * approximation of x); for x > {@link Exp#MAX_ARGUMENT} it is -e^-x (1 - ...), a negative value
 * below 2^-1100 in magnitude: -TINY, which rounds to -0.0 (PyTorch's min(x, 0) - log1p(exp(-|x|))
 * yields +0.0 there; the catalog keeps the correctly rounded -0.0 for finite inputs).
 *
 * <p>Special cases: NaN → NaN; -Inf → -Inf; ±0 → -ln 2; +Inf → -0.0 (-softplus(-inf) in keras3,
 * tf_keras2 and jax) but +0.0 in pytorch (0 - log1p(0)).
 */
public final class LogSigmoid implements ElementwiseFunction {

  private static final double LN10 = Math.log(10);

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return Real.NEGATIVE_INFINITY;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return Real.zero(!p.dialect().equals("pytorch"));
    }
    BigDecimal minusX = new BigDecimal(-x);
    if (minusX.compareTo(Exp.MAX_ARGUMENT.negate()) < 0) {
      return Real.tiny(true);
    }
    if (-x > 1 && -x > (digits + 2) * LN10) {
      // -(-x + ln(1 + e^x)): just below x, relatively by less than e^x / |x| < 10^-(d+2).
      return Real.beside(new BigDecimal(x), -1, digits);
    }
    return Real.approx(Log1pExp.log1pExp(minusX, digits).negate(), digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("log_sigmoid", p);
    }
    if (x == Double.POSITIVE_INFINITY) {
      return Real.POSITIVE_ZERO;
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return Real.exact(BigDecimal.ONE);
    }
    return Softplus.sigmoid(new BigDecimal(-x), digits);
  }
}
