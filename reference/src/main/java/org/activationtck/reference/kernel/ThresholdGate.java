package org.activationtck.reference.kernel;

/**
 * x [x > t], the IEEE product with the indicator, for finite t: x where x > t, else a zero of
 * x's sign; -Infinity gives NaN when t > -Infinity (-Inf 0), NaN gives NaN. f' = [x > t].
 * Exact. The kernel of relu with a threshold alone (Keras) and of thresholded_relu in tf_keras2.
 *
 * @param t the threshold, finite
 */
public record ThresholdGate(double t) implements BranchFreeKernel {

  @Override
  public double value(double x) {
    return x * Step.positive(x - t);
  }

  @Override
  public double derivative(double x) {
    return Step.positive(x - t);
  }

  @Override
  public void values(double[] x, double[] y, int n) {
    double t = this.t;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      y[i] = v * Step.positive(v - t);
    }
  }

  @Override
  public void derivatives(double[] x, double[] y, int n) {
    double t = this.t;
    for (int i = 0; i < n; i++) {
      y[i] = Step.positive(x[i] - t);
    }
  }
}
