package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;
import org.activationtck.oracle.internal.SignedProduct;

/**
 * leaky_relu: f(x) = x for x > 0, negative_slope * x otherwise (JAX: x for x >= 0).
 *
 * <p>Method: the product s * x is exact ({@link SignedProduct}); every result is exact.
 *
 * <p>Special cases: NaN → NaN; +Inf → +Inf; -Inf → s * -Inf (-Inf for s > 0, NaN for s = 0);
 * ±0 → s * ±0, which for s >= 0 keeps the sign of x, as does JAX's x >= 0 branch (rule
 * leaky_relu.zero_sign).
 *
 * <p>Derivative at x = 0 (rule leaky_relu.derivative.kink): s in keras3, tf_keras2, pytorch and
 * onnx (TensorFlow LeakyReluGrad and PyTorch leaky_relu_backward test x > 0), 1 in jax (the
 * jnp.where branch x >= 0 is differentiated). f(NaN) = NaN; f'(NaN) = s (rule
 * leaky_relu.derivative.nan).
 *
 * <p>Parameters: negative_slope any finite real (only Keras' LeakyReLU layer rejects negative
 * values; the functions do not).
 */
public final class LeakyRelu implements ElementwiseFunction {

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    return positiveBranch(x, p) ? Real.of(x) : SignedProduct.of(p.real("negative_slope"), x);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("leaky_relu", p);
    }
    BigDecimal s = p.real("negative_slope");
    if (positiveBranch(x, p)) {
      return Real.of(1);
    }
    return s.signum() == 0 ? Real.POSITIVE_ZERO : Real.exact(s);
  }

  /** JAX selects x where x >= 0; the other dialects where x > 0. */
  private static boolean positiveBranch(double x, Params p) {
    return "jax".equals(p.dialect()) ? x >= 0 : x > 0;
  }
}
