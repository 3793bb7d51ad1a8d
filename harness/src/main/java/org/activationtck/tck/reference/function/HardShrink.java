package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/** hard_shrink: x for |x| > t, else +0.0; NaN → NaN in pytorch, +0.0 otherwise. Exact. */
public final class HardShrink implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double t = p.real("threshold").doubleValue();
    boolean pytorch = "pytorch".equals(p.dialect());
    return new Kernel() {
      @Override
      public double value(double x) {
        if (Double.isNaN(x)) {
          return pytorch ? x : 0.0;
        }
        return Math.abs(x) > t ? x : 0.0;
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return pytorch ? x : 0.0;
        }
        return Math.abs(x) > t ? 1 : 0;
      }
    };
  }
}
