package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * sparse_sigmoid: 0, (x + 1) / 2 or 1. x + 1 is one rounding and halving is exact (the result
 * exceeds 2^-54, far from the subnormal range), so float64 is correctly rounded. In float32,
 * x + 1 is exact in double for |x| >= 2^-29; below, the value is within 2^-30 of 1/2, whose
 * nearest float32 midpoints are 2^-26 away, so (float) rounds correctly. Derivative 1/2 inside;
 * at ±1 keras3 0, jax 1/4.
 */
public final class SparseSigmoid implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    boolean jax = "jax".equals(p.dialect());
    return new Kernel() {
      @Override
      public double value(double x) {
        if (x <= -1) {
          return 0.0;
        }
        if (x >= 1) {
          return 1;
        }
        return (x + 1) * 0.5;                 // NaN passes through
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        if (x == -1 || x == 1) {
          return jax ? 0.25 : 0;
        }
        return x > -1 && x < 1 ? 0.5 : 0;
      }
    };
  }
}
