package org.activationtck.reference.kernel;

/**
 * x where x > t, else v (the value itself, +0.0 stays +0.0), for finite t and v; f' = [x > t].
 * NaN gives v and f' = +0.0 when nanToDefault, else NaN for both. Exact. The kernel of threshold
 * and of thresholded_relu in onnx (v = +0.0).
 *
 * <p>Branch-free: {@link Step#select}([x > t], x, v); where NaN maps to v a second pass, whose
 * branch is predictably not taken, sets it.
 *
 * @param t the threshold, finite
 * @param v the value at and below t, finite
 * @param nanToDefault whether NaN maps to v (f' +0.0) instead of NaN
 */
public record ThresholdSelect(double t, double v, boolean nanToDefault) implements BranchFreeKernel {

  @Override
  public double value(double x) {
    return x != x && nanToDefault ? v : Step.select(Step.positive(x - t), x, v);
  }

  @Override
  public double derivative(double x) {
    return x != x && nanToDefault ? 0.0 : Step.positive(x - t);
  }

  @Override
  public void values(double[] x, double[] y, int n) {
    double t = this.t;
    double v = this.v;
    for (int i = 0; i < n; i++) {
      double u = x[i];
      y[i] = Step.select(Step.positive(u - t), u, v);
    }
    if (nanToDefault) {
      for (int i = 0; i < n; i++) {
        if (x[i] != x[i]) {
          y[i] = v;
        }
      }
    }
  }

  @Override
  public void derivatives(double[] x, double[] y, int n) {
    double t = this.t;
    for (int i = 0; i < n; i++) {
      y[i] = Step.positive(x[i] - t);
    }
    BranchFreeKernel.zeroNaNs(x, y, n, !nanToDefault);
  }
}
