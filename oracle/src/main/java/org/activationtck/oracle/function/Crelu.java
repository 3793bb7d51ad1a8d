package org.activationtck.oracle.function;

import org.activationtck.oracle.AxisFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;

/**
 * crelu (TensorFlow's tf.nn.crelu): the concatenation [relu(x), relu(-x)] along the axis, twice
 * the input length; TensorFlow computes relu(concat([x, -x])).
 *
 * <p>Method: relu elementwise, exact: x for x > 0 and for ±0 (max(x, 0) keeps its first operand
 * on a tie), +0.0 for x < 0, NaN for NaN. So +0 yields [+0, -0] and -0 yields [-0, +0] (rule
 * crelu.zero_sign). The axis parameter only selects the axis; a single vector is its own axis.
 */
public final class Crelu implements AxisFunction {

  @Override
  public Real[] value(double[] x, Params p, int digits) {
    int n = x.length;
    Real[] out = new Real[2 * n];
    for (int i = 0; i < n; i++) {
      out[i] = relu(x[i]);
      out[n + i] = relu(-x[i]);
    }
    return out;
  }

  private static Real relu(double v) {
    if (Double.isNaN(v)) {
      return Real.NAN;
    }
    return v < 0 ? Real.POSITIVE_ZERO : Real.of(v);
  }
}
