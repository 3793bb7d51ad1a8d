package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.Precision;

/**
 * celu: the continuously differentiable exponential linear unit.
 *
 * <p>Definition: f(x) = max(0, x) + min(0, alpha (e^(x/alpha) - 1)), i.e. x for x > 0 and
 * alpha (e^(x/alpha) - 1) for x <= 0, for any alpha != 0. f'(x) = 1 for x > 0, e^(x/alpha) for
 * x <= 0; both sides give 1 at x = 0, so there is no kink. f'(NaN): the catalog's value per
 * dialect (rule celu.derivative.nan).
 *
 * <p>Method: u = x / alpha at d + 10 digits (exact when alpha is a power of two); alpha *
 * expm1(u) via {@link ExpLinearUnit}. The relative condition number of expm1 is
 * |u e^u / (e^u - 1)| <= 1 for u < 0 and <= u for u > 0 (negative alpha; u <= {@link
 * org.activationtck.oracle.internal.Exp#MAX_ARGUMENT} = 4.9 * 10^9, beyond it HUGE, so at most 10
 * extra digits): the error of u costs at most 10^-(d+2) + 10^-(d+1) in total, below 10^-d.
 *
 * <p>Special cases: NaN → NaN; +Inf → +Inf; -Inf → -alpha (alpha > 0) exactly; f(+0) = +0.0;
 * f(-0) = -0.0 in keras3 and jax (max(-0, 0) = -0 and alpha expm1(-0 / alpha) = -0 under
 * TensorFlow's, NumPy's and XLA's max/min, which return the first operand on ties) and +0.0 in
 * pytorch and onnx (e^-0 - 1 = +0, and +0 + anything zero is +0).
 *
 * <p>Params.resolve rejects alpha = 0 (PyTorch rejects it: division by zero).
 */
public final class Celu implements ElementwiseFunction {

  /** Extra digits for u = x/alpha: 10 covers the condition number u <= 4.9e9 of expm1 for u > 0. */
  private static final int QUOTIENT_GUARD = 10;

  @Override
  public Real value(double x, Params p, int digits) {
    BigDecimal alpha = alpha(p);
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (x > 0) {
      return Real.of(x);
    }
    if (x == 0) {
      String d = p.dialect();
      boolean plusFromExp = d.equals("pytorch") || d.equals("onnx");
      return Real.zero(ExpLinearUnit.isNegativeZero(x) && !plusFromExp);
    }
    if (x == Double.NEGATIVE_INFINITY) {
      // u = -inf / alpha: e^u - 1 = -1 for alpha > 0; for alpha < 0, u = +inf and alpha * inf.
      return alpha.signum() > 0 ? Real.exact(alpha.negate()) : Real.NEGATIVE_INFINITY;
    }
    return ExpLinearUnit.scaledExpm1(quotient(x, alpha, digits), alpha, digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    BigDecimal alpha = alpha(p);
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("celu", p);
    }
    if (x >= 0) {
      return Real.exact(BigDecimal.ONE);
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return alpha.signum() > 0 ? Real.POSITIVE_ZERO : Real.POSITIVE_INFINITY;
    }
    return ExpLinearUnit.scaledExp(quotient(x, alpha, digits), BigDecimal.ONE, digits);
  }

  private static BigDecimal quotient(double x, BigDecimal alpha, int digits) {
    return new BigDecimal(x).divide(alpha, Precision.working(digits + QUOTIENT_GUARD));
  }

  private static BigDecimal alpha(Params p) {
    return p.real("alpha");
  }
}
