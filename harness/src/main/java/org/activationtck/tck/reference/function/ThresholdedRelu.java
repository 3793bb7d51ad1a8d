package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * thresholded_relu: tf_keras2 x * [x > theta] (IEEE product: signed zeros, -Inf → NaN); onnx
 * where(theta < x, x, +0). Exact.
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
