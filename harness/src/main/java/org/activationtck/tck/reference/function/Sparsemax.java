package org.activationtck.tck.reference.function;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.ReferenceAxisFunction;

/**
 * sparsemax: y_i = max(z_i - tau, 0), tau = (c_k - 1) / k (Martins &amp; Astudillo 2016).
 *
 * <p>Method: exact decimal arithmetic, not double. The output z_i - tau can be smaller than z_i by
 * any factor: outputs are at most 1 while the sums are as large as the inputs, so rounding the
 * sums in double loses them (for z = [1e17, 0] even the support test 1 + z_(1) > z_(1) fails); the prefix sums, the support test 1 + j z_(j) > c_j and the
 * numerator k z_i - c_k + 1 are exact in BigDecimal, and the one division by k is carried to 34
 * digits (decimal128) and then corrected to the nearest double exactly. Cost O(n log n) BigDecimal operations
 * on numbers of up to ~770 digits; allocation per call, not per element.
 *
 * <p>Accuracy: correctly rounded in float64 (the catalog's tolerance class for sparsemax is
 * "exact", 0 ulp): a 34-digit quotient is corrected against the exact midpoints. float32 is
 * (float) of that double, correctly rounded unless the double is itself a float32 tie that the
 * exact rational is not (the exact value within 2^-54 relative of a float32 midpoint, not on it).
 *
 * <p>Special cases (catalog sparsemax.nonfinite): NaN or +Infinity anywhere, or no finite element:
 * all NaN; -Infinity elements: +0.0 and left out. Zeros are +0.0.
 */
public final class Sparsemax implements ReferenceAxisFunction {

  @Override
  public double[] apply(double[] x, Params p) {
    double[] y = new double[x.length];
    double[] finite = new double[x.length];
    int n = 0;
    for (double v : x) {
      if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
        Arrays.fill(y, Double.NaN);
        return y;
      }
      if (v != Double.NEGATIVE_INFINITY) {
        finite[n++] = v;
      }
    }
    if (n == 0) {
      Arrays.fill(y, Double.NaN);
      return y;
    }
    double[] sorted = Arrays.copyOf(finite, n);
    Arrays.sort(sorted);
    BigDecimal prefix = BigDecimal.ZERO;
    BigDecimal support = BigDecimal.ZERO;
    int k = 0;
    for (int j = 1; j <= n; j++) {
      BigDecimal z = new BigDecimal(sorted[n - j]);
      prefix = prefix.add(z);
      if (z.multiply(BigDecimal.valueOf(j)).add(BigDecimal.ONE).compareTo(prefix) > 0) {
        k = j;
        support = prefix;
      }
    }
    BigDecimal bk = BigDecimal.valueOf(k);
    BigDecimal offset = BigDecimal.ONE.subtract(support);
    for (int i = 0; i < x.length; i++) {
      if (x[i] == Double.NEGATIVE_INFINITY) {
        continue; // +0.0
      }
      BigDecimal numerator = new BigDecimal(x[i]).multiply(bk).add(offset);
      if (numerator.signum() > 0) {
        y[i] = nearest(numerator, bk);
      }
    }
    return y;
  }

  /**
   * numerator / k (> 0) correctly rounded to double: a 34-digit quotient gives a candidate within
   * 1 ulp, which is then checked exactly against the two midpoints around it (k * midpoint
   * compared with the numerator, no division), ties to even.
   */
  private static double nearest(BigDecimal numerator, BigDecimal k) {
    double q = numerator.divide(k, MathContext.DECIMAL128).doubleValue();
    for (int step = 0; step < 2; step++) {
      BigDecimal exact = new BigDecimal(q);
      BigDecimal below = exact.add(new BigDecimal(Math.nextDown(q))).divide(TWO);
      BigDecimal above = exact.add(new BigDecimal(Math.nextUp(q))).divide(TWO);
      int low = numerator.compareTo(below.multiply(k));
      int high = numerator.compareTo(above.multiply(k));
      if (low < 0 || (low == 0 && (Double.doubleToRawLongBits(q) & 1) != 0)) {
        q = Math.nextDown(q);
      } else if (high > 0 || (high == 0 && (Double.doubleToRawLongBits(q) & 1) != 0)) {
        q = Math.nextUp(q);
      } else {
        break;
      }
    }
    return q;
  }

  private static final BigDecimal TWO = BigDecimal.valueOf(2);
}