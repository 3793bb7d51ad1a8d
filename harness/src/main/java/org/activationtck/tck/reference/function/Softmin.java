package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.spec.Dtype;
import org.activationtck.tck.reference.ReferenceAxisFunction;

/** softmin: {@link Softmax} of -x (negation is exact); same accuracy and special cases at -x. */
public final class Softmin implements ReferenceAxisFunction {

  private static final Softmax SOFTMAX = new Softmax();

  @Override
  public double[] apply(double[] x, Params p) {
    return apply(x, p, Dtype.FLOAT32);
  }

  @Override
  public double[] apply(double[] x, Params p, Dtype dtype) {
    double[] negated = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      negated[i] = -x[i];
    }
    return SOFTMAX.apply(negated, p, dtype);
  }
}
