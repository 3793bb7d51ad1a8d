package org.activationtck.tck.reference.function;

import org.activationtck.oracle.Params;
import org.activationtck.tck.reference.internal.DoubleDouble;
import org.activationtck.tck.reference.internal.DoubleRounding;
import org.activationtck.tck.reference.internal.ShiftedExp;
import org.activationtck.tck.reference.internal.ZivRounding;

/**
 * glu: y_i = a_i * sigmoid(b_i) for x = [a, b]: a fast double-double pass with a Ziv rounding test
 * per element, and the exact path below for what it cannot decide.
 *
 * <p>Fast path (|b| <= 670, results in [2^-960, Double.MAX_VALUE], finite): E = e^-|b| = Eh + El
 * by {@link ShiftedExp} (relative error RELATIVE_ERROR < 2^-76.99); D = 1 + E by FastTwoSum (1 >= E) plus El, relative
 * error below 2^-76.99 E / (1 + E) + 2^-105; N = 1 (b >= 0) or E (b < 0); sigmoid(b) = N / D as q +
 * corr (one fma correction, below 12 u^2 = 2^-102.4); y = a (q + corr) with a q split exactly by
 * fma, a corr rounded (2^-105): relative error below B = 2 RELATIVE_ERROR + 2^-98 (the exponential's error
 * in N and in D, then the roundings, with a margin that makes the rounded test safe). Ziv's test
 * as in {@link Softmax}; for the narrow dtypes also |rl| > B|r|, then r is rounded to odd towards
 * rl. Other elements (zeros, non-finite values, far tails, tiny results) take the exact path.
 *
 * <p>Exact path: in double-double with a separate binary exponent. write a = A 2^ea with A in [1, 2) and e^(-|b|) = E 2^k ({@link DoubleDouble#expScaled}).
 * For b >= 0, sigmoid(b) = 1 / (1 + E 2^k); for b < 0, sigmoid(b) = E 2^k / (1 + E 2^k). The
 * product A * sigmoid-mantissa is formed in double-double and scaled by 2^(ea [+ k]) once at the
 * end, so neither an underflowing sigmoid (b < -745) nor an overflowing intermediate loses the
 * result: a = 1e300, b = -800 gives 3.7e-48, not 0.
 *
 * <p>The product is rounded once before scaling by {@link DoubleRounding#finish}: to nearest for
 * float64, to odd for the narrower dtypes so that their rounding of the result is correct.
 *
 * <p>Accuracy: relative error of the double-double product below 2^-88, then one rounding:
 * float64 correctly rounded unless the value lies within 2^-88 relative of a midpoint, always
 * within 1 ulp (a subnormal result is rounded once, to the subnormal grid).
 *
 * <p>Special cases (catalog glu.nonfinite): NaN in a or b: NaN; b = +Infinity: a; b = -Infinity:
 * zero with the sign of a (NaN for infinite a); infinite a: ±Infinity; a = ±0: ±0. Thresholds:
 * b < -1500 gives |a| sigmoid(b) < 2^1024 e^-1500 < 2^-1140: zero with the sign of a; b > 1500
 * gives sigmoid(b) = 1 - e^-b within 2^-2160, so a exactly.
 */
public final class Glu extends RoundingAxisFunction {

  /** Fast path only for |b| <= 670, where ShiftedExp's bound holds for e^-|b|. */
  private static final double FAST_FLOOR = -670;

  /** Fast path only for results of at least 2^-960: the product's error term stays normal. */
  private static final double FAST_MIN = 0x1p-960;

  /** The fast path's relative error bound (see the class comment). */
  private static final double BOUND = 2 * ShiftedExp.RELATIVE_ERROR + 0x1p-98;

  /** Beyond |b| = 1500 the gate is 0 or 1 for every representable a (bounds above). */
  private static final double SATURATION = 1500;

  @Override
  double[] apply(double[] x, Params p, boolean toOdd) {
    if (x.length % 2 != 0) {
      throw new IllegalArgumentException("glu: the length along the axis must be even to split it"
          + " in two halves, got " + x.length);
    }
    int n = x.length / 2;
    double[] y = new double[n];
    double[] eh = new double[n];
    double[] el = new double[n];
    double[] nb = new double[n];
    for (int i = 0; i < n; i++) {
      nb[i] = -Math.abs(x[n + i]);
    }
    ShiftedExp.shifted(nb, 1, 0, eh, el, 0, n); // E = e^-|b| (NaN and -Infinity: NaN, see below)
    int[] pending = new int[n];
    int undecided = 0;
    for (int i = 0; i < n; i++) {
      double a = x[i];
      double b = x[n + i];
      double e = eh[i];
      double dh = 1 + e; // D = 1 + E: FastTwoSum (1 >= E)
      double dl = (1 - dh) + e + el[i];
      boolean positive = b >= 0;
      double nh = positive ? 1 : e; // N: 1 or E
      double nl = positive ? 0 : el[i];
      double q = nh / dh;
      double corr = (Math.fma(-q, dh, nh) + nl - q * dl) / dh;
      double ph = a * q;
      double pe = Math.fma(a, q, -ph) + a * corr;
      double r = ph + pe;
      double rl = pe - (r - ph);
      boolean decided = ZivRounding.decides(r, rl, Math.abs(r) * BOUND, toOdd)
          & (nb[i] >= FAST_FLOOR) & (Math.abs(r) >= FAST_MIN);
      y[i] = toOdd ? ZivRounding.toOdd(r, rl) : r;
      pending[undecided] = i;
      undecided += decided ? 0 : 1;
    }
    for (int j = 0; j < undecided; j++) {
      int i = pending[j];
      y[i] = gated(x[i], x[n + i], toOdd);
    }
    return y;
  }

  /** a * sigmoid(b) by the exact path (see the class comment). */
  static double gated(double a, double b, boolean toOdd) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.NaN;
    }
    if (b == Double.NEGATIVE_INFINITY || b < -SATURATION) {
      return Double.isInfinite(a) ? (b == Double.NEGATIVE_INFINITY ? Double.NaN : a) : 0.0 * a;
    }
    if (Double.isInfinite(a) || a == 0 || b > SATURATION) {
      return a;
    }
    int ea = Math.getExponent(a);
    if (ea < Double.MIN_EXPONENT) { // subnormal a: normalize
      ea = Math.getExponent(a * 0x1p60) - 60;
    }
    double mantissa = Math.scalb(a, -ea);
    DoubleDouble.Scaled e = DoubleDouble.expScaled(DoubleDouble.of(-Math.abs(b)));
    // 1 + e^-|b|; underflow of the tail is harmless
    DoubleDouble denominator = DoubleDouble.add(DoubleDouble.scalb(e.m, e.k), DoubleDouble.ONE);
    if (b >= 0) {
      DoubleDouble q = DoubleDouble.div(DoubleDouble.of(mantissa), denominator);
      return scaled(q, ea, toOdd);
    }
    return scaled(DoubleDouble.div(DoubleDouble.mul(e.m, mantissa), denominator), ea + e.k, toOdd);
  }

  /** q 2^k rounded once for the dtype (to the subnormal grid when the result is subnormal). */
  private static double scaled(DoubleDouble q, int k, boolean toOdd) {
    double r = Math.scalb(q.hi, k);
    if (Math.abs(r) < Double.MIN_NORMAL && k < 0) {
      return DoubleRounding.scaleDown(q.hi, q.lo, -k);
    }
    return Math.scalb(DoubleRounding.finish(q.hi, q.lo, toOdd), k);
  }
}
