package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * celu: x for x > 0, alpha * expm1(x / alpha) for x <= 0 ({@link StrictMath#expm1}, below 1 ulp;
 * x / alpha is exact for alpha = 1 and any power of two, else one rounding whose effect is damped
 * by expm1's condition number |u e^u / expm1(u)| <= 1). f'(x) = 1 for x >= 0, e^(x/alpha) below.
 * f(-0.0) = +0.0 in pytorch and onnx, -0.0 in keras3 and jax.
 */
public final class Celu implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    final double alpha = p.real("alpha").doubleValue();
    if (alpha == 0) {
      throw new IllegalArgumentException("celu parameter 'alpha' must be nonzero");
    }
    final boolean plusZero = p.dialect().equals("pytorch") || p.dialect().equals("onnx");
    return new Kernel() {
      @Override
      public double value(double x) {
        if (x > 0 || x != x) {
          return x;
        }
        if (x == 0) {
          return plusZero ? 0.0 : x;
        }
        return alpha * StrictMath.expm1(x / alpha);
      }

      @Override
      public double derivative(double x) {
        if (x >= 0) {
          return 1.0;
        }
        if (x != x) {
          return x;
        }
        return StrictMath.exp(x / alpha);
      }
    };
  }
}
