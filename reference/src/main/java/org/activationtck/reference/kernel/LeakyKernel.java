package org.activationtck.reference.kernel;

/**
 * x for x > 0, s x otherwise, for finite s > 0; f' is 1 above 0, s below, and the {@link Kink}
 * value at 0. Exact but for the product s x, which is correctly rounded (and exact in double for
 * float32 x and s). The kernel of leaky_relu, prelu, rrelu (evaluation) and relu with a
 * negative slope alone.
 *
 * <p>Branch-free: {@link #leaky}(x, s) = max(x, -0.0) + s min(x, -0.0). One of the two terms is a
 * signed zero that leaves the other unchanged: for x > 0, x + s (-0.0); for x <= 0 (both zeros),
 * -0.0 + s x, which is s x also when that is -0.0. NaN propagates, -Infinity gives s (-Infinity).
 *
 * @param s the slope below 0, finite and > 0
 * @param kink the derivative at either zero
 */
public record LeakyKernel(double s, Kink kink) implements BranchFreeKernel {

  /** The derivative at 0: 1 (x >= 0 passes), s (x > 0 passes), or 0 (keras prelu). */
  public enum Kink { ONE, SLOPE, ZERO }

  /** x for x > 0, s x otherwise, branch-free (see the class comment). */
  public static double leaky(double x, double s) {
    return Math.max(x, -0.0) + s * Math.min(x, -0.0);
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
    // one loop per kink, so that the switch is not inside the loop
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
