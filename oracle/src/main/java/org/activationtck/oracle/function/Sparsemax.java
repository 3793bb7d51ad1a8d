package org.activationtck.oracle.function;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import org.activationtck.oracle.AxisFunction;
import org.activationtck.spec.params.Params;
import org.activationtck.oracle.Real;

/**
 * sparsemax (Martins &amp; Astudillo 2016, Algorithm 1): the Euclidean projection of z onto the
 * probability simplex.
 *
 * <p>Definition: sort z descending, z_(1) >= ... >= z_(n); with c_k = sum_{j<=k} z_(j), the support
 * size is k(z) = max{k : 1 + k z_(k) > c_k}; tau = (c_k(z) - 1) / k(z); y_i = max(z_i - tau, 0).
 *
 * <p>Method: everything in exact rational arithmetic. Inputs are exact binary values, so the
 * sorted prefix sums c_k and the comparisons 1 + k z_(k) > c_k are exact BigDecimal operations;
 * each output is (k z_i - c_k + 1) / k, an exact numerator divided once by the integer k.
 *
 * <p>Error bound: exact when the quotient terminates in decimal (always when k = 2^a 5^b);
 * otherwise the quotient is rounded once to d + 1 digits (relative error below 10^-d) and is not
 * dyadic, so it is never a binary rounding tie and Ziv's loop ends.
 *
 * <p>Special cases (catalog sparsemax.nonfinite): NaN or +Infinity anywhere, or no finite element:
 * all NaN; -Infinity elements are +0.0 and left out of the projection. Zeros are +0.0
 * (sparsemax.zero_sign).
 */
public final class Sparsemax implements AxisFunction {

  /** Digits of a non-terminating quotient beyond the request: one rounding, half an ulp. */
  private static final int QUOTIENT_GUARD = 1;

  @Override
  public Real[] value(double[] x, Params p, int digits) {
    Real[] y = new Real[x.length];
    int n = 0;
    for (double v : x) {
      if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
        Arrays.fill(y, Real.NAN);
        return y;
      }
      if (v != Double.NEGATIVE_INFINITY) {
        n++;
      }
    }
    if (n == 0) {
      Arrays.fill(y, Real.NAN);
      return y;
    }
    double[] sorted = new double[n];
    int m = 0;
    for (double v : x) {
      if (v != Double.NEGATIVE_INFINITY) {
        sorted[m++] = v;
      }
    }
    Arrays.sort(sorted); // ascending; read from the end for descending order
    BigDecimal prefix = BigDecimal.ZERO;
    BigDecimal supportSum = null;
    int k = 0;
    for (int j = 1; j <= n; j++) {
      BigDecimal z = new BigDecimal(sorted[n - j]);
      prefix = prefix.add(z);
      // 1 + j z_(j) > c_j
      if (BigDecimal.ONE.add(z.multiply(BigDecimal.valueOf(j))).compareTo(prefix) > 0) {
        k = j;
        supportSum = prefix;
      }
    }
    // k >= 1 always: for j = 1 the test reads 1 + z_(1) > z_(1).
    BigDecimal bk = BigDecimal.valueOf(k);
    BigDecimal offset = BigDecimal.ONE.subtract(supportSum); // k z_i + offset = k (z_i - tau)
    for (int i = 0; i < x.length; i++) {
      if (x[i] == Double.NEGATIVE_INFINITY) {
        y[i] = Real.POSITIVE_ZERO;
        continue;
      }
      BigDecimal numerator = new BigDecimal(x[i]).multiply(bk).add(offset);
      y[i] = numerator.signum() <= 0 ? Real.POSITIVE_ZERO : quotient(numerator, bk, digits);
    }
    return y;
  }

  private static Real quotient(BigDecimal numerator, BigDecimal k, int digits) {
    try {
      return Real.exact(numerator.divide(k));
    } catch (ArithmeticException nonTerminating) {
      return Real.approx(numerator.divide(k,
          new MathContext(digits + QUOTIENT_GUARD, RoundingMode.HALF_EVEN)), digits);
    }
  }
}
