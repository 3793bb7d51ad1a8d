package org.activationtck.reference.kernel;

import org.activationtck.reference.ReferenceFunction.Kernel;
import org.activationtck.reference.internal.FastExpBlock;

/**
 * The kernel shape elu, selu and celu share: a linear arm for x > 0, and for x <= 0 a fast path
 * (a double-double with a rounding test, NaN when it cannot decide) backed by an accurate path.
 * The scalar forms try the fast path, then the accurate one; the array forms of values work in
 * blocks of {@link #BLOCK}: pass 1 stores the linear arm for every element (what the scalar form
 * returns for x > 0) and lists, without a branch, the indices whose sign bit of x - 2^-1074 is set
 * (x <= 0, +0.0 included); pass 2 gathers those, computes their unrounded fast values p + pl in
 * vector loops around {@link FastExpBlock} ({@link #fastParts}), and decides each in a scalar
 * loop by the same {@link #fastFinish} as the scalar form, calling the accurate path where it
 * does not decide. Half the exponentials of uniform inputs, and no data-dependent branch. NaNs
 * with a clear sign bit stay unlisted: the linear arm gives them the scalar form's result too.
 *
 * <p>Contract for subclasses: fastValue(x) is fastFinish(x, p, pl) for the p + pl its own
 * per-element arithmetic gives, and {@link #fastParts} gives bit for bit the same p and pl for
 * x <= 0 and NaN (FastExpBlock is bit for bit FastExpDoubleDouble).
 */
public abstract class NegativeArmKernel implements Kernel {

  /** Elements per block: at most one FastExpBlock of listed arguments. */
  public static final int BLOCK = FastExpBlock.LENGTH;

  /** Scratch of the array forms: the gathered arguments, the exponential's parts, p and pl. */
  public static final class Scratch {
    public final FastExpBlock exp = new FastExpBlock();
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

  /** The fast path of the subclass's class comment, or NaN when undecided (lo: scratch >= 1). */
  public abstract double fastValue(double x, double[] lo);

  public abstract double accurateValue(double x);

  /** f'(x) by the fast path, or NaN when undecided. */
  public abstract double fastDerivative(double x, double[] lo);

  public abstract double accurateDerivative(double x);

  @Override
  public final double value(double x) {
    double r = fastValue(x, new double[1]);
    return r == r ? r : accurateValue(x);
  }

  @Override
  public final double derivative(double x) {
    double r = fastDerivative(x, new double[1]);
    return r == r ? r : accurateDerivative(x);
  }

  @Override
  public final void values(double[] x, double[] y) {
    Kernel.requireSameLength(x.length, y.length);
    Scratch s = new Scratch();
    int[] listed = new int[BLOCK];
    for (int start = 0; start < x.length; start += BLOCK) {
      int end = Math.min(x.length, start + BLOCK);
      int m = 0;
      for (int i = start; i < end; i++) {
        y[i] = linear(x[i]);
        listed[m] = i;
        m += (int) (Double.doubleToRawLongBits(x[i] - Double.MIN_VALUE) >>> 63);
      }
      for (int j = 0; j < m; j++) {
        s.x[j] = x[listed[j]];
      }
      fastParts(s, m);
      for (int j = 0; j < m; j++) {
        double v = s.x[j];
        double r = fastFinish(v, s.p[j], s.pl[j]);
        y[listed[j]] = r == r ? r : accurateValue(v);
      }
    }
  }

  /** As {@link #values(double[], double[])}, narrowing each result once. */
  @Override
  public final void values(float[] x, float[] y) {
    Kernel.requireSameLength(x.length, y.length);
    Scratch s = new Scratch();
    int[] listed = new int[BLOCK];
    for (int start = 0; start < x.length; start += BLOCK) {
      int end = Math.min(x.length, start + BLOCK);
      int m = 0;
      for (int i = start; i < end; i++) {
        y[i] = (float) linear(x[i]);
        listed[m] = i;
        m += Float.floatToRawIntBits(x[i] - Float.MIN_VALUE) >>> 31;
      }
      for (int j = 0; j < m; j++) {
        s.x[j] = x[listed[j]];
      }
      fastParts(s, m);
      for (int j = 0; j < m; j++) {
        double v = s.x[j];
        double r = fastFinish(v, s.p[j], s.pl[j]);
        y[listed[j]] = (float) (r == r ? r : accurateValue(v));
      }
    }
  }

  @Override
  public final void derivatives(double[] x, double[] y) {
    Kernel.requireSameLength(x.length, y.length);
    double[] lo = new double[1];
    for (int i = 0; i < x.length; i++) {
      double r = fastDerivative(x[i], lo);
      y[i] = r == r ? r : accurateDerivative(x[i]);
    }
  }

  @Override
  public final void derivatives(float[] x, float[] y) {
    Kernel.requireSameLength(x.length, y.length);
    double[] lo = new double[1];
    for (int i = 0; i < x.length; i++) {
      double r = fastDerivative(x[i], lo);
      y[i] = (float) (r == r ? r : accurateDerivative(x[i]));
    }
  }
}
