package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.BranchFreeKernel;
import org.activationtck.reference.kernel.Step;
import org.activationtck.spec.params.Params;

/**
 * threshold: x for x > t else v; NaN → v in keras3, NaN in pytorch. Exact.
 *
 * <p>Branch-free for finite t and v: {@link Step#select}([x > t], x, v) and f' = [x > t]
 * ({@link Step#positive}(x - t)); in keras3 a second pass gives NaN inputs v and f' = 0. f'(NaN)
 * in pytorch (1: threshold_backward passes the gradient) is set by the registry's
 * NanDerivativeFunction.
 */
public final class Threshold implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double t = p.real("threshold").doubleValue();
    double v = p.real("default_value").doubleValue();
    boolean keras = "keras3".equals(p.dialect());
    if (Math.abs(t) < Double.POSITIVE_INFINITY && Math.abs(v) < Double.POSITIVE_INFINITY) {
      return new Select(t, v, keras);
    }
    return new Kernel() {
      @Override
      public double value(double x) {
        if (Double.isNaN(x)) {
          return keras ? v : x;
        }
        return x > t ? x : v;
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return keras ? 0 : x;
        }
        return x > t ? 1 : 0;
      }
    };
  }

  /** Finite t and v; NaN gives v and f' = 0 when nanToDefault, else NaN. */
  private static final class Select extends BranchFreeKernel {
    private final double t;
    private final double v;
    private final boolean nanToDefault;

    Select(double t, double v, boolean nanToDefault) {
      this.t = t;
      this.v = v;
      this.nanToDefault = nanToDefault;
    }

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
}
