package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.LeakyKernel;
import org.activationtck.spec.params.Params;

/**
 * rrelu (evaluation mode): leaky relu with slope (lower + upper) / 2. The slope is computed in
 * double as PyTorch does; for bounds of one binary format within a factor 2^29 of each other the
 * sum is exact, so the slope is the exact one and a x is one rounding. For a > 0 the kernel is
 * the branch-free {@link LeakyKernel#leaky}.
 */
public final class Rrelu implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double lower = p.real("lower").doubleValue();
    double upper = p.real("upper").doubleValue();
    if (lower > upper) {
      throw new IllegalArgumentException("rrelu parameter 'lower' (" + lower
          + ") must not exceed parameter 'upper' (" + upper + ")");
    }
    double a = (lower + upper) / 2;
    if (a > 0 && a < Double.POSITIVE_INFINITY) {
      return new LeakyKernel(a, LeakyKernel.Kink.SLOPE);
    }
    return new Kernel() {
      @Override
      public double value(double x) {
        return x > 0 ? x : a * x;
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        return x > 0 ? 1 : a;
      }
    };
  }
}
