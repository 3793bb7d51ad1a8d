package org.activationtck.tck.reference.function;

import java.util.Arrays;
import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleDouble;
import org.activationtck.tck.reference.internal.DoubleRounding;

/**
 * softmax: y_i = e^(x_i - m) / sum_j e^(x_j - m), m = max x, in double-double.
 *
 * <p>Method: 1. d_j = x_j - m exactly as a double-double (TwoSum): the plain double difference is
 * rounded, an absolute error up to |d| 2^-53 that becomes a relative error |d| 2^-53 in e^d, i.e.
 * hundreds of ulps at d = -700; 2. e^(d_j) = e^r 2^k by {@link DoubleDouble#expScaled} (relative
 * error about 2^-96); 3. S = sum of the terms in double-double (S in [1, n], positive terms);
 * 4. y_i = (e^r / S) 2^k, scaled once at the end so a subnormal result is rounded once.
 *
 * <p>The quotient is rounded once by {@link DoubleRounding#finish}: to nearest for float64, to
 * odd for the narrower dtypes so that their rounding of the result is correct.
 *
 * <p>Accuracy: the double-double quotient is within 2^-90 relative; float64 results are
 * correctly rounded unless the value lies within 2^-90 relative of a midpoint between doubles,
 * and always within 1 ulp. Subnormal results: one more rounding by the final scaling, still below
 * 1 ulp of the subnormal spacing.
 *
 * <p>Special cases (catalog softmax.nonfinite.*): NaN or +Infinity anywhere, or no finite element:
 * all NaN; -Infinity elements: +0.0. Thresholds: d < -746 gives y <= e^d < 2^-1076, below half
 * the smallest subnormal: +0.0, and such a term changes S (>= 1) by less than 2^-1076.
 */
public final class Softmax extends RoundingAxisFunction {

  /** e^-746 = 2^-1076.3: smaller shifted terms round to +0.0 and do not change S. */
  static final double CUTOFF = -746;

  @Override
  double[] apply(double[] x, Params p, boolean toOdd) {
    double[] y = new double[x.length];
    double m = Double.NEGATIVE_INFINITY;
    boolean undefined = false;
    for (double v : x) {
      if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
        undefined = true;
      } else if (v > m) {
        m = v;
      }
    }
    if (undefined || m == Double.NEGATIVE_INFINITY) {
      Arrays.fill(y, Double.NaN);
      return y;
    }
    DoubleDouble sum = DoubleDouble.ZERO;
    for (double v : x) {
      DoubleDouble d = DoubleDouble.sum(v, -m);
      if (d.hi >= CUTOFF) {
        sum = DoubleDouble.add(sum, DoubleDouble.exp(d));
      }
    }
    for (int i = 0; i < x.length; i++) {
      DoubleDouble d = DoubleDouble.sum(x[i], -m);
      if (!(d.hi >= CUTOFF)) { // also -Infinity elements and overflowed differences
        y[i] = 0.0;
        continue;
      }
      DoubleDouble.Scaled e = DoubleDouble.expScaled(d);
      DoubleDouble q = DoubleDouble.div(e.m, sum);
      y[i] = e.k >= -1000 ? Math.scalb(DoubleDouble.round(q, toOdd), e.k)
          : DoubleRounding.scaleDown(q.hi, q.lo, -e.k);
    }
    return y;
  }
}
