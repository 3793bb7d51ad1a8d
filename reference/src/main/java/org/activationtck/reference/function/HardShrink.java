package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.BranchFreeKernel;
import org.activationtck.reference.kernel.Step;
import org.activationtck.spec.params.Params;

/**
 * hard_shrink: x for |x| > t, else +0.0; NaN → NaN in pytorch, +0.0 otherwise. Exact.
 *
 * <p>For finite t >= 0 the kernel is branch-free: x [|x| > t] + 0.0 ({@link Step}); a passing x
 * is nonzero and finite-or-infinite, so adding +0.0 leaves it, and a stopped x is finite, so
 * x 0 is a zero that + 0.0 makes +0.0. The array forms then set the NaN elements to +0.0 in a
 * second pass (outside pytorch), whose branch is predictably not taken. The derivative at NaN in
 * pytorch (1, the scalar path of shrink_backward) is set by the registry's NanDerivativeFunction.
 */
public final class HardShrink implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double t = p.real("threshold").doubleValue();
    boolean pytorch = "pytorch".equals(p.dialect());
    if (t >= 0 && t < Double.POSITIVE_INFINITY) {
      return new Shrink(t, pytorch);
    }
    return new Kernel() {
      @Override
      public double value(double x) {
        if (Double.isNaN(x)) {
          return pytorch ? x : 0.0;
        }
        return Math.abs(x) > t ? x : 0.0;
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return pytorch ? x : 0.0;
        }
        return Math.abs(x) > t ? 1 : 0;
      }
    };
  }

  /** Finite t >= 0; NaN maps to NaN when nanPasses, else to +0.0. */
  private static final class Shrink extends BranchFreeKernel {
    private final double t;
    private final boolean nanPasses;

    Shrink(double t, boolean nanPasses) {
      this.t = t;
      this.nanPasses = nanPasses;
    }

    @Override
    public double value(double x) {
      return x != x && !nanPasses ? 0.0 : x * Step.positive(Math.abs(x) - t) + 0.0;
    }

    @Override
    public double derivative(double x) {
      return x != x && !nanPasses ? 0.0 : Step.positive(Math.abs(x) - t);
    }

    @Override
    public void values(double[] x, double[] y, int n) {
      double t = this.t;
      for (int i = 0; i < n; i++) {
        double v = x[i];
        y[i] = v * Step.positive(Math.abs(v) - t) + 0.0;
      }
      BranchFreeKernel.zeroNaNs(x, y, n, nanPasses);
    }

    @Override
    public void derivatives(double[] x, double[] y, int n) {
      double t = this.t;
      for (int i = 0; i < n; i++) {
        y[i] = Step.positive(Math.abs(x[i]) - t);
      }
      BranchFreeKernel.zeroNaNs(x, y, n, nanPasses);
    }
  }

}
