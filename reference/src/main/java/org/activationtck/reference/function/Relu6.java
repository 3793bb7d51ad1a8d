package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.BranchFreeKernel;
import org.activationtck.reference.kernel.Step;
import org.activationtck.spec.params.Params;

/**
 * relu6: min(max(x, 0), 6), exact; NaN and ±0 kept ({@link Step#positivePart}); derivative 1 on
 * 0 < x < 6, else 0 ([min(x, 6 - x) > 0] as a {@link Step} indicator), NaN for NaN. Branch-free.
 */
public final class Relu6 implements ReferenceFunction {

  private static final Kernel KERNEL = new BranchFreeKernel() {
    @Override
    public double value(double x) {
      return Math.min(Step.positivePart(x), 6.0);
    }

    @Override
    public double derivative(double x) {
      return Step.positive(Math.min(x, 6 - x));
    }

    @Override
    public void values(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) {
        y[i] = Math.min(Step.positivePart(x[i]), 6.0);
      }
    }

    @Override
    public void derivatives(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) {
        double v = x[i];
        y[i] = Step.positive(Math.min(v, 6 - v));
      }
    }
  };

  @Override
  public Kernel bind(Params p) {
    return KERNEL;
  }
}
