package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleRounding;
import org.activationtck.tck.reference.internal.ExpDoubleDouble;

/**
 * elu: x for x > 0, alpha * expm1(x) for x <= 0. f'(x) = 1 for x > 0, alpha * e^x for x <= 0
 * (alpha at x = 0). e^x - 1 and e^x are double-doubles ({@link ExpDoubleDouble}, relative error
 * below 2^-60), multiplied by alpha with an fma and rounded once ({@link DoubleRounding#finish}:
 * nearest for float64, to odd for the narrower dtypes). Sign of zero at -0.0: alpha *
 * expm1(-0.0) = -0.0, except pytorch, whose kernel yields (e^-0 - 1) * alpha = +0.0.
 */
public final class Elu extends RoundingFunction {

  @Override
  Kernel bind(Params p, boolean toOdd) {
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
        return ExpDoubleDouble.timesExpm1(alpha, 0, x, toOdd);
      }

      @Override
      public double derivative(double x) {
        if (x > 0) {
          return 1.0;
        }
        return ExpDoubleDouble.timesExp(alpha, 0, x, toOdd);
      }
    };
  }
}
