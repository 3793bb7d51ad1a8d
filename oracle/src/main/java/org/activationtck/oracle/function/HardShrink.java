package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;

/**
 * hard_shrink: f(x) = x for |x| > threshold, else 0 (threshold, PyTorch/ONNX lambd, default 0.5).
 *
 * <p>Definition per dialect, as implemented: keras3 {@code where(|x| > t, x, 0)}; pytorch
 * {@code (x >= -t && x <= t) ? 0 : x}; onnx Shrink with bias 0,
 * {@code x < -t ? x : x > t ? x : 0}. Every zero is +0.0 (so -0 → +0.0). NaN (rule
 * hard_shrink.nan): keras3 and onnx 0 (their tests are false at NaN), pytorch NaN.
 *
 * <p>Method: exact comparison; results x or +0.0. Derivative: 1 for |x| > t, else 0 (0 at ±t in
 * every dialect); at NaN the catalog's value per dialect (rule hard_shrink.derivative.nan). A negative t makes every dialect return
 * x for all x.
 */
public final class HardShrink implements ElementwiseFunction {

  @Override
  public Real value(double x, Params p, int digits) {
    BigDecimal t = p.real("threshold");
    if (Double.isNaN(x)) {
      return "pytorch".equals(p.dialect()) ? Real.NAN : Real.POSITIVE_ZERO;
    }
    return outside(x, t) ? Real.of(x) : Real.POSITIVE_ZERO;
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    BigDecimal t = p.real("threshold");
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("hard_shrink", p);
    }
    return outside(x, t) ? Real.of(1) : Real.POSITIVE_ZERO;
  }

  /** |x| > t, exactly. */
  static boolean outside(double x, BigDecimal t) {
    return Double.isInfinite(x) || new BigDecimal(x).abs().compareTo(t) > 0;
  }
}
