package org.activationtck.oracle.function;

import org.activationtck.oracle.AxisFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;

/**
 * softmin: y = softmax(-x) (PyTorch's definition: it negates the input and calls softmax).
 *
 * <p>Method: negation is exact for every double (NaN stays NaN), so the result, its error bound
 * and its special cases are {@link Softmax}'s at -x: a NaN or -Infinity element, or no finite
 * element, gives all NaN; +Infinity elements give +0.0.
 */
public final class Softmin implements AxisFunction {

  private static final Softmax SOFTMAX = new Softmax();

  @Override
  public Real[] value(double[] x, Params p, int digits) {
    double[] negated = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      negated[i] = -x[i];
    }
    return SOFTMAX.value(negated, p, digits);
  }
}
