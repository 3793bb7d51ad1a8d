package org.activationtck.oracle.internal;

import java.math.BigDecimal;

/**
 * One vector prepared for softmax and log_softmax: the exact finite elements, the -Infinity
 * elements marked, the maximum, and whether the result is undefined.
 *
 * <p>The frameworks shift by the maximum before exponentiating, so a NaN (the maximum is NaN), a
 * +Infinity (+Infinity - +Infinity = NaN) or a vector of -Infinity only (-Infinity - -Infinity)
 * makes every output NaN; -Infinity elements otherwise contribute e^-Infinity = 0 to the sum.
 */
public final class SoftmaxInput {

  /** Exact finite elements; {@code null} at -Infinity elements (and everywhere when undefined). */
  public final BigDecimal[] finite;
  /** True when every output is NaN. */
  public final boolean undefined;
  /** The largest finite element (null when undefined). */
  public final BigDecimal max;
  /** The first index holding the maximum (-1 when undefined). */
  public final int argmax;
  /** The number of finite elements. */
  public final int count;
  /** Whether all finite elements are equal (then each output is a rational function of count). */
  public final boolean allEqual;

  public SoftmaxInput(double[] x) {
    finite = new BigDecimal[x.length];
    boolean bad = false;
    int n = 0;
    int best = -1;
    for (int i = 0; i < x.length; i++) {
      double v = x[i];
      if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
        bad = true;
      } else if (v != Double.NEGATIVE_INFINITY) {
        finite[i] = new BigDecimal(v);
        n++;
        if (best < 0 || v > x[best]) {
          best = i;
        }
      }
    }
    undefined = bad || n == 0;
    count = n;
    argmax = undefined ? -1 : best;
    max = undefined ? null : finite[best];
    boolean equal = true;
    for (BigDecimal f : finite) {
      if (f != null && max != null && f.compareTo(max) != 0) {
        equal = false;
      }
    }
    allEqual = !undefined && equal;
  }
}
