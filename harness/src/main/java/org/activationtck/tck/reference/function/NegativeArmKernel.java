package org.activationtck.tck.reference.function;

import org.activationtck.tck.reference.ReferenceFunction.Kernel;

/**
 * The kernel shape elu, selu and celu share: a linear arm for x > 0, and for x <= 0 a fast path
 * (a double-double with a rounding test, NaN when it cannot decide) backed by an accurate path.
 * The scalar forms try the fast path, then the accurate one; the array forms of values work in
 * blocks of {@link #BLOCK}: pass 1 stores the linear arm for every element (what the scalar form
 * returns for x > 0) and lists, without a branch, the indices whose sign bit of x - 2^-1074 is set
 * (x <= 0, +0.0 included); pass 2 runs the scalar path on those only. Half the exponentials of
 * uniform inputs, and no data-dependent branch. NaNs with a clear sign bit stay unlisted: the
 * linear arm gives them the scalar form's result too.
 */
abstract class NegativeArmKernel implements Kernel {

  /** Elements per block: the index list stays in the first-level cache. */
  static final int BLOCK = 1024;

  /** The x > 0 arm (x, or scale * x for selu), exactly as the scalar form returns it there. */
  abstract double linear(double x);

  /** The fast path of the subclass's class comment, or NaN when undecided (lo: scratch >= 1). */
  abstract double fastValue(double x, double[] lo);

  abstract double accurateValue(double x);

  /** f'(x) by the fast path, or NaN when undecided. */
  abstract double fastDerivative(double x, double[] lo);

  abstract double accurateDerivative(double x);

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
    double[] lo = new double[1];
    int[] listed = new int[Math.min(BLOCK, x.length)];
    for (int start = 0; start < x.length; start += BLOCK) {
      int end = Math.min(x.length, start + BLOCK);
      int m = 0;
      for (int i = start; i < end; i++) {
        y[i] = linear(x[i]);
        listed[m] = i;
        m += (int) (Double.doubleToRawLongBits(x[i] - Double.MIN_VALUE) >>> 63);
      }
      for (int j = 0; j < m; j++) {
        int i = listed[j];
        double r = fastValue(x[i], lo);
        y[i] = r == r ? r : accurateValue(x[i]);
      }
    }
  }

  /** As {@link #values(double[], double[])}, narrowing each result once. */
  @Override
  public final void values(float[] x, float[] y) {
    Kernel.requireSameLength(x.length, y.length);
    double[] lo = new double[1];
    int[] listed = new int[Math.min(BLOCK, x.length)];
    for (int start = 0; start < x.length; start += BLOCK) {
      int end = Math.min(x.length, start + BLOCK);
      int m = 0;
      for (int i = start; i < end; i++) {
        y[i] = (float) linear(x[i]);
        listed[m] = i;
        m += Float.floatToRawIntBits(x[i] - Float.MIN_VALUE) >>> 31;
      }
      for (int j = 0; j < m; j++) {
        int i = listed[j];
        double r = fastValue(x[i], lo);
        y[i] = (float) (r == r ? r : accurateValue(x[i]));
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
