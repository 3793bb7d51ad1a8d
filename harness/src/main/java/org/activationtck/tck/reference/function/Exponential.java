package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;
import org.activationtck.tck.reference.internal.ExpDoubleDouble;

/**
 * exponential: e^x. In the normal range the leading part of {@link ExpDoubleDouble} (relative
 * error about 2^-80 before its final rounding, so correctly rounded unless e^x lies within 2^-80
 * of a midpoint); outside it, where the result is subnormal or overflows, {@link StrictMath#exp}
 * (fdlibm's e_exp.c, error below 1 ulp). +Infinity above 709.782712893384, +0.0 below
 * -745.1332191019411.
 */
public final class Exponential implements ReferenceFunction {

  /** e^-708 ~ 3.3e-308 is still normal (MIN_NORMAL ~ 2.2e-308 = e^-708.4). */
  private static final double NORMAL_LOW = -708;
  private static final double OVERFLOW = 709.782712893384;

  private static double exp(double x) {
    if (x >= NORMAL_LOW && x <= OVERFLOW) {
      return ExpDoubleDouble.hi(x);
    }
    return StrictMath.exp(x);
  }

  private static final Kernel KERNEL = new Kernel() {
    @Override
    public double value(double x) {
      return exp(x);
    }

    @Override
    public double derivative(double x) {
      return exp(x);
    }
  };

  @Override
  public Kernel bind(Params p) {
    return KERNEL;
  }
}
