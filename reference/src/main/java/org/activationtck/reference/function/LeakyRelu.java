package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.kernel.BranchFreeKernel;
import org.activationtck.reference.kernel.Step;
import org.activationtck.spec.params.Params;

/**
 * leaky_relu: x for x > 0 (jax: x >= 0), s * x otherwise. The one product is correctly rounded;
 * in float32 s and x are float32 and their product is exact in double, so (float) rounds once.
 * For s > 0 both dialects agree on every value (at x = -0.0 the keras3 product s x is -0.0 too),
 * and the kernel is the branch-free {@link #leaky}.
 */
public final class LeakyRelu implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double s = p.real("negative_slope").doubleValue();
    boolean jax = "jax".equals(p.dialect());
    if (s > 0 && s < Double.POSITIVE_INFINITY) {
      return new LeakyKernel(s, jax ? Kink.ONE : Kink.SLOPE);
    }
    return new Kernel() {
      @Override
      public double value(double x) {
        return (jax ? x >= 0 : x > 0) ? x : s * x;   // NaN: s * NaN = NaN
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        return (jax ? x >= 0 : x > 0) ? 1 : s;
      }
    };
  }

  /**
   * x for x > 0, s x otherwise, for finite s > 0, branch-free: max(x, -0.0) + s min(x, -0.0).
   * One of the two terms is a signed zero that leaves the other unchanged: for x > 0, x + s (-0.0);
   * for x <= 0 (both zeros), -0.0 + s x, which is s x also when that is -0.0. NaN propagates,
   * -Infinity gives s (-Infinity).
   */
  static double leaky(double x, double s) {
    return Math.max(x, -0.0) + s * Math.min(x, -0.0);
  }

  /** The derivative at 0 of a leaky kernel: 1 (x >= 0 passes), s (x > 0 passes), or 0 (keras prelu). */
  enum Kink { ONE, SLOPE, ZERO }

  /** {@link #leaky} with slope s > 0; f' is 1 above 0, s below, and the {@link Kink} value at 0. */
  static final class LeakyKernel extends BranchFreeKernel {
    private final double s;
    private final Kink kink;

    LeakyKernel(double s, Kink kink) {
      this.s = s;
      this.kink = kink;
    }

    @Override
    public double value(double x) {
      return leaky(x, s);
    }

    @Override
    public double derivative(double x) {
      return slope(x, s, kink);
    }

    /** The derivative's case split in {@link Step} indicators, exact (values 1, s and 0). */
    private static double slope(double x, double s, Kink kink) {
      switch (kink) {
        case ONE: {
          double above = Step.nonNegative(x);
          return above + s * (1 - above);
        }
        case SLOPE: {
          double above = Step.positive(x);
          return above + s * (1 - above);
        }
        default:
          return Step.positive(x) + s * Step.positive(-x);
      }
    }

    @Override
    public void values(double[] x, double[] y, int n) {
      double s = this.s;
      for (int i = 0; i < n; i++) {
        y[i] = leaky(x[i], s);
      }
    }

    @Override
    public void derivatives(double[] x, double[] y, int n) {
      double s = this.s;
      switch (kink) {
        case ONE:
          for (int i = 0; i < n; i++) {
            y[i] = slope(x[i], s, Kink.ONE);
          }
          break;
        case SLOPE:
          for (int i = 0; i < n; i++) {
            y[i] = slope(x[i], s, Kink.SLOPE);
          }
          break;
        default:
          for (int i = 0; i < n; i++) {
            y[i] = slope(x[i], s, Kink.ZERO);
          }
      }
    }
  }
}
