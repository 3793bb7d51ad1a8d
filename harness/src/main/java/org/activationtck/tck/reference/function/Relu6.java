package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/** relu6: comparisons only, results exact; ±0 kept; derivative 1 on 0 < x < 6, else 0. */
public final class Relu6 implements ReferenceFunction {

  private static final Kernel KERNEL = new Kernel() {
    @Override
    public double value(double x) {
      if (x > 6) {
        return 6;
      }
      return x < 0 ? 0.0 : x;                 // NaN and ±0 pass through
    }

    @Override
    public double derivative(double x) {
      if (Double.isNaN(x)) {
        return x;
      }
      return x > 0 && x < 6 ? 1 : 0;
    }
  };

  @Override
  public Kernel bind(Params p) {
    return KERNEL;
  }
}
