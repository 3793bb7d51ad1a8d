package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceFunction;

/** linear: x unchanged; derivative 1 everywhere, NaN included (rule linear.derivative). */
public final class Linear implements ReferenceFunction {

  private static final Kernel KERNEL = new Kernel() {
    @Override
    public double value(double x) {
      return x;
    }

    @Override
    public double derivative(double x) {
      return 1.0;
    }
  };

  @Override
  public Kernel bind(Params p) {
    return KERNEL;
  }
}
