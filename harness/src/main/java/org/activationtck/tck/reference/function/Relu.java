package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleDouble;
import org.activationtck.tck.reference.internal.DoubleRounding;

/**
 * relu with Keras' negative_slope s, max_value m, threshold t (see the oracle's Relu for the
 * definition and the sign of zero rules).
 *
 * <p>Method: comparisons for every branch but s (x - t). That one is computed from the exact
 * difference x - t = d + e (TwoSum) as p + (pe + s e) with p = s d and pe = fma(s, d, -p) its
 * exact error: the only roundings are the final sum's and s e's (relative 2^-53 of a term below
 * ulp), so the result is within 0.5 ulp + 2^-52 ulp, and {@link DoubleRounding#finish} rounds
 * it to odd for the narrower dtypes (no double rounding there). All other results are exact.
 */
public final class Relu extends RoundingFunction {

  @Override
  Kernel bind(Params p, boolean toOdd) {
    double s = p.has("negative_slope") ? p.real("negative_slope").doubleValue() : 0;
    boolean hasMax = p.has("max_value");
    double m = hasMax ? p.real("max_value").doubleValue() : Double.POSITIVE_INFINITY;
    double t = p.has("threshold") ? p.real("threshold").doubleValue() : 0;
    if (s < 0) {
      throw new IllegalArgumentException("relu parameter 'negative_slope' must be >= 0, got " + s);
    }
    if (m < 0) {
      throw new IllegalArgumentException("relu parameter 'max_value' must be >= 0, got " + m);
    }
    boolean leaky = s != 0 && !hasMax && t == 0;
    boolean relu6 = t == 0 && hasMax && m == 6;
    return new Kernel() {
      @Override
      public double value(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        if (leaky) {
          return x > 0 ? x : s * x;
        }
        double pos;
        if (t != 0) {
          pos = x > t ? x : x * 0.0;          // -Inf * 0 = NaN, negative x gives -0.0
        } else {
          pos = x < 0 ? 0.0 : x;
        }
        if (hasMax) {
          pos = pos < 0 ? 0.0 : pos > m ? m : pos;
        }
        if (s != 0 && x < t) {
          return slopeTimesDifference(x);
        }
        return pos;
      }

      /** s (x - t) for x < t, nearly correctly rounded (see the class header). */
      private double slopeTimesDifference(double x) {
        if (Double.isInfinite(x)) {
          return t != 0 ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        double d = x - t;
        double e = DoubleDouble.twoSumError(x, -t, d);
        double prod = s * d;
        double prodError = Math.fma(s, d, -prod);
        double tail = prodError + s * e;
        double result = prod + tail;
        return DoubleRounding.finish(result, (prod - result) + tail, toOdd);
      }

      @Override
      public double derivative(double x) {
        if (Double.isNaN(x)) {
          return x;
        }
        if (leaky) {
          return x > 0 ? 1 : s;
        }
        double dpos;
        double posValue;
        if (t != 0) {
          dpos = x > t ? 1 : 0;
          posValue = x > t ? x : 0;
        } else if (relu6) {
          dpos = x > 0 && x < 6 ? 1 : 0;     // tf.nn.relu6 consumes the clip
          posValue = 0;
        } else {
          dpos = x > 0 ? 1 : 0;
          posValue = x > 0 ? x : 0;
        }
        double dclip = !hasMax || relu6 || (posValue <= m && Math.min(posValue, m) >= 0) ? 1 : 0;
        return dpos * dclip + (s != 0 && x < t ? s : 0);
      }
    };
  }
}
