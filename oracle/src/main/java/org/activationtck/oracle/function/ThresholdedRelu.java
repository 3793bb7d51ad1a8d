package org.activationtck.oracle.function;

import java.math.BigDecimal;
import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;

/**
 * thresholded_relu: f(x) = x for x > theta, else 0.
 *
 * <p>Definition per dialect, as implemented: tf_keras2 ThresholdedReLU computes
 * {@code x * cast(x > theta)}, so the zero keeps the sign of x (x <= theta, x < 0 → -0.0),
 * -Inf gives -Inf * 0 = NaN and NaN gives NaN; onnx ThresholdedRelu is
 * {@code Where(Less(alpha, X), X, 0)}, so every zero is +0.0 and NaN, -Inf give +0.0 (rule
 * thresholded_relu.zero_sign).
 *
 * <p>Method: one exact comparison; results exact. Derivative: 1 for x > theta, else 0 (0 at
 * theta); at NaN 0 (rule thresholded_relu.derivative.nan).
 *
 * <p>Params.resolve rejects theta < 0 in tf_keras2 (the layer rejects it).
 */
public final class ThresholdedRelu implements ElementwiseFunction {

  private static BigDecimal theta(Params p) {
    return p.real("theta");
  }

  @Override
  public Real value(double x, Params p, int digits) {
    BigDecimal theta = theta(p);
    boolean onnx = "onnx".equals(p.dialect());
    if (Double.isNaN(x)) {
      return onnx ? Real.POSITIVE_ZERO : Real.NAN;
    }
    if (above(x, theta)) {
      return Real.of(x);
    }
    if (onnx) {
      return Real.POSITIVE_ZERO;
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return Real.NAN;                       // -Inf * 0
    }
    return Real.zero(Double.doubleToRawLongBits(x) < 0);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    BigDecimal theta = theta(p);
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("thresholded_relu", p);
    }
    return above(x, theta) ? Real.of(1) : Real.POSITIVE_ZERO;
  }

  private static boolean above(double x, BigDecimal theta) {
    if (Double.isInfinite(x)) {
      return x > 0;
    }
    return new BigDecimal(x).compareTo(theta) > 0;
  }
}
