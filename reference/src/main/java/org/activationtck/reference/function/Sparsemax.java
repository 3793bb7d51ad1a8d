package org.activationtck.reference.function;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import org.activationtck.spec.params.Params;
import org.activationtck.reference.ReferenceAxisFunction;
import org.activationtck.reference.internal.DoubleDouble;

/**
 * sparsemax: y_i = max(z_i - tau, 0), tau = (c_k - 1) / k (Martins &amp; Astudillo 2016).
 *
 * <p>Fast path (every element finite, max - min finite): tau lies in [m - 1, m) (the largest
 * output m - tau is at most the outputs' sum 1), so only the elements above thr = fl(m - 1) - 2^-51
 * (|m| + 1) < m - 1 can be in the support: they are gathered (branch-free) and sorted, usually a
 * small part of the vector (for uniform logits over a span w, about n/w of them; the textbook
 * sorts all n). The textbook scan in
 * double on them guesses k; then k is <em>verified</em>: c_k in double-double (TwoSum, errors
 * summed: |error| <= (k^2 + 4k) 2^-106 A, A = sum |z_j|), T = (c_k - 1) / k as th + tl with
 * |T~ - tau| <= errT (the sum's error plus 2^-103 (A + 1) for c_k - 1 and the division by k, all /
 * k, plus 2^-102 |T|, doubled as a margin); k is the support size iff z_(k) > tau >= z_(k+1)
 * (then tau_k satisfies sum max(z - tau_k, 0) = 1, which defines tau), checked as z_(k) - T >
 * errT and z_(k+1) - T < -errT with the differences formed by TwoSum and shrunk by 2^-50 of
 * themselves (their own rounding). Elements below z_(k): +0.0. Support elements: y = z - T by
 * TwoSum, rounded once; Ziv's test with the bound errT + 2^-105 (|T| + |y|) (the low parts'
 * rounding) decides the correctly rounded double, else that element is computed exactly
 * (BigDecimal, below). A failed verification (ties at the threshold, |z| >= 2^53, spreads the
 * double-double cannot separate) runs the exact method for the whole vector. Both paths give the
 * same doubles (AxisFastPathTest).
 *
 * <p>Exact path: exact decimal arithmetic, not double. The output z_i - tau can be smaller than z_i by
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
    int n = x.length;
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double v : x) {
      max = Math.max(max, v); // NaN propagates
      min = Math.min(min, v);
    }
    if (n == 0 || !(max - min <= Double.MAX_VALUE)) { // NaN, an infinity, an overflowing span
      return exact(x);
    }
    // Candidates: every z > thr, thr <= m - 1 <= tau (see the class comment).
    double thr = (max - 1) - (Math.abs(max) + 1) * 0x1p-51;
    double[] candidates = new double[n];
    int count = 0;
    for (double v : x) {
      candidates[count] = v;
      count += v > thr ? 1 : 0;
    }
    Arrays.sort(candidates, 0, count);
    // k from the textbook scan in double (only a guess: verified below).
    int k = 0;
    double cumulative = 0;
    for (int j = 1; j <= count; j++) {
      double z = candidates[count - j];
      cumulative += z;
      if (1 + j * z > cumulative) {
        k = j;
      } else {
        break;
      }
    }
    if (k == 0) { // 1 + z = z in double: |z| >= 2^53, beyond the double scan
      return exact(x);
    }
    // c_k = sum of the k largest as s + c (TwoSum errors accumulated), A = sum of |z|.
    double s = 0;
    double c = 0;
    double a = 0;
    for (int j = 1; j <= k; j++) {
      double z = candidates[count - j];
      double t = s + z;
      c += DoubleDouble.twoSumError(s, z, t);
      s = t;
      a += Math.abs(z);
    }
    // T = (c_k - 1) / k as th + tl
    double uh = s - 1;
    double ul = DoubleDouble.twoSumError(s, -1, uh) + c;
    double bk = k;
    double th = uh / bk;
    double tl = (Math.fma(-th, bk, uh) + ul) / bk;
    double kd = k;
    double errT = 2 * (((kd * kd + 4 * kd) * 0x1p-106 * a * (1 + 0x1p-40)
        + 0x1p-103 * (a + 1)) / kd + 0x1p-102 * Math.abs(th));
    double zk = candidates[count - k];
    boolean verified = difference(zk, th, tl) > errT
        && (k == count || difference(candidates[count - k - 1], th, tl) < -errT);
    if (!verified) {
      return exact(x);
    }
    double[] y = new double[n];
    BigDecimal exactSupport = null;
    for (int i = 0; i < n; i++) {
      double z = x[i];
      if (z < zk) {
        continue; // +0.0: z <= z_(k+1) < tau
      }
      double sh = z - th;
      double lo = DoubleDouble.twoSumError(z, -th, sh) - tl;
      double r = sh + lo;
      double rl = DoubleDouble.twoSumError(sh, lo, r);
      double err = errT + 0x1p-105 * (Math.abs(th) + Math.abs(r));
      if ((r + (rl + err) == r) & (r + (rl - err) == r)) {
        y[i] = r + 0.0; // no -0.0
      } else {
        if (exactSupport == null) {
          exactSupport = BigDecimal.ZERO;
          for (int j = 1; j <= k; j++) {
            exactSupport = exactSupport.add(new BigDecimal(candidates[count - j]));
          }
        }
        BigDecimal bigK = BigDecimal.valueOf(k);
        BigDecimal numerator = new BigDecimal(z).multiply(bigK)
            .add(BigDecimal.ONE.subtract(exactSupport));
        y[i] = numerator.signum() > 0 ? nearest(numerator, bigK) : 0.0;
      }
    }
    return y;
  }

  /** (z - (th + tl)) approximately: the TwoSum difference with relative error below 2^-51. */
  private static double difference(double z, double th, double tl) {
    double sh = z - th;
    double v = sh + (DoubleDouble.twoSumError(z, -th, sh) - tl);
    return v - Math.copySign(Math.abs(v) * 0x1p-50, v); // shrunk towards zero by 2^-50 |v|
  }

  /** The exact path for the whole vector, special values included (see the class comment). */
  static double[] exact(double[] x) {
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