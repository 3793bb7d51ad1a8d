package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;

/**
 * elu: the exponential linear unit.
 *
 * <p>Definition: f(x) = x for x > 0, alpha (e^x - 1) for x <= 0. f'(x) = 1 for x > 0,
 * alpha e^x for x <= 0 (so f'(0) = alpha in every dialect: all of them put 0 in the exponential
 * branch of the gradient). f'(NaN): the catalog's value per dialect (rule elu.derivative.nan).
 *
 * <p>Method: x > 0 is exact; the exponential branch is alpha * expm1(x), never e^x - 1, see
 * {@link ExpLinearUnit} for the tails. Error bound: exact, or relative 10^-digits.
 *
 * <p>Special cases: NaN → NaN; +Inf → +Inf; -Inf → -alpha exactly; f(+0) = +0 * alpha;
 * f(-0) = alpha * expm1(-0) = -0 * alpha in keras3, tf_keras2, jax and onnx, but
 * (e^-0 - 1) * alpha = +0 * alpha in pytorch (ATen's elu_kernel computes exp(x) - 1, and
 * 1 - 1 = +0). With alpha = 0 the exponential branch is 0 * (negative) = -0.0.
 *
 * <p>Thresholds: x < -(d + 2) ln 10 returns -alpha as an approximation ({@link ExpLinearUnit}).
 */
public final class Elu implements ElementwiseFunction {

  @Override
  public Real value(double x, Params p, int digits) {
    BigDecimal alpha = p.real("alpha");
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (x > 0) {
      return Real.of(x);
    }
    if (x == 0) {
      boolean zeroNegative = ExpLinearUnit.isNegativeZero(x) && !p.dialect().equals("pytorch");
      return Real.zero(zeroNegative ^ alpha.signum() < 0);
    }
    if (alpha.signum() == 0) {
      return Real.NEGATIVE_ZERO;
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return Real.exact(alpha.negate());
    }
    return ExpLinearUnit.scaledExpm1(new BigDecimal(x), alpha, digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    BigDecimal alpha = p.real("alpha");
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("elu", p);
    }
    if (x > 0) {
      return Real.exact(BigDecimal.ONE);
    }
    if (alpha.signum() == 0) {
      return Real.POSITIVE_ZERO;
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return Real.zero(alpha.signum() < 0);
    }
    return ExpLinearUnit.scaledExp(new BigDecimal(x), alpha, digits);
  }
}
