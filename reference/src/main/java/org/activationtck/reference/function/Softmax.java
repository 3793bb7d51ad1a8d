package org.activationtck.reference.function;

import java.util.Arrays;
import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.ExpDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.ShiftedExp;
import org.activationtck.reference.internal.ShiftedExpBlock;
import org.activationtck.reference.internal.ZivRounding;
import org.activationtck.reference.kernel.AxisScratch;
import org.activationtck.reference.kernel.ExpTermSum;
import org.activationtck.reference.kernel.RoundingAxisFunction;
import org.activationtck.reference.kernel.ZivBlock;
import org.activationtck.spec.params.Params;

/**
 * softmax: y_i = e^(x_i - m) / sum_j e^(x_j - m), m = max x, correctly rounded by a fast
 * double-double pass with a Ziv rounding test, falling back per element to an exact path.
 *
 * <p>Exact path (the reference's definition; every result the fast path cannot decide comes from
 * here): 1. d_j = x_j - m exactly as a double-double (TwoSum): the plain double difference is
 * rounded, an absolute error up to |d| 2^-53 that becomes a relative error |d| 2^-53 in e^d, i.e.
 * hundreds of ulps at d = -700; 2. e^(d_j) = e^r 2^k by {@link ExpDoubleDouble#expScaled} (relative
 * error below 2^-102); 3. S = sum of the terms in double-double (S in [1, n], positive terms);
 * 4. y_i = (e^r / S) 2^k, scaled once at the end so a subnormal result is rounded once. The
 * quotient, within 2^-90 relative, is rounded once by {@link DoubleRounding#finish}: to nearest
 * for float64, to odd for the narrower dtypes so that their rounding of the result is correct.
 *
 * <p>Fast path (all elements finite and m - min x finite; one pass for max and min, then blocks of
 * 256 through short loops over per-thread scratch that C2 vectorizes: the terms and their sum
 * ({@link ExpTermSum} over {@link org.activationtck.reference.internal.ShiftedExpBlock}), then
 * the quotients and Ziv's interval ({@link ZivBlock}), the decisions in a last scalar pass):
 * <ol>
 *   <li>e^(d_i) = h_i + l_i by {@link ShiftedExp} from the TwoSum d_i, relative error below
 *       2^-76.99 for d_i >= {@link #FAST_FLOOR} = -670 (below, the term is under 2^-966 and only
 *       counts for the sum, with an absolute error below 2^-966);
 *   <li>S = Sh + Sl = the terms' sum by {@link ExpTermSum}: relative error below
 *       {@link ExpTermSum#relativeError}(n) = 2^-76.99 + about 2^-89 (lane-wise compensated
 *       summation), S >= 1 (the maximum's term is exactly 1);
 *   <li>q_i = (h_i + l_i) (ih + il) as r + rl, with 1/S = ih + il (ih = 1/Sh, one correction:
 *       (1 - ih Sh, exact by fma, minus ih Sl) / Sh, relative error below 4 u^2): h ih split
 *       exactly by fma, h il + l ih rounded, l il dropped: below 8 u^2 = 2^-103 in all;
 *       FastTwoSum exact;
 *   <li>total relative error bound B = RELATIVE_ERROR + relativeError(n) + 2^-98 (the numerator's
 *       exponential, the sum, the quotient with margin, and the margin that makes the rounded
 *       test below safe: fl(rl +- B|r|) errs by 2^-106 |r| at most). Ziv's test: r + (rl + B|r|) and r + (rl - B|r|)
 *       both round to r, so every value in the error interval rounds to r (the result for
 *       float64); for the narrow dtypes also |rl| > B|r|, so the exact value is not r and lies on
 *       rl's side: r rounded to odd towards rl. Results at d_i >= -670 are at least 2^-966 /
 *       n, normal. Undecided elements (a fraction of about 2^54 B = 2^-22) and d_i < -670 take
 *       the exact path, with S recomputed there once per call.
 * </ol>
 * Cost of the fallback: the exact S costs n double-double exponentials (about 300 ns each, warm,
 * against about 5.5 ns per element for the fast path), so a call pays it with probability about
 * n 2^-22 (measured on vectors uniform in [-10, 10]: 1 call in 20000 at n = 1024, 5 to 7 in 1000
 * at n = 32768): at n = 32768 an expected 2 ns per element, paid as a 10 ms call once in about 170
 * calls. A cheaper accurate sum (an allocation-free exponential with a 2^-95 bound) would remove
 * that. The benchmark's fixed vectors never take it.
 * Both paths give the same double wherever the exact path is correctly rounded (the fast path
 * decides only what its bound proves); held by AxisFastPathTest.
 *
 * <p>Accuracy: float64 correctly rounded unless the value lies within 2^-90 relative of a
 * midpoint between doubles, and always within 1 ulp. Subnormal results: one more rounding by the
 * final scaling, still below 1 ulp of the subnormal spacing.
 *
 * <p>Special cases (catalog softmax.nonfinite.*, exact path): NaN or +Infinity anywhere, or no
 * finite element: all NaN; -Infinity elements: +0.0. Thresholds: d < -746 gives y <= e^d <
 * 2^-1076, below half the smallest subnormal: +0.0, and such a term changes S (>= 1) by less than
 * 2^-1076.
 */
public final class Softmax extends RoundingAxisFunction {

  /** e^-746 = 2^-1076.3: smaller shifted terms round to +0.0 and do not change S. */
  static final double CUTOFF = -746;

  /** Fast-path results need d >= -670: e^d above 2^-966 keeps ShiftedExp's relative bound. */
  static final double FAST_FLOOR = -670;

  /** Elements per pass of the fast path: its scratch arrays stay in L1. */
  private static final int BLOCK = ShiftedExpBlock.LENGTH;

  @Override
  public double[] apply(double[] x, Params p, FinalRounding rounding) {
    return shifted(x, 1, rounding);
  }

  /** softmax of sign * x (sign = 1 or -1; the negation is exact): see the class comment. */
  static double[] shifted(double[] x, double sign, FinalRounding rounding) {
    int n = x.length;
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double v : x) {
      max = Math.max(max, v); // NaN propagates
      min = Math.min(min, v);
    }
    double m = sign > 0 ? max : -min;
    double lowest = sign > 0 ? min : -max;
    if (!(m - lowest <= Double.MAX_VALUE)) { // NaN, an infinity, or a span that overflows
      return exact(x, sign, rounding);
    }
    double[] y = new double[n];
    double[] lo = new double[n];
    AxisScratch scratch = AxisScratch.get();
    DoubleDouble sum = scratch.terms.terms(x, sign, m, y, lo, 0, n, lowest);
    double sh = sum.hi;
    double sl = sum.lo;
    double ih = 1 / sh; // 1/S = ih + il
    double il = (Math.fma(-ih, sh, 1) - ih * sl) / sh;
    double bound = ShiftedExp.RELATIVE_ERROR + ExpTermSum.relativeError(n) + 0x1p-98;
    boolean floorHolds = lowest - m >= FAST_FLOOR;
    ZivBlock ziv = scratch.ziv;
    ziv.reset();
    for (int start = 0; start < n; start += BLOCK) {
      int len = Math.min(n - start, BLOCK);
      quotients(ziv, y, lo, start, len, ih, il);
      ziv.test(len, bound);
      if (!floorHolds) {
        for (int i = 0; i < len; i++) {
          if (!(sign * x[start + i] - m >= FAST_FLOOR)) {
            ziv.exclude(i);
          }
        }
      }
      ziv.finish(y, start, len, rounding);
    }
    if (ziv.undecided() > 0) {
      DoubleDouble exactSum = exactSum(x, sign, m);
      for (int j = 0; j < ziv.undecided(); j++) {
        int i = ziv.undecidedIndex(j);
        y[i] = exactElement(sign * x[i], m, exactSum, rounding);
      }
    }
    return y;
  }

  /**
   * r + rl = (h_i + l_i) (ih + il) for the block's elements into ziv.r, ziv.rl (step 3 of the
   * class comment), in a loop over scratch that C2 vectorizes.
   */
  private static void quotients(ZivBlock ziv, double[] yh, double[] yl, int start, int n,
      double ih, double il) {
    double[] h = ziv.hi;
    double[] l = ziv.lo;
    double[] rh = ziv.r;
    double[] rr = ziv.rl;
    System.arraycopy(yh, start, h, 0, n);
    System.arraycopy(yl, start, l, 0, n);
    for (int i = 0; i < n; i++) {
      double hh = h[i];
      double q = hh * ih;
      double ql = Math.fma(hh, ih, -q) + (hh * il + l[i] * ih);
      double s = q + ql;
      rh[i] = s;
      rr[i] = ql - (s - q);
    }
  }

  /** The exact path for the whole vector, special values included. */
  static double[] exact(double[] x, double sign, FinalRounding rounding) {
    double[] y = new double[x.length];
    double m = Double.NEGATIVE_INFINITY;
    boolean undefined = false;
    for (double u : x) {
      double v = sign * u;
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
    DoubleDouble sum = exactSum(x, sign, m);
    for (int i = 0; i < x.length; i++) {
      y[i] = exactElement(sign * x[i], m, sum, rounding);
    }
    return y;
  }

  /** S = sum of e^(v - m) over v = sign * x_j >= m - 746, in double-double. */
  private static DoubleDouble exactSum(double[] x, double sign, double m) {
    DoubleDouble sum = DoubleDouble.ZERO;
    for (double u : x) {
      DoubleDouble d = DoubleDouble.sum(sign * u, -m);
      if (d.hi >= CUTOFF) {
        sum = DoubleDouble.add(sum, ExpDoubleDouble.exp(d));
      }
    }
    return sum;
  }

  /** e^(v - m) / sum rounded once for the dtype (exact path). */
  private static double exactElement(double v, double m, DoubleDouble sum, FinalRounding rounding) {
    DoubleDouble d = DoubleDouble.sum(v, -m);
    if (!(d.hi >= CUTOFF)) { // also -Infinity elements and overflowed differences
      return 0.0;
    }
    DoubleDouble.Scaled e = ExpDoubleDouble.expScaled(d);
    DoubleDouble q = DoubleDouble.div(e.m, sum);
    return e.k >= -1000 ? Math.scalb(DoubleDouble.round(q, rounding), e.k)
        : DoubleRounding.scaleDown(q.hi, q.lo, -e.k);
  }
}
