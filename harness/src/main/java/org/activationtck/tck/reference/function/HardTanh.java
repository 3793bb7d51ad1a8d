package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/**
 * hard_tanh: clip(x, min_val, max_val), NaN and ±0 kept; derivative 1 inside, at the bounds 1
 * (keras3, jax) or 0 (pytorch). Exact.
 */
public final class HardTanh implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double lo = p.real("min_val").doubleValue();
    double hi = p.real("max_val").doubleValue();
    if (lo > hi) {
      throw new IllegalArgumentException("hard_tanh parameter 'min_val' (" + lo
          + ") must not exceed parameter 'max_val' (" + hi + ")");
    }
    boolean pytorch = "pytorch".equals(p.dialect());
    return new Kernel() {
      @Override
      public double value(double x) {
        return x < lo ? lo : x > hi ? hi : x;
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        boolean inside = pytorch ? x > lo && x < hi : x >= lo && x <= hi;
        return inside ? 1 : 0;
      }
    };
  }
}
