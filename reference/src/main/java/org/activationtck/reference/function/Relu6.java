package org.activationtck.reference.function;

import org.activationtck.spec.params.Params;
import org.activationtck.reference.ReferenceFunction;

/**
 * relu6: min(max(x, 0), 6), exact; NaN and ±0 kept ({@link Relu#positivePart}); derivative 1 on
 * 0 < x < 6, else 0 ([min(x, 6 - x) > 0] as a {@link Step} indicator), NaN for NaN. Branch-free.
 */
public final class Relu6 implements ReferenceFunction {

  private static final Kernel KERNEL = new BranchFreeKernel() {
    @Override
    public double value(double x) {
      return Math.min(Relu.positivePart(x), 6.0);
    }

    @Override
    public double derivative(double x) {
      return Step.positive(Math.min(x, 6 - x));
    }

    @Override
    void values(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) {
        y[i] = Math.min(Relu.positivePart(x[i]), 6.0);
      }
    }

    @Override
    void derivatives(double[] x, double[] y, int n) {
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
