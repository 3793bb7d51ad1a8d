package org.activationtck.reference.function;

import java.util.Arrays;
import org.activationtck.reference.internal.DoubleDouble;
import org.activationtck.reference.internal.DoubleRounding;
import org.activationtck.reference.internal.ExpDoubleDouble;
import org.activationtck.reference.internal.FinalRounding;
import org.activationtck.reference.internal.Log1pDoubleDouble;
import org.activationtck.reference.internal.ZivRounding;
import org.activationtck.reference.kernel.AxisScratch;
import org.activationtck.reference.kernel.ExpTermSum;
import org.activationtck.reference.kernel.RoundingAxisFunction;
import org.activationtck.reference.kernel.ZivBlock;
import org.activationtck.spec.params.Params;

/**
 * log_softmax: y_i = (x_i - m) - log1p(s), m = max x, s = sum over all but one maximum of
 * e^(x_j - m), in double-double: a fast pass with a Ziv rounding test per element, falling back
 * to the exact path below for the elements it cannot decide.
 *
 * <p>Exact path: 1. t = the largest element after setting one maximum aside; s = e^(t - m) * S' with
 * S' = sum_{j != argmax} e^(x_j - t) in [1, n], so s keeps its relative accuracy however small it
 * is (the maximum's value is -log1p(s), as small as s); 2. log1p(s) by
 * {@link Log1pDoubleDouble#log1p(DoubleDouble)}, or s (1 - s/2) when s < 2^-60 (remainder s^3/3,
 * relative 2^-120), carried as a mantissa and a binary exponent so it cannot underflow early; 3. x_i - m exactly
 * (TwoSum) minus log1p(s): both terms <= 0, no cancellation.
 *
 * <p>Results are rounded once by {@link DoubleRounding#finish}: to nearest for float64; to odd for
 * the narrower dtypes, with log1p(s) > 0 acting as the sticky bit even when it is below the
 * double-double's reach, so their rounding of the result is correct.
 *
 * <p>Accuracy: relative error of the double-double value below 2^-78, then one rounding: float64
 * correctly rounded unless the value lies within 2^-78 relative of a midpoint between doubles,
 * and always within 1 ulp.
 *
 * <p>Special cases (catalog log_softmax.*): NaN or +Infinity anywhere, or no finite element: all
 * NaN; -Infinity elements: -Infinity; a lone finite element: +0.0 (s = 0). x_i - m below
 * -Double.MAX_VALUE: -Infinity. Thresholds: t - m < -1500 makes s < n e^-1500 < 2^-2100: the
 * maximum's value is -0.0 and the others' is x_i - m (|x_i - m| >= 1500 swamps log1p(s)).
 *
 * <p>Fast path (every element finite, m - min x finite, t - m >= -600): the same method with S' by
 * {@link ExpTermSum#sumExcept} (relative error relativeError(n) = 2^-76.99 + about 2^-89 from
 * ShiftedExp's terms and the lane-wise summation) instead of double-double objects; then L =
 * log1p(s) as above. A relative error delta in s moves log1p(s) by s delta / (1 + s) <= log1p(s)
 * delta, so L's relative error is at most relativeError(n) + 2^-80 (log1p) + 2^-94 (the
 * exponential, 2^-102, and the products). Per element, r = (d_h + d_l) - L with d = x_i - m exact
 * (TwoSum): both terms <= 0, so |r| >= max(|d|, L) and the three low parts (each below 2^-53 |r|)
 * summed with two roundings add below 6 u^2 |r| = 2^-103.4 |r|: |r~ - r| <= B |r|, B =
 * relativeError(n) + 2^-80 + 2^-94 + 2^-98 (the last a margin for the rounded test). The
 * per-element part runs in blocks of 256 through short vectorized loops over per-thread scratch
 * ({@link ZivBlock}), the decisions in a last scalar pass. Ziv's test as in Softmax: r + (rl +-
 * B|r|) both round to r (float64), and for the
 * narrow dtypes also |rl| > B|r| (then r rounded to odd towards rl). Both paths agree wherever the
 * exact one is correctly rounded (AxisFastPathTest; for the narrow dtypes after their rounding:
 * the exact path's maximum in the series case returns the nearest double, the fast one rounds
 * to odd).
 */
public final class LogSoftmax extends RoundingAxisFunction {

  /** Below this t - m, s < 2^-2100 n: log1p(s) vanishes next to every result. */
  private static final double NEGLIGIBLE = -1500;

  /** Fast path only for t - m >= -600: s > 2^-866, log1p(s)'s low part stays normal. */
  private static final double FAST_FLOOR = -600;

  /** s below 2^-60: log1p(s) = s (1 - s/2) to relative 2^-120. */
  private static final int SERIES_EXPONENT = -60;

  /** Elements per pass of the fast path: its scratch arrays stay in L1. */
  private static final int BLOCK = ExpTermSum.BLOCK;

  @Override
  public double[] apply(double[] x, Params p, FinalRounding rounding) {
    int n = x.length;
    // The largest and second largest (counting repeats), in one pass: their updates are rare,
    // so the branches predict well. NaN fails every comparison: Math.min propagates it instead.
    double max = Double.NEGATIVE_INFINITY;
    double t = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    int argmax = 0; // the first maximum: later ones fail v > max
    for (int i = 0; i < n; i++) {
      double v = x[i];
      min = Math.min(min, v);
      if (v > max) {
        t = max;
        max = v;
        argmax = i;
      } else if (v > t) {
        t = v;
      }
    }
    if (n < 2 || !(max - min <= Double.MAX_VALUE)) { // NaN, an infinity, an overflowing span
      return exact(x, rounding);
    }
    double m = max;
    DoubleDouble u = DoubleDouble.sum(t, -m);
    if (!(u.hi >= FAST_FLOOR)) {
      return exact(x, rounding);
    }
    AxisScratch scratch = AxisScratch.get();
    ExpTermSum terms = scratch.terms;
    DoubleDouble inner = terms.sumExcept(x, t, argmax, min);
    DoubleDouble.Scaled e = ExpDoubleDouble.expScaled(u);
    int k = e.k;
    DoubleDouble mantissa = DoubleDouble.mul(e.m, inner);
    DoubleDouble log;
    if (k < SERIES_EXPONENT) {
      double half = Math.scalb(mantissa.hi, k - 1);
      log = DoubleDouble.scalb(DoubleDouble.mul(mantissa, DoubleDouble.sum(1.0, -half)), k);
    } else {
      log = Log1pDoubleDouble.log1p(DoubleDouble.scalb(mantissa, k));
    }
    double bound = ExpTermSum.relativeError(n) + 0x1p-80 + 0x1p-94 + 0x1p-98;
    double[] y = new double[n];
    ZivBlock ziv = scratch.ziv;
    ziv.reset();
    for (int start = 0; start < n; start += BLOCK) {
      int len = Math.min(n - start, BLOCK);
      differences(ziv, x, start, len, m, log.hi, log.lo);
      ziv.test(len, bound);
      ziv.finish(y, start, len, rounding);
    }
    if (ziv.undecided() > 0) {
      double[] exact = exact(x, rounding);
      for (int j = 0; j < ziv.undecided(); j++) {
        int i = ziv.undecidedIndex(j);
        y[i] = exact[i];
      }
    }
    return y;
  }

  /**
   * r + rl = (x_i - m) - (lh + ll) for the block's elements into ziv.r, ziv.rl (see the class
   * comment), in two loops over scratch that C2 vectorizes.
   */
  private static void differences(ZivBlock ziv, double[] x, int start, int n, double m,
      double lh, double ll) {
    double[] v = ziv.hi;
    double[] sh = ziv.r;
    double[] lo = ziv.rl;
    System.arraycopy(x, start, v, 0, n);
    for (int i = 0; i < n; i++) {
      double vi = v[i];
      double dh = vi - m;
      double dl = DoubleDouble.twoSumError(vi, -m, dh);
      double s = dh - lh;
      sh[i] = s;
      lo[i] = DoubleDouble.twoSumError(dh, -lh, s) + dl - ll;
    }
    for (int i = 0; i < n; i++) {
      double s = sh[i];
      double lo1 = lo[i];
      double r = s + lo1; // FastTwoSum: same signs, |s| >= |lo1|
      sh[i] = r;
      lo[i] = lo1 - (r - s);
    }
  }

  /** The exact path for the whole vector, special values included (see the class comment). */
  static double[] exact(double[] x, FinalRounding rounding) {
    double[] y = new double[x.length];
    int argmax = -1;
    boolean undefined = false;
    for (int i = 0; i < x.length; i++) {
      double v = x[i];
      if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
        undefined = true;
      } else if (v != Double.NEGATIVE_INFINITY && (argmax < 0 || v > x[argmax])) {
        argmax = i;
      }
    }
    if (undefined || argmax < 0) {
      Arrays.fill(y, Double.NaN);
      return y;
    }
    double m = x[argmax];
    double t = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < x.length; j++) {
      if (j != argmax && x[j] > t) {
        t = x[j];
      }
    }
    // log1p(s) = lHi + lLo, or lMantissa * 2^lExponent when s is below 2^-60.
    DoubleDouble log = DoubleDouble.ZERO;
    double maxValue;
    if (t == Double.NEGATIVE_INFINITY) {
      maxValue = 0.0; // s = 0 exactly: -log1p(0) must be +0.0, not -0.0
    } else {
      DoubleDouble u = DoubleDouble.sum(t, -m);
      if (!(u.hi >= NEGLIGIBLE)) {
        maxValue = -0.0;
      } else {
        DoubleDouble inner = DoubleDouble.ZERO;
        for (int j = 0; j < x.length; j++) {
          DoubleDouble d = DoubleDouble.sum(x[j], -t);
          if (j != argmax && d.hi >= Softmax.CUTOFF) {
            inner = DoubleDouble.add(inner, ExpDoubleDouble.exp(d));
          }
        }
        DoubleDouble.Scaled e = ExpDoubleDouble.expScaled(u);
        int k = e.k;
        DoubleDouble mantissa = DoubleDouble.mul(e.m, inner);
        if (k < SERIES_EXPONENT) {
          double half = Math.scalb(mantissa.hi, k - 1);
          DoubleDouble scaled = DoubleDouble.mul(mantissa, DoubleDouble.sum(1.0, -half));
          maxValue = -Math.scalb(scaled.hi, k);
          log = DoubleDouble.of(Math.scalb(scaled.hi, k));
        } else {
          log = Log1pDoubleDouble.log1p(DoubleDouble.scalb(mantissa, k));
          maxValue = -DoubleDouble.round(log, rounding);
        }
      }
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i] == Double.NEGATIVE_INFINITY) {
        y[i] = Double.NEGATIVE_INFINITY;
      } else if (x[i] == m) {
        y[i] = maxValue;
      } else {
        DoubleDouble d = DoubleDouble.sum(x[i], -m);
        if (Double.isInfinite(d.hi)) {
          y[i] = d.hi;
          continue;
        }
        // x_i - m is exact and often a float32 rounding tie (a difference of two floats needs
        // one bit more); log1p(s) > 0 breaks the tie downwards even when it underflowed here.
        DoubleDouble r = DoubleDouble.sub(d, log);
        double sticky = r.lo != 0 ? r.lo : (t == Double.NEGATIVE_INFINITY ? 0 : -1);
        y[i] = DoubleRounding.finish(r.hi, sticky, rounding);
      }
    }
    return y;
  }
}
