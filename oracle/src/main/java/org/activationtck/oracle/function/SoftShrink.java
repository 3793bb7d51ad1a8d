package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;

/**
 * soft_shrink: f(x) = x - t for x > t, x + t for x < -t, else 0 (t = threshold, PyTorch/ONNX
 * lambd, default 0.5).
 *
 * <p>Definition per dialect, as implemented: keras3 nested {@code where(x > t, x - t,
 * where(x < -t, x + t, 0))}; pytorch the same with NaN passed through; onnx Shrink with
 * bias = lambd. Every zero is +0.0. NaN (rule soft_shrink.nan): keras3 and onnx 0, pytorch NaN.
 *
 * <p>Method: x ∓ t exactly in decimal; nonzero whenever taken. Derivative: 1 for |x| > t, else 0
 * (0 at ±t: PyTorch's shrink_backward zeroes -t <= x <= t; Keras' where selects the constant);
 * at NaN the catalog's value per dialect (rule soft_shrink.derivative.nan).
 *
 * <p>Params.resolve rejects t < 0 (PyTorch rejects a negative lambd).
 */
public final class SoftShrink implements ElementwiseFunction {

  private static BigDecimal threshold(Params p) {
    return p.real("threshold");
  }

  @Override
  public Real value(double x, Params p, int digits) {
    BigDecimal t = threshold(p);
    if (Double.isNaN(x)) {
      return "pytorch".equals(p.dialect()) ? Real.NAN : Real.POSITIVE_ZERO;
    }
    if (Double.isInfinite(x)) {
      return Real.of(x);
    }
    BigDecimal bx = new BigDecimal(x);
    if (bx.compareTo(t) > 0) {
      return Real.exact(bx.subtract(t));
    }
    if (bx.compareTo(t.negate()) < 0) {
      return Real.exact(bx.add(t));
    }
    return Real.POSITIVE_ZERO;
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    BigDecimal t = threshold(p);
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("soft_shrink", p);
    }
    return HardShrink.outside(x, t) ? Real.of(1) : Real.POSITIVE_ZERO;
  }
}
