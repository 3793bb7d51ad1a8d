package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * exponential: {@link StrictMath#exp}, fdlibm's e_exp.c, error below 1 ulp; overflow to
 * +Infinity above 709.782712893384, +0.0 below -745.1332191019411.
 */
public final class Exponential implements ReferenceFunction {

  private static final Kernel KERNEL = new Kernel() {
    @Override
    public double value(double x) {
      return StrictMath.exp(x);
    }

    @Override
    public double derivative(double x) {
      return StrictMath.exp(x);
    }
  };

  @Override
  public Kernel bind(Params p) {
    return KERNEL;
  }
}
