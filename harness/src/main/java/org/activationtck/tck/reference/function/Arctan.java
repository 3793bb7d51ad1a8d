package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * arctan: {@link StrictMath#atan} (fdlibm's s_atan.c, error below 1 ulp). f'(x) = 1 / (1 + x^2)
 * with an exact double-double denominator and one Newton correction of the quotient (about
 * 0.5 ulp), and (1/|x|)^2 beyond |x| = 2^60 (see {@link Softsign#reciprocalSquare}).
 */
public final class Arctan implements ReferenceFunction {

  private static final Kernel KERNEL = new Kernel() {
    @Override
    public double value(double x) {
      return StrictMath.atan(x);
    }

    @Override
    public double derivative(double x) {
      return Softsign.reciprocalSquare(Math.abs(x), true);
    }
  };

  @Override
  public Kernel bind(Params p) {
    return KERNEL;
  }
}
