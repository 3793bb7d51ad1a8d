package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;

/** softmin: {@link Softmax} of -x (negation is exact); same accuracy and special cases at -x. */
public final class Softmin extends RoundingAxisFunction {

  private static final Softmax SOFTMAX = new Softmax();

  @Override
  double[] apply(double[] x, Params p, boolean toOdd) {
    double[] negated = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      negated[i] = -x[i];
    }
    return SOFTMAX.apply(negated, p, toOdd);
  }
}
