package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.SignedProduct;

/**
 * prelu: f(x) = x for x > 0, alpha * x otherwise, alpha a learned parameter (here a real
 * parameter, one value for every element).
 *
 * <p>Definition per dialect, as implemented:
 * <ul>
 *   <li>keras3, tf_keras2 (PReLU layer): relu(x) - alpha * relu(-x), a sum of two terms;
 *   <li>pytorch: x > 0 ? x : weight * x;
 *   <li>onnx (PRelu): x >= 0 ? x : slope * x.
 * </ul>
 * The values agree except at zeros and -Inf (rule prelu.zero_sign): in Keras, x < 0 with
 * alpha = 0 (the layer's initial value) gives +0 + (-0) = +0.0, x = +0 gives +0.0, x = -0 gives
 * -0.0 for alpha >= 0, and -Inf gives 0 + (-0 * Inf) = NaN for alpha = 0; PyTorch gives
 * weight * x with IEEE signs; ONNX returns ±0 unchanged.
 *
 * <p>Derivative: keras relu'(x) + alpha relu'(-x): 1, alpha, and 0 at x = 0; pytorch 1 for
 * x > 0 else weight (weight at 0); onnx defines no gradient, the catalog takes its x >= 0 branch,
 * 1 at 0. f(NaN) = NaN; f'(NaN) per dialect (rule prelu.derivative.nan). All results exact.
 */
public final class Prelu implements ElementwiseFunction {

  @Override
  public Real value(double x, Params p, int digits) {
    BigDecimal alpha = p.real("alpha");
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    switch (p.dialect()) {
      case "pytorch":
        return x > 0 ? Real.of(x) : SignedProduct.of(alpha, x);
      case "onnx":
        return x >= 0 ? Real.of(x) : SignedProduct.of(alpha, x);
      default:
        return kerasValue(x, alpha);
    }
  }

  /** relu(x) + (-alpha) * relu(-x), term by term with IEEE signed zeros. */
  private static Real kerasValue(double x, BigDecimal alpha) {
    if (x > 0) {
      return Real.of(x);                     // x + (-alpha * +0): a zero added to x
    }
    if (x == 0) {
      boolean negativeZero = Double.doubleToRawLongBits(x) != 0;
      // +0: +0 + (-alpha * -0) = +0 for any alpha. -0: -0 + (-alpha * +0) is -0 iff alpha >= 0.
      return Real.zero(negativeZero && alpha.signum() >= 0);
    }
    // x < 0: +0 + (-alpha) * (-x).
    Real neg = SignedProduct.of(alpha.negate(), -x);
    return neg.kind() == Real.Kind.ZERO ? Real.POSITIVE_ZERO : neg;
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    BigDecimal alpha = p.real("alpha");
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("prelu", p);
    }
    boolean one;
    switch (p.dialect()) {
      case "onnx":
        one = x >= 0;
        break;
      case "pytorch":
        one = x > 0;
        break;
      default:
        if (x == 0) {
          return Real.POSITIVE_ZERO;         // relu'(0) + alpha * relu'(-0) = 0 + 0
        }
        one = x > 0;
    }
    return one ? Real.of(1) : alpha.signum() == 0 ? Real.POSITIVE_ZERO : Real.exact(alpha);
  }
}
