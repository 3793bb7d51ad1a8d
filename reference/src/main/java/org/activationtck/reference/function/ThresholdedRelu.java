package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.ThresholdGate;
import org.activationtck.reference.kernel.ThresholdSelect;
import org.activationtck.spec.params.Params;

/**
 * thresholded_relu: tf_keras2 x * [x > theta] (IEEE product: signed zeros, -Inf → NaN); onnx
 * where(theta < x, x, +0). Exact.
 *
 * <p>Branch-free for finite theta: tf_keras2 multiplies by the indicator as the definition does
 * ({@link ThresholdGate}, relu's threshold kernel); onnx selects x or +0.0 and sends NaN to +0.0,
 * value and derivative ({@link ThresholdSelect} with v = +0.0, threshold's kernel). f'(NaN) = 0 in
 * tf_keras2 is set by the registry's NanDerivativeFunction.
 */
public final class ThresholdedRelu implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double theta = p.real("theta").doubleValue();
    boolean onnx = "onnx".equals(p.dialect());
    if (!onnx && theta < 0) {
      throw new IllegalArgumentException(
          "thresholded_relu parameter 'theta' must be >= 0 in tf_keras2, got " + theta);
    }
    if (Math.abs(theta) < Double.POSITIVE_INFINITY) {
      return onnx ? new ThresholdSelect(theta, 0.0, true) : new ThresholdGate(theta);
    }
    return new Kernel() {
      @Override
      public double value(double x) {
        if (onnx) {
          return theta < x ? x : 0.0;
        }
        return x * (x > theta ? 1.0 : 0.0);
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return onnx ? 0 : x;
        }
        return x > theta ? 1 : 0;
      }
    };
  }
}
