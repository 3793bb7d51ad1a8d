package org.activationtck.reference.kernel;

import java.util.Arrays;
import org.activationtck.reference.ReferenceFunction.Kernel;

/**
 * f(x) = x, exact, f' = 1; at NaN the derivative is 1 ({@link #ONE_AT_NAN}: linear, rule
 * linear.derivative) or NaN ({@link #NAN_AT_NAN}: soft_exponential at alpha = 0, whose
 * derivative e^(a x) propagates it). The value's array forms copy ((float) (double) x is x for
 * every float); the derivative's fill with 1 or compute min(max(x, 1), 1), which is 1 or NaN.
 */
public final class IdentityKernel implements Kernel {

  /** f' = 1 everywhere, NaN included. */
  public static final IdentityKernel ONE_AT_NAN = new IdentityKernel(false);

  /** f' = 1, NaN at NaN. */
  public static final IdentityKernel NAN_AT_NAN = new IdentityKernel(true);

  private final boolean nanPasses;

  private IdentityKernel(boolean nanPasses) {
    this.nanPasses = nanPasses;
  }

  @Override
  public double value(double x) {
    return x;
  }

  @Override
  public double derivative(double x) {
    return nanPasses ? Math.min(Math.max(x, 1.0), 1.0) : 1.0;
  }

  @Override
  public void values(double[] x, double[] y) {
    Kernel.requireSameLength(x.length, y.length);
    System.arraycopy(x, 0, y, 0, x.length);
  }

  @Override
  public void values(float[] x, float[] y) {
    Kernel.requireSameLength(x.length, y.length);
    System.arraycopy(x, 0, y, 0, x.length);
  }

  @Override
  public void derivatives(double[] x, double[] y) {
    Kernel.requireSameLength(x.length, y.length);
    if (!nanPasses) {
      Arrays.fill(y, 1.0);
      return;
    }
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.min(Math.max(x[i], 1.0), 1.0);
    }
  }

  @Override
  public void derivatives(float[] x, float[] y) {
    Kernel.requireSameLength(x.length, y.length);
    if (!nanPasses) {
      Arrays.fill(y, 1.0f);
      return;
    }
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.min(Math.max(x[i], 1.0f), 1.0f);   // 1 or NaN, as in double
    }
  }
}
