package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;

/**
 * relu6: f(x) = min(max(x, 0), 6); f'(x) = 1 on 0 < x < 6, else 0.
 *
 * <p>Method: comparisons only; results are x, +0.0 or 6, all exact.
 *
 * <p>Special cases: NaN → NaN; +Inf → 6; -Inf → +0.0; x < 0 → +0.0; ±0 → ±0 (max(x, 0) returns
 * its first operand on a tie, as tf.nn.relu6, torch's clamp and jnp.maximum do; rule
 * relu6.zero_sign). Derivative at the kinks 0 and 6: 0 in every dialect (TensorFlow Relu6Grad,
 * PyTorch hardtanh_backward, JAX's custom JVP all use 0 < x < 6). Derivative at NaN: the
 * catalog's, per dialect (rule relu6.derivative.nan).
 */
public final class Relu6 implements ElementwiseFunction {

  private static final double SIX = 6;

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (x > SIX) {
      return Real.exact(BigDecimal.valueOf(6));
    }
    return x < 0 ? Real.POSITIVE_ZERO : Real.of(x);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("relu6", p);
    }
    return x > 0 && x < SIX ? Real.of(1) : Real.POSITIVE_ZERO;
  }
}
