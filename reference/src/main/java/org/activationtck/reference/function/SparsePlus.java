package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.BranchFreeKernel;
import org.activationtck.spec.params.Params;

/**
 * sparse_plus: +0.0 for x <= -1, x for x >= 1, (x + 1)^2 / 4 between. x + 1 is carried as an
 * exact sum s + e (Knuth's TwoSum) and squared with {@link Math#fma}, so the only rounding is the
 * final one (correctly rounded up to a negligible second-order term e^2). f'(x) = (x + 1) / 2
 * between (one rounding of x + 1, then exact halving), 0 and 1 outside.
 *
 * <p>Branch-free: the middle formula at u = clamp(x, -1, 1), then max(that, x). At u = -1 the
 * middle formula gives +0.0 (s = 0, e = 0), at u = 1 exactly 1, so x <= -1 gives +0.0 and x >= 1
 * gives x. Inside, (x + 1)^2 / 4 - x = (1 - x)^2 / 4 >= 0 and the computed square is within
 * 2^-100 of the exact one, far below half the spacing of the doubles at 4x, so its rounding is
 * at least x (rounding is monotone and 4x is a double): the max returns the middle value. NaN
 * propagates. The derivative is {@link SparseSigmoid#clampedHalf}.
 */
public final class SparsePlus implements ReferenceFunction {

  /** (u + 1)^2 / 4 for -1 <= u <= 1, with one final rounding (see the class comment). */
  private static double square(double u) {
    double s = u + 1;
    double bb = s - u;
    double e = (u - (s - bb)) + (1 - bb);
    double hi = s * s;
    double lo = Math.fma(s, s, -hi) + 2 * s * e;
    return (hi + lo) * 0.25;
  }

  private static double valueOf(double x) {
    return Math.max(square(Math.min(Math.max(x, -1.0), 1.0)), x);
  }

  private static final Kernel KERNEL = new BranchFreeKernel() {
    @Override
    public double value(double x) {
      return valueOf(x);
    }

    @Override
    public double derivative(double x) {
      return SparseSigmoid.clampedHalf(x);
    }

    @Override
    public void values(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) {
        y[i] = valueOf(x[i]);
      }
    }

    @Override
    public void derivatives(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) {
        y[i] = SparseSigmoid.clampedHalf(x[i]);
      }
    }
  };

  @Override
  public Kernel bind(Params p) {
    return KERNEL;
  }
}
