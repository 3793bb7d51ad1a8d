package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;

/**
 * threshold: f(x) = x for x > threshold, else default_value (PyTorch's {@code value}).
 *
 * <p>Definition per dialect, as implemented: keras3 {@code where(x > t, x, v)} (TensorFlow
 * backend); pytorch {@code x <= t ? v : x}. They differ only at NaN (rule threshold.nan): Keras'
 * test x > t is false, so NaN → v; PyTorch's x <= t is false, so NaN → NaN.
 *
 * <p>Method: one exact comparison; results are x or v, exact. A zero v is +0.0.
 *
 * <p>Derivative: 1 for x > t, else 0 (0 at x = t in both: tf.where's gradient and PyTorch's
 * threshold_backward both use x > t). At NaN: keras3 0 (the constant branch), pytorch 1
 * (rule threshold.derivative.nan).
 */
public final class Threshold implements ElementwiseFunction {

  @Override
  public Real value(double x, Params p, int digits) {
    BigDecimal t = p.real("threshold");
    BigDecimal v = p.real("default_value");
    if (Double.isNaN(x)) {
      return "keras3".equals(p.dialect()) ? Real.exact(v) : Real.NAN;
    }
    return above(x, t) ? Real.of(x) : Real.exact(v);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    BigDecimal t = p.real("threshold");
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("threshold", p);
    }
    return above(x, t) ? Real.of(1) : Real.POSITIVE_ZERO;
  }

  private static boolean above(double x, BigDecimal t) {
    if (Double.isInfinite(x)) {
      return x > 0;
    }
    return new BigDecimal(x).compareTo(t) > 0;
  }
}
