package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * sparse_plus: +0.0 for x <= -1, x for x >= 1, (x + 1)^2 / 4 between. x + 1 is carried as an
 * exact sum s + e (Knuth's TwoSum) and squared with {@link Math#fma}, so the only rounding is the
 * final one (correctly rounded up to a negligible second-order term e^2). f'(x) = (x + 1) / 2
 * between (one rounding of x + 1, then exact halving), 0 and 1 outside.
 */
public final class SparsePlus implements ReferenceFunction {

  private static final Kernel KERNEL = new Kernel() {
    @Override
    public double value(double x) {
      if (x <= -1) {
        return 0.0;
      }
      if (x >= 1 || x != x) {
        return x;
      }
      double s = x + 1;
      double bb = s - x;
      double e = (x - (s - bb)) + (1 - bb);
      double hi = s * s;
      double lo = Math.fma(s, s, -hi) + 2 * s * e;
      return (hi + lo) * 0.25;
    }

    @Override
    public double derivative(double x) {
      if (x <= -1) {
        return 0.0;
      }
      if (x >= 1) {
        return 1.0;
      }
      return (x + 1) * 0.5;
    }
  };

  @Override
  public Kernel bind(Params p) {
    return KERNEL;
  }
}
