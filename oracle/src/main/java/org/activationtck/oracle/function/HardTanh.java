package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;

/**
 * hard_tanh: f(x) = min_val for x < min_val, max_val for x > max_val, else x (defaults -1, 1).
 *
 * <p>Method: exact comparisons; results are x (sign of zero kept), min_val or max_val, exact.
 *
 * <p>Special cases: NaN → NaN in every dialect (tf.clip_by_value, torch.clamp and JAX's nested
 * where all return NaN); ±Inf → max_val/min_val; ±0 → ±0.
 *
 * <p>Derivative: 1 strictly inside, 0 outside. At x = min_val or max_val (rule
 * hard_tanh.derivative.kink): keras3 1 (tf.clip_by_value is tf.minimum then tf.maximum, whose
 * gradients send ties to x), jax 1 (the where branches are x > 1 and x < -1), pytorch 0
 * (hardtanh_backward zeroes x <= min_val or x >= max_val). At NaN the catalog's value per dialect
 * (rule hard_tanh.derivative.nan).
 *
 * <p>Params.resolve rejects min_val > max_val.
 */
public final class HardTanh implements ElementwiseFunction {

  private static BigDecimal[] bounds(Params p) {
    BigDecimal lo = p.real("min_val");
    BigDecimal hi = p.real("max_val");
    return new BigDecimal[] {lo, hi};
  }

  @Override
  public Real value(double x, Params p, int digits) {
    BigDecimal[] b = bounds(p);
    if (Double.isNaN(x)) {
      return Real.NAN;
    }
    if (Double.isInfinite(x)) {
      return Real.exact(x > 0 ? b[1] : b[0]);
    }
    BigDecimal bx = new BigDecimal(x);
    if (bx.compareTo(b[0]) < 0) {
      return Real.exact(b[0]);
    }
    if (bx.compareTo(b[1]) > 0) {
      return Real.exact(b[1]);
    }
    return Real.of(x);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    BigDecimal[] b = bounds(p);
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("hard_tanh", p);
    }
    if (Double.isInfinite(x)) {
      return Real.POSITIVE_ZERO;
    }
    BigDecimal bx = new BigDecimal(x);
    int lo = bx.compareTo(b[0]);
    int hi = bx.compareTo(b[1]);
    boolean inside = "pytorch".equals(p.dialect()) ? lo > 0 && hi < 0 : lo >= 0 && hi <= 0;
    return inside ? Real.of(1) : Real.POSITIVE_ZERO;
  }
}
