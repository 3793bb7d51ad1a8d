package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/** threshold: x for x > t else v; NaN → v in keras3, NaN in pytorch. Exact. */
public final class Threshold implements ReferenceFunction {

  @Override
  public Kernel bind(Params p) {
    double t = p.real("threshold").doubleValue();
    double v = p.real("default_value").doubleValue();
    boolean keras = "keras3".equals(p.dialect());
    return new Kernel() {
      @Override
      public double value(double x) {
        if (Double.isNaN(x)) {
          return keras ? v : x;
        }
        return x > t ? x : v;
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return keras ? 0 : x;
        }
        return x > t ? 1 : 0;
      }
    };
  }
}
