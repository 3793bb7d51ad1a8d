package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * elu: x for x > 0, alpha * expm1(x) for x <= 0 ({@link StrictMath#expm1}, fdlibm's s_expm1.c,
 * error below 1 ulp; exact for alpha = 1, one more rounding otherwise). f'(x) = 1 for x > 0,
 * alpha * e^x for x <= 0 (alpha at x = 0). Sign of zero at -0.0: alpha * expm1(-0.0) = -0.0,
 * except pytorch, whose kernel yields (e^-0 - 1) * alpha = +0.0.
 */
public final class Elu implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    final double alpha = p.real("alpha").doubleValue();
    final boolean plusZero = p.dialect().equals("pytorch");
    return new Kernel() {
      @Override
      public double value(double x) {
        if (x > 0 || x != x) {
          return x;
        }
        if (x == 0) {
          return (plusZero ? 0.0 : x) * alpha;
        }
        return alpha * StrictMath.expm1(x);
      }

      @Override
      public double derivative(double x) {
        if (x > 0) {
          return 1.0;
        }
        return alpha * StrictMath.exp(x);
      }
    };
  }
}
