package org.activationtck.oracle.function;

import org.activationtck.oracle.ElementwiseFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;

/**
 * linear: f(x) = x exactly, the sign of zero kept; f'(x) = 1 everywhere, NaN included (rule
 * {@code linear.derivative}: the identity's gradient does not read x).
 */
public final class Linear implements ElementwiseFunction {

  @Override
  public Real value(double x, Params p, int digits) {
    return Real.of(x);
  }

  @Override
  public Real derivative(double x, Params p, int digits) {
    if (Double.isNaN(x)) {
      return DerivativeAtNan.of("linear", p);
    }
    return Real.of(1.0);
  }
}
