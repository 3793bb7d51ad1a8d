package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;

/**
 * sparse_sigmoid: f(x) = 0 for x <= -1, (x + 1) / 2 for -1 < x < 1, 1 for x >= 1.
 *
 * <p>Method: (x + 1) / 2 exactly (dyadic). Special cases: NaN → NaN; -Inf → +0.0; +Inf → 1;
 * zeros are +0.0 (Keras' where constant; JAX's 0.5 * clip(x + 1, 0, 2) with x + 1 = +0 at -1).
 *
 * <p>Derivative: 1/2 on -1 < x < 1, else 0. At x = ±1 (rule sparse_sigmoid.derivative.kink):
 * keras3 0 (tf.where selects a constant branch); jax 1/4, because jnp.clip is lax.max then
 * lax.min, whose JVP splits a tie evenly (1/2 to each operand), times the outer 1/2. At NaN the
 * catalog's value per dialect (rule sparse_sigmoid.derivative.nan).
 */
public final class SparseSigmoid implements ElementwiseFunction {

  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal QUARTER = new BigDecimal("0.25");

  @Override
  public Real value(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (x <= -1) {
      return Real.POSITIVE_ZERO;
    }
    if (x >= 1) {
      return Real.of(1);
    }
    return Real.exact(new BigDecimal(x).add(BigDecimal.ONE).multiply(HALF));
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("sparse_sigmoid", p);
    }
    if (x == -1 || x == 1) {
      return "jax".equals(p.dialect()) ? Real.exact(QUARTER) : Real.POSITIVE_ZERO;
    }
    return x > -1 && x < 1 ? Real.exact(HALF) : Real.POSITIVE_ZERO;
  }
}
