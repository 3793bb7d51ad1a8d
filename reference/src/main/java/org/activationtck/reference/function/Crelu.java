package org.activationtck.reference.function;

import org.activationtck.spec.params.Params;
import org.activationtck.reference.ReferenceAxisFunction;

/** crelu: [relu(x), relu(-x)], exact; relu keeps ±0 and NaN, so +0 → [+0, -0]. */
public final class Crelu implements ReferenceAxisFunction {

  @Override
  public double[] apply(double[] x, Params p) {
    int n = x.length;
    double[] out = new double[2 * n];
    for (int i = 0; i < n; i++) {
      out[i] = x[i] < 0 ? 0.0 : x[i];
      double neg = -x[i];
      out[n + i] = neg < 0 ? 0.0 : neg;
    }
    return out;
  }
}
