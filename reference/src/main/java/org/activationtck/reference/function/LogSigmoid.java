package org.activationtck.reference.function;

import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.NarrowShortcut;
import org.activationtck.reference.internal.SigmoidDoubleDouble;
import org.activationtck.reference.kernel.RoundingFunction;
import org.activationtck.reference.kernel.SoftplusBlock;
import org.activationtck.spec.params.Params;

/**
 * log_sigmoid: -softplus(-x) (see {@link Softplus#softplus}, its fast paths and their bounds),
 * f'(x) = sigma(-x). f(+Infinity) is -0.0, except pytorch's +0.0. The array forms run softplus's
 * block evaluation ({@link SoftplusBlock}) on -x, as {@link Softplus}'s array forms do: float64
 * bit for bit the scalar form, float32 the block's rounded double where {@link NarrowShortcut}
 * decides it with {@link Softplus#NARROW_BLOCK_BOUND}; the scalar form elsewhere (+Infinity,
 * whose -x is outside the block's domain, included).
 */
public final class LogSigmoid extends RoundingFunction {

  @Override
  public Kernel bind(Params p, FinalRounding rounding) {
    final boolean pytorch = p.dialect().equals("pytorch");
    return new Kernel() {
      @Override
      public double value(double x) {
        return value(x, new double[1]);
      }

      private double value(double x, double[] scratch) {
        if (x == Double.POSITIVE_INFINITY && pytorch) {
          return 0.0;
        }
        return -Softplus.softplus(-x, 0, 1, rounding, scratch);
      }

      @Override
      public void values(double[] x, double[] y) {
        Kernel.requireSameLength(x.length, y.length);
        double[] scratch = new double[1];
        if (rounding.toOdd()) {
          for (int i = 0; i < x.length; i++) {
            y[i] = value(x[i], scratch);
          }
          return;
        }
        // float64: -softplus(-x) by the block form of Softplus.nearest, bit for bit.
        SoftplusBlock b = new SoftplusBlock();
        for (int from = 0; from < x.length; from += SoftplusBlock.LENGTH) {
          int n = Math.min(SoftplusBlock.LENGTH, x.length - from);
          b.load(x, from, n);
          b.evaluate(n, -1, 1, true);
          for (int i = 0; i < n; i++) {
            y[from + i] = b.decided(i) ? -b.r(i) : value(x[from + i], scratch);
          }
        }
      }

      @Override
      public void values(float[] x, float[] y) {
        Kernel.requireSameLength(x.length, y.length);
        double[] scratch = new double[1];
        SoftplusBlock b = new SoftplusBlock();
        for (int from = 0; from < x.length; from += SoftplusBlock.LENGTH) {
          int n = Math.min(SoftplusBlock.LENGTH, x.length - from);
          b.load(x, from, n);
          b.evaluate(n, -1, 1, false);
          for (int i = 0; i < n; i++) {
            double r = b.r(i);
            y[from + i] = NarrowShortcut.decides(r, Softplus.NARROW_BLOCK_BOUND)
                ? (float) -r : (float) value(x[from + i], scratch);
          }
        }
      }

      @Override
      public double derivative(double x) {
        return SigmoidDoubleDouble.value(-x, rounding);
      }
    };
  }
}
