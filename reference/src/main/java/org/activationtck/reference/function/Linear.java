package org.activationtck.reference.function;

import java.util.Arrays;
import org.activationtck.spec.params.Params;
import org.activationtck.reference.ReferenceFunction;

/**
 * linear: x unchanged; derivative 1 everywhere, NaN included (rule linear.derivative). The array
 * forms copy and fill ((float) (double) x is x for every float).
 */
public final class Linear implements ReferenceFunction {

  private static final Kernel KERNEL = new Kernel() {
    @Override
    public double value(double x) {
      return x;
    }

    @Override
    public double derivative(double x) {
      return 1.0;
    }

    @Override
    public void values(double[] x, double[] y) {
      Kernel.requireSameLength(x.length, y.length);
      System.arraycopy(x, 0, y, 0, x.length);
    }

    @Override
    public void derivatives(double[] x, double[] y) {
      Kernel.requireSameLength(x.length, y.length);
      Arrays.fill(y, 1.0);
    }

    @Override
    public void values(float[] x, float[] y) {
      Kernel.requireSameLength(x.length, y.length);
      System.arraycopy(x, 0, y, 0, x.length);
    }

    @Override
    public void derivatives(float[] x, float[] y) {
      Kernel.requireSameLength(x.length, y.length);
      Arrays.fill(y, 1.0f);
    }
  };

  @Override
  public Kernel bind(Params p) {
    return KERNEL;
  }
}
