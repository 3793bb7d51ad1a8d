package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.SigmoidDoubleDouble;

/**
 * log_sigmoid: -softplus(-x) (see {@link Softplus#softplus}, its fast paths and their bounds),
 * f'(x) = sigma(-x). f(+Infinity) is -0.0, except pytorch's +0.0. The float64 array form runs
 * softplus's block evaluation ({@link Softplus#nearestBlock}), bit for bit the scalar form.
 */
public final class LogSigmoid extends RoundingFunction {

  @Override
  Kernel bind(Params p, boolean toOdd) {
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
        return -Softplus.softplus(-x, 0, 1, toOdd, scratch);
      }

      @Override
      public void values(double[] x, double[] y) {
        Kernel.requireSameLength(x.length, y.length);
        if (toOdd) {
          double[] scratch = new double[1];
          for (int i = 0; i < x.length; i++) {
            y[i] = value(x[i], scratch);
          }
          return;
        }
        // float64: the block form of value(x), -softplus(-x) (same arithmetic).
        Softplus.Block b = new Softplus.Block();
        for (int from = 0; from < x.length; from += Softplus.BLOCK) {
          int n = Math.min(Softplus.BLOCK, x.length - from);
          Softplus.nearestBlock(x, from, n, -1, 1, b);
          for (int i = 0; i < n; i++) {
            double r = b.r[i];
            y[from + i] = x[from + i] == Double.POSITIVE_INFINITY && pytorch ? 0.0
                : -(r == r ? r : Softplus.accurate(b.z[i], 0, 1, false));
          }
        }
      }

      @Override
      public void values(float[] x, float[] y) {
        Kernel.requireSameLength(x.length, y.length);
        double[] scratch = new double[1];
        for (int i = 0; i < x.length; i++) {
          y[i] = (float) value(x[i], scratch);
        }
      }

      @Override
      public double derivative(double x) {
        return SigmoidDoubleDouble.value(-x, toOdd);
      }
    };
  }
}
