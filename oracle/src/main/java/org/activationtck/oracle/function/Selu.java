package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;

/**
 * selu: the scaled exponential linear unit.
 *
 * <p>Definition: f(x) = scale x for x > 0, c (e^x - 1) for x <= 0, with the parameters as the
 * dialect holds them (rule params.compute_format: the published constants rounded to the compute
 * format; ONNX's float32 attributes) and c the coefficient of the exponential branch: the
 * catalog constant {@code scale_alpha} where the dialect stores one (keras3 and tf_keras2:
 * TensorFlow's kernel constant static_cast&lt;T&gt;(1.7580993408473768599402175208123)), else
 * the exact product scale alpha. f'(x) = scale for x > 0, c e^x for x < 0. At x = 0 the gradient is scale in keras3 and tf_keras2 (TensorFlow's SeluGrad tests
 * activations &lt; 0) and scale alpha in jax, pytorch and onnx (the exponential branch owns 0).
 * f'(NaN): the catalog's value per dialect (rule selu.derivative.nan).
 *
 * <p>Method: scale x and c are exact; the exponential branch is c * expm1(x) via
 * {@link ExpLinearUnit}. Error bound: exact or relative
 * 10^-digits.
 *
 * <p>Special cases: NaN → NaN; +Inf → +Inf; -Inf → -c exactly; f(+0) = +0.0;
 * f(-0) = -0.0 in keras3, tf_keras2 (scale * -0) and jax (scale alpha expm1(-0)), +0.0 in pytorch
 * ((e^-0 - 1) * coefficient) and onnx (gamma (alpha e^x - alpha), as the operator defines it).
 */
public final class Selu implements ElementwiseFunction {

  @Override
  public Real value(double x, Params p, int digits) {
    BigDecimal alpha = p.real("alpha");
    BigDecimal scale = p.real("scale");
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return Real.POSITIVE_INFINITY;
    }
    if (x > 0) {
      return Real.exact(scale.multiply(new BigDecimal(x)));
    }
    if (x == 0) {
      String d = p.dialect();
      boolean plusFromExp = d.equals("pytorch") || d.equals("onnx");
      return Real.zero(ExpLinearUnit.isNegativeZero(x) && !plusFromExp);
    }
    BigDecimal c = coefficient(p, alpha, scale);
    if (x == Double.NEGATIVE_INFINITY) {
      return Real.exact(c.negate());
    }
    return ExpLinearUnit.scaledExpm1(new BigDecimal(x), c, digits);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    BigDecimal alpha = p.real("alpha");
    BigDecimal scale = p.real("scale");
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("selu", p);
    }
    String d = p.dialect();
    boolean zeroInLinearBranch = d.equals("keras3") || d.equals("tf_keras2");
    if (x > 0 || (x == 0 && zeroInLinearBranch)) {
      return Real.exact(scale);
    }
    BigDecimal c = coefficient(p, alpha, scale);
    if (x == Double.NEGATIVE_INFINITY) {
      return Real.POSITIVE_ZERO;
    }
    return ExpLinearUnit.scaledExp(new BigDecimal(x), c, digits);
  }

  /** The exponential branch's coefficient: the stored scale_alpha, or scale * alpha exactly. */
  private static BigDecimal coefficient(Params p, BigDecimal alpha, BigDecimal scale) {
    return p.constant("scale_alpha").orElseGet(() -> scale.multiply(alpha));
  }

}
