package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * leaky_relu: x for x > 0 (jax: x >= 0), s * x otherwise. The one product is correctly rounded;
 * in float32 s and x are float32 and their product is exact in double, so (float) rounds once.
 */
public final class LeakyRelu implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double s = p.real("negative_slope").doubleValue();
    boolean jax = "jax".equals(p.dialect());
    return new Kernel() {
      @Override
      public double value(double x) {
        return (jax ? x >= 0 : x > 0) ? x : s * x;   // NaN: s * NaN = NaN
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        return (jax ? x >= 0 : x > 0) ? 1 : s;
      }
    };
  }
}
