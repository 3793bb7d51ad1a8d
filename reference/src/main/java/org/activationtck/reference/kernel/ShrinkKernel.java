package org.activationtck.reference.kernel;

/**
 * The shrink kernels for finite t >= 0: hard (x for |x| > t, else +0.0) and soft (x - t, x + t
 * or +0.0); f' = [|x| > t] for both. NaN gives NaN for both when nanPasses, else +0.0 (value and
 * derivative). Hard is exact; soft's one subtraction is correctly rounded (in float32 x and t
 * are float32: x -+ t is exact in double unless their exponents differ by more than 29, and then
 * |t| < ulp_f32(x) / 32, so x -+ t lies far from every float32 rounding midpoint and narrowing
 * the double rounds correctly).
 *
 * <p>Branch-free forms. Hard: x [|x| > t] + 0.0 ({@link Step}); a passing x is nonzero, so adding
 * +0.0 leaves it, and a stopped x is finite, so x 0 is a zero that + 0.0 makes +0.0. Soft:
 * x - clamp(x, -t, t): outside [-t, t] it is x - t or x - (-t), the same rounded value as x + t;
 * inside, x - x = +0.0 for either zero; ±Infinity stays. Where NaN maps to +0.0 a second pass
 * sets it ({@link BranchFreeKernel#zeroNaNs}).
 *
 * @param t the threshold, finite and >= 0
 * @param soft soft_shrink (x moved towards 0 by t) rather than hard_shrink (x kept)
 * @param nanPasses whether NaN maps to NaN instead of +0.0
 */
public record ShrinkKernel(double t, boolean soft, boolean nanPasses) implements BranchFreeKernel {

  @Override
  public double value(double x) {
    if (x != x && !nanPasses) {
      return 0.0;
    }
    return soft ? soft(x, t) : hard(x, t);
  }

  @Override
  public double derivative(double x) {
    return x != x && !nanPasses ? 0.0 : Step.positive(Math.abs(x) - t);
  }

  private static double hard(double x, double t) {
    return x * Step.positive(Math.abs(x) - t) + 0.0;
  }

  private static double soft(double x, double t) {
    return x - Math.min(Math.max(x, -t), t);
  }

  @Override
  public void values(double[] x, double[] y, int n) {
    double t = this.t;
    if (soft) {
      for (int i = 0; i < n; i++) {
        y[i] = soft(x[i], t);
      }
    } else {
      for (int i = 0; i < n; i++) {
        y[i] = hard(x[i], t);
      }
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
