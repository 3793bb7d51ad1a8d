package org.activationtck.reference.kernel;

import org.activationtck.reference.internal.FastExpBlock;
import org.activationtck.reference.internal.FinalRounding;

/**
 * The {@link FastPathKernel}s of elu, selu and celu: a linear arm for x > 0, and for x <= 0 a fast
 * path (a double-double with a rounding test, NaN when it cannot decide) backed by an accurate
 * path. The block forms of values pass twice over their block: pass 1 stores the linear arm for
 * every element (what the scalar form returns for x > 0) and lists, without a branch, the indices
 * whose sign bit of x - 2^-1074 is set (x <= 0, +0.0 included); pass 2 gathers those, computes
 * their unrounded fast values p + pl in vector loops around {@link FastExpBlock} ({@link
 * #fastParts}), and decides each by the same {@link #fastFinish} as the scalar form. Half the
 * exponentials of uniform inputs, and no data-dependent branch. NaNs with a clear sign bit stay
 * unlisted: the linear arm gives them the scalar form's result too.
 *
 * <p>Contract for subclasses: fastValue(x) is fastFinish(x, p, pl) for the p + pl its own
 * per-element arithmetic gives, and {@link #fastParts} gives bit for bit the same p and pl for
 * x <= 0 and NaN (FastExpBlock is bit for bit FastExpDoubleDouble).
 */
public abstract class NegativeArmKernel extends FastPathKernel<NegativeArmKernel.Scratch> {

  protected NegativeArmKernel(FinalRounding rounding) {
    super(rounding);
  }

  /** Scratch of the block forms: the listed indices, the gathered arguments, e^x's parts, p and pl. */
  public static final class Scratch {
    public final FastExpBlock exp = new FastExpBlock();
    final int[] listed = new int[BLOCK];
    public final double[] x = new double[BLOCK];
    public final double[] u = new double[BLOCK];
    public final double[] hi = new double[BLOCK];
    public final double[] lo = new double[BLOCK];
    public final double[] p = new double[BLOCK];
    public final double[] pl = new double[BLOCK];
  }

  /**
   * For s.x[0..m) (each x <= 0 or NaN): s.p[i] + s.pl[i], the unrounded fast value, bit for bit
   * what fastValue computes before its rounding test; s.u, s.hi and s.lo are free scratch.
   */
  public abstract void fastParts(Scratch s, int m);

  /** fastValue's last step for x: the rounding test on p + pl and the choice by x's sign. */
  public abstract double fastFinish(double x, double p, double pl);

  /** The x > 0 arm (x, or scale * x for selu), exactly as the scalar form returns it there. */
  public abstract double linear(double x);

  @Override
  protected final Scratch newScratch(int length) {
    return new Scratch();
  }

  @Override
  protected final int fastValues(double[] x, double[] y, int from, int to, Scratch s, int[] pending) {
    int[] listed = s.listed;
    int m = 0;
    for (int i = from; i < to; i++) {
      y[i] = linear(x[i]);
      listed[m] = i;
      m += (int) (Double.doubleToRawLongBits(x[i] - Double.MIN_VALUE) >>> 63);
    }
    for (int j = 0; j < m; j++) {
      s.x[j] = x[listed[j]];
    }
    fastParts(s, m);
    int undecided = 0;
    for (int j = 0; j < m; j++) {
      double r = fastFinish(s.x[j], s.p[j], s.pl[j]);
      int i = listed[j];
      y[i] = r;
      pending[undecided] = i;
      undecided += r != r ? 1 : 0;
    }
    return undecided;
  }

  @Override
  protected final int fastValues(float[] x, float[] y, int from, int to, Scratch s, int[] pending) {
    int[] listed = s.listed;
    int m = 0;
    for (int i = from; i < to; i++) {
      y[i] = (float) linear(x[i]);
      listed[m] = i;
      m += Float.floatToRawIntBits(x[i] - Float.MIN_VALUE) >>> 31;
    }
    for (int j = 0; j < m; j++) {
      s.x[j] = x[listed[j]];
    }
    fastParts(s, m);
    int undecided = 0;
    for (int j = 0; j < m; j++) {
      double r = fastFinish(s.x[j], s.p[j], s.pl[j]);
      int i = listed[j];
      y[i] = (float) r;
      pending[undecided] = i;
      undecided += r != r ? 1 : 0;
    }
    return undecided;
  }
}
