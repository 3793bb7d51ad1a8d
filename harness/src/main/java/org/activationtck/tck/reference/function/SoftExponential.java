package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * soft_exponential: x for alpha = 0 (bit for bit); (expm1(a x) + a^2) / a for alpha > 0 and
 * |a x| <= 1, (e^(a x) - (1 - a^2)) / a beyond; -log1p(-a (x + a)) / a for alpha < 0 (NaN below
 * the domain, -Infinity at its boundary). d/dx: 1, e^(a x), 1 / (1 - a (x + a)).
 *
 * <p>Accuracy: 1 ulp at the default alpha = 0. For alpha != 0 a few ulps away from the root of
 * e^(a x) = 1 - a^2 (0 < alpha < 1), where the sum cancels and no extra precision is carried;
 * this reference is not certified there (the generic agreement test runs at the default).
 */
public final class SoftExponential implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    final double a = p.real("alpha").doubleValue();
    return new Kernel() {
      @Override
      public double value(double x) {
        if (a == 0 || x != x) {
          return x;
        }
        if (a > 0) {
          if (x == 0) {
            return a;
          }
          double z = a * x;
          if (Math.abs(z) <= 1) {
            return (StrictMath.expm1(z) + a * a) / a;
          }
          return (StrictMath.exp(z) - (1 - a * a)) / a;
        }
        double y = -a * (x + a);
        if (y == 0) {
          return 0.0;
        }
        return -StrictMath.log1p(y) / a;
      }

      @Override
      public double derivative(double x) {
        if (x != x) {
          return x;
        }
        if (a == 0) {
          return 1.0;
        }
        if (a > 0) {
          return StrictMath.exp(a * x);
        }
        double v = 1 - a * (x + a);
        return v < 0 || x == Double.NEGATIVE_INFINITY ? Double.NaN : 1 / v;
      }
    };
  }
}
