package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.BranchFreeKernel;
import org.activationtck.reference.kernel.Step;
import org.activationtck.spec.params.Params;

/**
 * soft_shrink: x - t, x + t or +0.0. The one subtraction is correctly rounded in float64. In
 * float32 x and t are float32: x ∓ t is exact in double unless their exponents differ by more
 * than 29, and then |t| < ulp_f32(x) / 32, so x ∓ t lies far from every float32 rounding midpoint
 * and (float) of the double rounds correctly.
 *
 * <p>Branch-free form (finite t): x - clamp(x, -t, t). Outside [-t, t] it is x - t or x - (-t),
 * the same rounded value as x + t; inside, x - x = +0.0 for either zero; ±Infinity stays. NaN →
 * NaN in pytorch; elsewhere +0.0, set by a second pass ({@link BranchFreeKernel#zeroNaNs}). The
 * derivative is hard_shrink's, [|x| > t] (at NaN in pytorch: 1, set by the registry's
 * NanDerivativeFunction).
 */
public final class SoftShrink implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double t = p.real("threshold").doubleValue();
    if (t < 0) {
      throw new IllegalArgumentException("soft_shrink parameter 'threshold' must be >= 0, got " + t);
    }
    boolean pytorch = "pytorch".equals(p.dialect());
    if (t < Double.POSITIVE_INFINITY) {
      return new Shrink(t, pytorch);
    }
    return new Kernel() {
      @Override
      public double value(double x) {
        if (Double.isNaN(x)) {
          return pytorch ? x : 0.0;
        }
        return x > t ? x - t : x < -t ? x + t : 0.0;
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
      return x != x && !nanPasses ? 0.0 : x - Math.min(Math.max(x, -t), t);
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
        y[i] = v - Math.min(Math.max(v, -t), t);
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
