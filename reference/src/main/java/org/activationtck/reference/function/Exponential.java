package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.internal.ExpDoubleDouble;
import org.activationtck.reference.internal.FastExpDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.NarrowShortcut;
import org.activationtck.reference.internal.ZivRounding;
import org.activationtck.reference.kernel.ExpBlockPipeline;
import org.activationtck.reference.kernel.FastPathKernel;
import org.activationtck.spec.params.Params;

/**
 * exponential: e^x. Fast path (Ziv): hi + lo from {@link FastExpDoubleDouble} (relative error
 * below 2^-77) when {@link ZivRounding#nearest} proves its rounding (all but about 2^-23 of the
 * inputs in [-680, 709]). Accurate path: in the normal range the leading
 * part of {@link ExpDoubleDouble} (relative error about 2^-80 before its final rounding, so
 * correctly rounded unless e^x lies within 2^-80 of a midpoint); outside it, where the result is
 * subnormal or overflows, {@link StrictMath#exp} (fdlibm's e_exp.c, error below 1 ulp). The
 * array forms run the fast path as block pipelines ({@link ExpBlockPipeline}): float64 with the
 * Ziv test, float32 with {@link NarrowShortcut} at {@link #NARROW_BOUND}.
 * +Infinity above 709.782712893384, +0.0 below -745.1332191019411.
 */
public final class Exponential implements ReferenceFunction {

  /** e^-708 ~ 3.3e-308 is still normal (MIN_NORMAL ~ 2.2e-308 = e^-708.4). */
  private static final double NORMAL_LOW = -708;
  private static final double OVERFLOW = 709.782712893384;

  /**
   * Relative error bound of the fast path: {@link FastExpDoubleDouble#EXP_ERROR}, as hi + lo
   * is the result itself.
   */
  static final double FAST_BOUND = FastExpDoubleDouble.EXP_ERROR;

  /**
   * Relative bound for the float32 array form, which must equal (float) {@link #exp}(x) bit for
   * bit: y = RN(hi + lo) is within 2^-53 + 2^-77 of e^x, and exp(x), correctly rounded, within
   * 2^-53 of it, so |exp(x) - y| < 2^-51 |y|. Where {@link NarrowShortcut} decides y at this
   * bound, exp(x) rounds to the same float32 as y.
   */
  static final double NARROW_BOUND = 0x1p-51;

  /** e^x correctly rounded (Ziv on {@link FastExpDoubleDouble}), or NaN when undecided. */
  private static double fast(double x, double[] lo) {
    return ZivRounding.nearest(FastExpDoubleDouble.exp(x, lo, 0), lo[0], FAST_BOUND);
  }

  private static double accurate(double x) {
    if (x >= NORMAL_LOW && x <= OVERFLOW) {
      return ExpDoubleDouble.hi(x);
    }
    return StrictMath.exp(x);
  }

  /** {@link #fast} as a block pipeline: the argument is x, the approximation e^x itself. */
  private static final ExpBlockPipeline.Stages STAGES = new ExpBlockPipeline.Stages() {
    @Override
    public void argument(ExpBlockPipeline p, int n) {
      System.arraycopy(p.x, 0, p.t, 0, n);
    }

    @Override
    public void approximate(ExpBlockPipeline p, int n) {
      System.arraycopy(p.eh, 0, p.h, 0, n);
      System.arraycopy(p.el, 0, p.l, 0, n);
    }
  };

  /**
   * One kernel for every dtype (e^x is its own derivative): float64 results are {@link #fast}'s
   * or {@link #accurate}'s; the float32 array form keeps the block's y where {@link
   * NarrowShortcut} decides it at {@link #NARROW_BOUND}, which rounds to float32 as value(x)
   * does.
   */
  private static final class ExpKernel extends FastPathKernel<ExpBlockPipeline> {
    /** The nearest double for every dtype (the float32 forms check it, see the class comment). */
    ExpKernel() {
      super(FinalRounding.NEAREST);
    }

    @Override
    protected double fastValue(double x, double[] scratch) {
      return fast(x, scratch);
    }

    @Override
    protected double accurateValue(double x) {
      return accurate(x);
    }

    @Override
    protected double fastDerivative(double x, double[] scratch) {
      return fast(x, scratch);
    }

    @Override
    protected double accurateDerivative(double x) {
      return accurate(x);
    }

    @Override
    protected ExpBlockPipeline newScratch(int length) {
      return new ExpBlockPipeline(length);
    }

    @Override
    protected int fastValues(double[] x, double[] y, int from, int to, ExpBlockPipeline p, int[] pending) {
      return p.nearest(STAGES, FAST_BOUND, x, from, to, y, pending);
    }

    /** The narrow test gives up where the Ziv test may decide: those go to {@link #fast} again. */
    @Override
    protected int fastValues(float[] x, float[] y, int from, int to, ExpBlockPipeline p, int[] pending) {
      return retryFast(x, y, pending, p.narrow(STAGES, NARROW_BOUND, x, from, to, y, pending), false);
    }

    @Override
    protected int fastDerivatives(double[] x, double[] y, int from, int to, ExpBlockPipeline p, int[] pending) {
      return fastValues(x, y, from, to, p, pending);
    }

    @Override
    protected int fastDerivatives(float[] x, float[] y, int from, int to, ExpBlockPipeline p, int[] pending) {
      return retryFast(x, y, pending, p.narrow(STAGES, NARROW_BOUND, x, from, to, y, pending), true);
    }
  }

  private static final Kernel KERNEL = new ExpKernel();

  @Override
  public Kernel bind(Params p) {
    return KERNEL;
  }
}
