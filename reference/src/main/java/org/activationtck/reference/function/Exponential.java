package org.activationtck.reference.function;

import org.activationtck.reference.ReferenceFunction;
import org.activationtck.reference.internal.ExpDoubleDouble;
import org.activationtck.reference.internal.FastExpDoubleDouble;
import org.activationtck.reference.internal.NarrowShortcut;
import org.activationtck.reference.internal.ZivRounding;
import org.activationtck.reference.kernel.ExpBlockPipeline;
import org.activationtck.spec.params.Params;

/**
 * exponential: e^x. Fast path (Ziv): hi + lo from {@link FastExpDoubleDouble} (relative error
 * below 2^-77) when {@link ZivRounding#nearest} proves its rounding (all but about 2^-23 of the
 * inputs in [-680, 709]); the float32 array form first tries Math.exp with {@link
 * NarrowShortcut} (see {@link #MATH_EXP_BOUND}). Accurate path: in the normal range the leading
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

  /** e^x correctly rounded (Ziv on {@link FastExpDoubleDouble}), else the accurate path. */
  private static double exp(double x, double[] lo) {
    double r = ZivRounding.nearest(FastExpDoubleDouble.exp(x, lo, 0), lo[0], FAST_BOUND);
    return r == r ? r : accurate(x);
  }

  private static double accurate(double x) {
    if (x >= NORMAL_LOW && x <= OVERFLOW) {
      return ExpDoubleDouble.hi(x);
    }
    return StrictMath.exp(x);
  }

  /**
   * {@link #exp} as a block pipeline: the argument is x, the approximation e^x itself. An element
   * the block cannot decide falls back to {@link #exp} itself, so the float32 form equals
   * (float) value(x) bit for bit; in the float64 form those elements (about 2^-23 of them) repeat
   * the fast path's Ziv test, which fails again, before the accurate path.
   */
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

    @Override
    public double accurate(double x, double w) {
      return exp(x, new double[1]);
    }
  };

  private static final Kernel KERNEL = new Kernel() {
    @Override
    public double value(double x) {
      return exp(x, new double[1]);
    }

    @Override
    public double derivative(double x) {
      return exp(x, new double[1]);
    }

    @Override
    public void values(double[] x, double[] y) {
      Kernel.requireSameLength(x.length, y.length);
      new ExpBlockPipeline(x.length).nearest(STAGES, FAST_BOUND, x, y);
    }

    @Override
    public void derivatives(double[] x, double[] y) {
      values(x, y);
    }

    /** (float) value(x[i]), bit for bit (see {@link #NARROW_BOUND}). */
    @Override
    public void values(float[] x, float[] y) {
      Kernel.requireSameLength(x.length, y.length);
      new ExpBlockPipeline(x.length).narrow(STAGES, NARROW_BOUND, x, y);
    }

    @Override
    public void derivatives(float[] x, float[] y) {
      values(x, y);
    }
  };

  @Override
  public Kernel bind(Params p) {
    return KERNEL;
  }
}
