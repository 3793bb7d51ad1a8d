package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.BranchFreeKernel;
import org.activationtck.reference.kernel.Step;
import org.activationtck.spec.params.Params;

/**
 * thresholded_relu: tf_keras2 x * [x > theta] (IEEE product: signed zeros, -Inf → NaN); onnx
 * where(theta < x, x, +0). Exact.
 *
 * <p>Branch-free for finite theta: the indicator [x > theta] is {@link Step#positive}(x - theta);
 * tf_keras2 multiplies by it as the definition does, onnx {@link Step#select}s x or +0.0. NaN:
 * NaN in tf_keras2; +0.0 (value and derivative) in onnx, set by a second pass. f'(NaN) = 0 in
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
      return new Indicator(theta, onnx);
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

  /** Finite theta. */
  private static final class Indicator extends BranchFreeKernel {
    private final double theta;
    private final boolean onnx;

    Indicator(double theta, boolean onnx) {
      this.theta = theta;
      this.onnx = onnx;
    }

    @Override
    public double value(double x) {
      if (onnx) {
        return x != x ? 0.0 : Step.select(Step.positive(x - theta), x, 0.0);
      }
      return x * Step.positive(x - theta);
    }

    @Override
    public double derivative(double x) {
      return x != x && onnx ? 0.0 : Step.positive(x - theta);
    }

    @Override
    public void values(double[] x, double[] y, int n) {
      double theta = this.theta;
      if (onnx) {
        for (int i = 0; i < n; i++) {
          double v = x[i];
          y[i] = Step.select(Step.positive(v - theta), v, 0.0);
        }
        BranchFreeKernel.zeroNaNs(x, y, n, false);
      } else {
        for (int i = 0; i < n; i++) {
          double v = x[i];
          y[i] = v * Step.positive(v - theta);
        }
      }
    }

    @Override
    public void derivatives(double[] x, double[] y, int n) {
      double theta = this.theta;
      for (int i = 0; i < n; i++) {
        y[i] = Step.positive(x[i] - theta);
      }
      BranchFreeKernel.zeroNaNs(x, y, n, !onnx);
    }
  }
}
