package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.BranchFreeKernel;
import org.activationtck.reference.kernel.Step;
import org.activationtck.spec.params.Params;

/**
 * sparse_sigmoid: 0, (x + 1) / 2 or 1. x + 1 is one rounding and halving is exact (the result
 * exceeds 2^-54, far from the subnormal range), so float64 is correctly rounded. In float32,
 * x + 1 is exact in double for |x| >= 2^-29; below, the value is within 2^-30 of 1/2, whose
 * nearest float32 midpoints are 2^-26 away, so (float) rounds correctly. Derivative 1/2 inside;
 * at ±1 keras3 0, jax 1/4.
 *
 * <p>Branch-free: clamp((x + 1) / 2, 0, 1) (for x <= -1 the product is +0.0 or negative, and
 * Math.max makes it +0.0; NaN propagates); the derivative from {@link Step} indicators of
 * 1 - |x|, which is zero exactly at ±1.
 */
public final class SparseSigmoid implements ReferenceFunction {

  /** clamp((x + 1) / 2, 0, 1): the value, also sparse_plus's derivative. */
  static double clampedHalf(double x) {
    return Math.min(Math.max((x + 1) * 0.5, 0.0), 1.0);
  }

  @Override
  public Kernel bind(Params p) {
    boolean jax = "jax".equals(p.dialect());
    return new BranchFreeKernel() {
      @Override
      public double value(double x) {
        return clampedHalf(x);
      }

      @Override
      public double derivative(double x) {
        return jax ? jaxSlope(x) : 0.5 * Step.positive(1 - Math.abs(x));
      }

      @Override
      public void values(double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
          y[i] = clampedHalf(x[i]);
        }
      }

      @Override
      public void derivatives(double[] x, double[] y, int n) {
        if (jax) {
          for (int i = 0; i < n; i++) {
            y[i] = jaxSlope(x[i]);
          }
        } else {
          for (int i = 0; i < n; i++) {
            y[i] = 0.5 * Step.positive(1 - Math.abs(x[i]));
          }
        }
      }
    };
  }

  /** 1/2 inside (-1, 1), 1/4 at ±1, 0 outside, NaN for NaN. */
  private static double jaxSlope(double x) {
    double margin = 1 - Math.abs(x);
    double inside = Step.positive(margin);
    return 0.5 * inside + 0.25 * (Step.nonNegative(margin) - inside);
  }
}
