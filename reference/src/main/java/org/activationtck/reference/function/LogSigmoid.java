package org.activationtck.reference.function;

import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.NarrowShortcut;
import org.activationtck.reference.internal.SigmoidDoubleDouble;
import org.activationtck.reference.kernel.FastPathKernel;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.reference.kernel.SoftplusBlock;
import org.activationtck.spec.params.Params;

/**
 * log_sigmoid: -softplus(-x) (see {@link Softplus#fast}, its fast paths and their bounds),
 * f'(x) = sigma(-x). f(+Infinity) is -0.0, except pytorch's +0.0. The array forms run softplus's
 * block evaluation ({@link SoftplusBlock}) on -x, as {@link Softplus}'s array forms do: float64
 * bit for bit the scalar form, float32 the block's rounded double where {@link NarrowShortcut}
 * decides it with {@link SoftplusBlock#NARROW_BOUND}; the scalar form elsewhere (+Infinity,
 * whose -x is outside the block's domain, included).
 */
public final class LogSigmoid extends RoundingFunction {

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    final boolean pytorch = p.dialect().equals("pytorch");
    return new LogSigmoidKernel(pytorch, rounding);
  }

  /** -softplus(-x) by {@link Softplus}'s paths; the derivative sigma(-x) has one path. */
  private static final class LogSigmoidKernel extends FastPathKernel<SoftplusBlock> {
    private final boolean pytorch;

    LogSigmoidKernel(boolean pytorch, FinalRounding rounding) {
      super(rounding);
      this.pytorch = pytorch;
    }

    @Override
    protected double fastValue(double x, double[] scratch) {
      if (x == Double.POSITIVE_INFINITY && pytorch) {
        return 0.0;
      }
      return -Softplus.fast(-x, 0, 1, rounding, scratch);
    }

    @Override
    protected double accurateValue(double x) {
      if (x == Double.POSITIVE_INFINITY && pytorch) {
        return 0.0;
      }
      return -Softplus.accurate(-x, 0, 1, rounding);
    }

    @Override
    protected double fastDerivative(double x, double[] scratch) {
      return accurateDerivative(x);
    }

    @Override
    protected double accurateDerivative(double x) {
      return SigmoidDoubleDouble.value(-x, rounding);
    }

    @Override
    protected SoftplusBlock newScratch(int length) {
      return new SoftplusBlock();
    }

    /** float64: -softplus(-x) by the block form of Softplus.nearest, bit for bit. */
    @Override
    protected int fastValues(double[] x, double[] y, int from, int to, SoftplusBlock b, int[] pending) {
      return rounding.toOdd() ? super.fastValues(x, y, from, to, b, pending)
          : b.nearest(x, y, from, to, -1, 1, Double.POSITIVE_INFINITY, pending);
    }

    @Override
    protected int fastValues(float[] x, float[] y, int from, int to, SoftplusBlock b, int[] pending) {
      return retryFast(x, y, pending, b.narrow(x, y, from, to, -1, 1, Double.POSITIVE_INFINITY, pending), false);
    }
  }
}
