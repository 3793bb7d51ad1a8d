package org.activationtck.tck.reference.function;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.DoubleDouble;
import org.activationtck.tck.reference.ReferenceAxisFunction;

/**
 * sparsemax: y_i = max(z_i - tau, 0), tau = (c_k - 1) / k (Martins &amp; Astudillo 2016).
 *
 * <p>Method: exact decimal arithmetic, not double. The output z_i - tau can be smaller than z_i by
 * any factor: outputs are at most 1 while the sums are as large as the inputs, so rounding the
 * sums in double loses them (for z = [1e17, 0] even the support test 1 + z_(1) > z_(1) fails); the prefix sums, the support test 1 + j z_(j) > c_j and the
 * numerator k z_i - c_k + 1 are exact in BigDecimal, and the one division by k is carried to 34
 * digits (decimal128) before a single rounding to double. Cost O(n log n) BigDecimal operations
 * on numbers of up to ~770 digits; allocation per call, not per element.
 *
 * <p>The double is rounded to odd against the exact quotient ({@link DoubleDouble#roundToOdd}), so
 * float32 = (float) of it is correctly rounded; float64 is within 1 ulp.
 *
 * <p>Accuracy: the 34-digit quotient is within 10^-33 relative, so the double is the correctly
 * rounded value except within 10^-33 of a tie: error below 0.5 + 10^-17 ulp.
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
        double q = numerator.divide(bk, MathContext.DECIMAL128).doubleValue();
        // round to odd: the exact quotient's side of q decides (float) ties correctly
        int side = numerator.compareTo(new BigDecimal(q).multiply(bk));
        y[i] = DoubleDouble.roundToOdd(q, side);
      }
    }
    return y;
  }
}
